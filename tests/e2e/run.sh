#!/bin/sh
# `npm run test:e2e`: builds the extension for the e2e tests, then runs `vitest --project e2e` in
# a network namespace of its own, so that Chromium, WebRTC and the signaling server can only
# talk over this machine's loopback (../../../shared/TESTING.md). Extra arguments go to vitest,
# e.g. `npm run test:e2e -- tests/e2e/p2p.test.ts`.
set -eu
cd "$(dirname "$0")/../.."

fail() {
  echo "test:e2e: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || fail "needs root, to create a network namespace with unshare -n (see tests/e2e/README.md)."
command -v unshare >/dev/null 2>&1 || fail "unshare not found: install util-linux."
command -v ip >/dev/null 2>&1 || fail "ip not found: install iproute2."
unshare -n true 2>/dev/null || fail "unshare -n failed: this machine or container does not allow new network namespaces."

# The signaling URL is baked in at build time; the harness's recording proxy listens there.
# Set explicitly, so a KRING_SIGNALING_URL in the environment cannot point the tests elsewhere.
KRING_SIGNALING_URL=ws://127.0.0.1:4444 ./node_modules/.bin/wxt build

# Inside the namespace: loopback, plus a veth pair whose two ends both stay in the namespace.
# Chromium thinks a host with loopback only is offline (navigator.onLine === false), and then
# never fires the window `offline`/`online` events that Playwright's setOffline should cause,
# and Kring's transport would not reconnect. 198.51.100.1 (TEST-NET-2, RFC 5737) on one end makes
# Chromium see a network; packets to it are delivered locally, and there is no route out.
exec unshare -n sh -c '
  set -e
  ip link set lo up
  if ! ip link add kring0 type veth peer name kring1 2>/dev/null; then
    echo "test:e2e: cannot create a veth pair in the namespace (ip link add … type veth)." >&2
    exit 1
  fi
  ip link set kring0 addrgenmode none
  ip link set kring1 addrgenmode none
  ip addr add 198.51.100.1/32 dev kring0
  ip link set kring0 up
  ip link set kring1 up
  exec "$@"
' sh ./node_modules/.bin/vitest run --project e2e "$@"
