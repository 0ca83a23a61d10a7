#!/bin/sh
# `npm run bench`: builds the extension and the participants' web page as the e2e tests do,
# then runs the benchmarks in a network namespace of their own (scripts/in-netns.sh). Prints
# one table; samples are written to bench/results/ (ignored by git). Shorter runs, e.g.:
# KRING_BENCH_PEERS=2,5 KRING_BENCH_EDITS=20 KRING_BENCH_CATCHUP_SIZES=1000, or one part with
# KRING_BENCH_SECTIONS=phone (facilitation, latency, mesh, mixed, phone, catchup, bigsession,
# relay);
# KRING_BENCH_PROFILE=1 adds a profiled late join (where its time goes). README.md,
# "Benchmarks", lists them all.
set -eu
cd "$(dirname "$0")/.."
# KRING_WEB_URL unset: the panel's invite link then leads to the page the bench's server serves.
env -u KRING_WEB_URL KRING_SIGNALING_URL=ws://127.0.0.1:4444 ./node_modules/.bin/wxt build >/dev/null
# Without a signaling URL the page uses the server that served it (lib/platform/web.ts).
env -u KRING_SIGNALING_URL -u KRING_WEB_URL npm run --silent build:web >/dev/null
exec sh scripts/in-netns.sh ./node_modules/.bin/tsx bench/main.ts
