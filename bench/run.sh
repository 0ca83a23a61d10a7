#!/bin/sh
# `npm run bench`: builds the extension as the e2e tests do, then runs the benchmarks in a
# network namespace of their own (scripts/in-netns.sh). Prints a table; samples are written to
# bench/results/ (ignored by git). KRING_BENCH_PEERS=2,5 and KRING_BENCH_EDITS=20 shorten a run.
set -eu
cd "$(dirname "$0")/.."
KRING_SIGNALING_URL=ws://127.0.0.1:4444 ./node_modules/.bin/wxt build >/dev/null
exec sh scripts/in-netns.sh ./node_modules/.bin/tsx bench/main.ts
