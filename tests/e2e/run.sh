#!/bin/sh
# `npm run test:e2e`: builds the extension for the e2e tests, then runs `vitest --project e2e` in
# a network namespace of its own (scripts/in-netns.sh), so that Chromium, WebRTC and the
# signaling server can only talk over this machine's loopback. Extra arguments go to vitest,
# e.g. `npm run test:e2e -- tests/e2e/p2p.test.ts`.
set -eu
cd "$(dirname "$0")/../.."

# The signaling URL is baked in at build time; the harness's recording proxy listens there.
# Set explicitly, so a KRING_SIGNALING_URL in the environment cannot point the tests elsewhere;
# KRING_WEB_URL unset, so the invite link leads to the page that server serves.
env -u KRING_WEB_URL KRING_SIGNALING_URL=ws://127.0.0.1:4444 ./node_modules/.bin/wxt build

# The participants' web app, which the test server serves from .output/web. Built without a
# signaling URL: the page then uses the server it was served from (lib/platform/web.ts), which
# is what the tests check.
env -u KRING_SIGNALING_URL -u KRING_WEB_URL npm run --silent build:web

exec sh scripts/in-netns.sh ./node_modules/.bin/vitest run --project e2e "$@"
