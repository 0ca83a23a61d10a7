#!/bin/sh
# Runs a command in a network namespace of its own, where Chromium, WebRTC and the signaling
# server can only talk over this machine's loopback (../shared/TESTING.md). Used by the e2e
# tests and the benchmarks. Needs root (unshare -n), util-linux and iproute2.
#
# Besides loopback the namespace gets a veth pair whose two ends both stay inside it, with
# 198.51.100.1/32 (TEST-NET-2, RFC 5737) on one end: Chromium thinks a host with only loopback
# is offline (navigator.onLine === false) and then never fires `offline`/`online` events. There
# is no route out; packets to that address are delivered locally.
set -eu

fail() {
  echo "in-netns: $*" >&2
  exit 1
}

[ "$(id -u)" = 0 ] || fail "needs root, to create a network namespace with unshare -n."
command -v unshare >/dev/null 2>&1 || fail "unshare not found: install util-linux."
command -v ip >/dev/null 2>&1 || fail "ip not found: install iproute2."
unshare -n true 2>/dev/null || fail "unshare -n failed: this machine or container does not allow new network namespaces."

exec unshare -n sh -c '
  set -e
  ip link set lo up
  if ! ip link add kring0 type veth peer name kring1 2>/dev/null; then
    echo "in-netns: cannot create a veth pair in the namespace (ip link add … type veth)." >&2
    exit 1
  fi
  ip link set kring0 addrgenmode none
  ip link set kring1 addrgenmode none
  ip addr add 198.51.100.1/32 dev kring0
  ip link set kring0 up
  ip link set kring1 up
  exec "$@"
' sh "$@"
