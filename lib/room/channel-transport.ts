import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Channel } from './channel';
import { type SyncLayer, startSync } from './sync';
import type { Transport, TransportOptions, TransportPath, TransportStatus } from './transport';

/** What the transport offers the channel it opens. */
export interface ChannelHooks {
  /** False once this device knows it is the one with the wrong passphrase. */
  readonly answerUndecryptable: () => boolean;
}

/**
 * A channel that may choose its path (path-channel.ts): which one it is on, and how to ask it
 * for the relay. A plain channel is direct.
 */
export type TransportChannel = Channel & {
  path?(): TransportPath;
  preferRelay?(): void;
};

/**
 * A Transport made of any channel with the one sync layer on top: the WebRTC mesh
 * (webrtc.ts), the relay to come, and the in-memory double the component tests use, so those
 * tests run the real sync layer and the real status logic.
 */
export function channelTransport(
  doc: Y.Doc,
  role: TransportOptions['role'],
  open: (hooks: ChannelHooks) => TransportChannel | Promise<TransportChannel | null>,
): Transport {
  const awareness = new Awareness(doc);
  let destroyed = false;
  let channel: TransportChannel | null = null;
  /** Asked for before the channel opened (it opens after a key derivation and a jitter). */
  let relayWanted = false;
  let sync: SyncLayer | null = null;
  const stop: (() => void)[] = [];
  const status = transportStatus(
    role,
    () => channel,
    () => sync,
    () => awareness.getStates().size - (awareness.getLocalState() === null ? 0 : 1),
  );

  const attach = (opened: TransportChannel | null) => {
    if (!opened) return;
    if (destroyed) {
      opened.destroy();
      return;
    }
    channel = opened;
    sync = startSync(doc, awareness, opened);
    stop.push(
      opened.on('status', status.update),
      opened.on('peer-joined', status.update),
      opened.on('peer-left', status.update),
      opened.on('decrypt-failed', status.countUndecryptable),
      sync.onChange(status.update),
    );
    // In a relay room the others present are known by their presence (below).
    awareness.on('change', status.update);
    stop.push(() => awareness.off('change', status.update));
    if (relayWanted) opened.preferRelay?.();
    status.update();
  };
  const opened = open({ answerUndecryptable: () => status.current().kind !== 'wrong-passphrase' });
  // A channel whose code could not load (a web page that went offline first) stays connecting.
  if (opened instanceof Promise) void opened.then(attach, () => attach(null));
  else attach(opened);

  return {
    awareness,
    status: status.current,
    onStatus: status.listen,
    connections: () => channel?.connections() ?? { webrtc: 0, broadcast: 0 },
    preferRelay() {
      relayWanted = true;
      channel?.preferRelay?.();
    },
    retry() {
      status.reset();
      channel?.retry();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const unsubscribe of stop) unsubscribe();
      status.clear();
      sync?.destroy();
      channel?.destroy();
      awareness.destroy();
    },
  };
}

/** The status a person sees, made from the channel's health, its peers and the sync layer. */
function transportStatus(
  role: TransportOptions['role'],
  channel: () => TransportChannel | null,
  sync: () => SyncLayer | null,
  /** Others whose presence this device knows. */
  othersPresent: () => number,
) {
  const listeners = new Set<(status: TransportStatus) => void>();
  let current: TransportStatus = { kind: 'connecting' };
  let undecryptable = 0;

  const compute = (): TransportStatus => {
    const open = channel();
    if (!open) return { kind: 'connecting' };
    // A relay channel's peers are the members of its server instance only; members on other
    // instances are known by their presence, so a relay room counts whichever is more.
    const peers = open.fanOut?.()
      ? Math.max(open.peers().size, othersPresent())
      : open.peers().size;
    const { receiving, unreachablePeers } = sync()?.state() ?? {
      receiving: null,
      unreachablePeers: 0,
    };
    const path = open.path?.() ?? 'direct';
    if (peers > 0) return { kind: 'connected', peers, path, receiving, unreachablePeers };
    // The facilitator's passphrase defines the room: whoever cannot decrypt the facilitator is
    // the participant with the wrong one.
    if (undecryptable > 0 && role === 'participant') return { kind: 'wrong-passphrase' };
    const health = open.status();
    if (health.kind === 'online') return { kind: 'connected', peers: 0, path };
    if (health.kind === 'unreachable') return { kind: 'signaling-unreachable' };
    return health;
  };

  const update = () => {
    const next = compute();
    if (sameStatus(next, current)) return;
    current = next;
    for (const listener of [...listeners]) listener(current);
  };

  return {
    current: () => current,
    update,
    listen(listener: (status: TransportStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    countUndecryptable() {
      undecryptable++;
      update();
    },
    /** Retry is a person's explicit wish: forget what we concluded and try again. */
    reset() {
      undecryptable = 0;
      update();
    },
    clear() {
      listeners.clear();
    },
  };
}

function sameStatus(a: TransportStatus, b: TransportStatus): boolean {
  if (a.kind !== 'connected' || b.kind !== 'connected') return a.kind === b.kind;
  return (
    a.peers === b.peers &&
    (a.path ?? 'direct') === (b.path ?? 'direct') &&
    (a.unreachablePeers ?? 0) === (b.unreachablePeers ?? 0) &&
    a.receiving?.received === b.receiving?.received &&
    a.receiving?.total === b.receiving?.total
  );
}
