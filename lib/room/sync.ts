import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
  ANTI_ENTROPY_MS,
  MISSING_STATE_REQUEST_MS,
  REASSEMBLY_TIMEOUT_MS,
  SEND_RETRY_MS,
} from '../limits';
import type { Channel, FrameVia, PeerId, PeerInfo } from './channel';
import { applyMessage, type MessageReceiver } from './sync-message';
import { forwardTargets, tellNeighbours } from './sync-neighbours';
import {
  FromPeer,
  newPeerState,
  type PeerState,
  type SyncState,
  sameSyncState,
  summarize,
} from './sync-peer';
import { forgetRoomOnlyPeers, RoomSync } from './sync-room';
import { Throttle } from './throttle';
import {
  awarenessMessage,
  fullStateMessage,
  MESSAGE_CHUNK,
  syncStep1Message,
  updateMessage,
} from './wire';

export interface SyncLayer {
  state(): SyncState;
  /** Calls `listener` when `state()` changes; returns the unsubscribe. */
  onChange(listener: (state: SyncState) => void): () => void;
  /** One anti-entropy round now (it also runs every ANTI_ENTROPY_MS). */
  antiEntropy(): void;
  destroy(): void;
}

/**
 * The one Yjs sync and awareness layer, over any channel (issue 9). It speaks y-webrtc's
 * messages (wire.ts), so stock y-webrtc peers keep syncing, and adds what y-webrtc lacks:
 * - messages of any size, chunked and reassembled with bounded buffers (chunks.ts);
 * - back-pressure and never a silent loss: what could not be sent becomes a full state sent
 *   later (outbox.ts);
 * - anti-entropy: a peer holding updates it cannot apply asks for the missing state at once,
 *   and every ANTI_ENTROPY_MS all peers compare state vectors, so a lost message heals itself;
 * - only updates made on this device are sent (y-webrtc re-sends every remote one: N² messages
 *   per keystroke in a full mesh), and presence of a peer that leaves is removed at once;
 * - over a server fan-out (the relay) it works in room mode (sync-room.ts): one broadcast per
 *   edit, one answered state request per join. The fan-out may come or go at any time (the
 *   path channel moves from mesh to relay), so each handler asks `room.fanOut()` as it runs.
 */
export function startSync(doc: Y.Doc, awareness: awarenessProtocol.Awareness, channel: Channel) {
  const peers = new Map<PeerId, PeerState>();
  const listeners = new Set<(state: SyncState) => void>();
  let current: SyncState = { receiving: null, unreachablePeers: 0 };
  let nextMessageId = 1;
  const missingRequests = new Throttle(MISSING_STATE_REQUEST_MS);
  let sweepTimer: ReturnType<typeof setInterval> | null = null;
  const room = new RoomSync({ doc, awareness, channel, peerCount: () => peers.size });

  const syncStep1 = () => syncStep1Message(doc);
  const fullState = () => fullStateMessage(doc);
  const awarenessOf = (clients: number[]) => awarenessMessage(awareness, clients);
  // What replaces a peer's dropped queue (outbox.ts): everything we have, what we have (so it
  // answers with what we lack), and who we are.
  const resync = () =>
    // In a room only the reply to a request may be sent to one peer: the whole state is that.
    room.fanOut()
      ? [fullState()]
      : awareness.getLocalState() === null
        ? [fullState(), syncStep1()]
        : [fullState(), syncStep1(), awarenessOf([doc.clientID])];

  function send(peer: PeerId, bytes: Uint8Array): void {
    const state = peers.get(peer);
    if (!state) return;
    if (state.outbox.push(bytes) === 'too-large-for-peer') markUnreachable(state);
    pump(peer);
  }

  function broadcast(bytes: Uint8Array): void {
    for (const peer of peers.keys()) send(peer, bytes);
  }

  function pump(peer: PeerId): void {
    const state = peers.get(peer);
    if (!state) return;
    const result = state.outbox.pump();
    if (result === 'too-large-for-peer') markUnreachable(state);
    // A peer met only through the room that cannot be sent to any more: it asks again if it
    // still needs an answer, while retrying would encode the whole state again every second.
    if (result === 'failed' && !channel.peers().has(peer)) {
      if (state.retryTimer !== null) clearTimeout(state.retryTimer);
      peers.delete(peer);
    } else if (result === 'failed' && state.retryTimer === null) {
      state.retryTimer = setTimeout(() => {
        state.retryTimer = null;
        pump(peer);
      }, SEND_RETRY_MS);
    }
  }

  function markUnreachable(state: PeerState): void {
    if (state.unreachable) return;
    state.unreachable = true;
    update();
  }

  function onPeerJoined(peer: PeerId, info: PeerInfo): void {
    onPeerLeft(peer); // a peer that reconnects starts afresh
    addPeer(peer, info);
    // In a room, joining is one request for the room ('room-joined'), not a sync per peer.
    if (room.fanOut()) return;
    // As y-webrtc does on connect: our state vector and our presence. Only our own presence:
    // each peer speaks for itself, so when a link closes we know whose presence went with it.
    send(peer, syncStep1());
    if (awareness.getLocalState() !== null) send(peer, awarenessOf([doc.clientID]));
    tellNeighbours(peers, send);
  }

  function addPeer(peer: PeerId, info: PeerInfo): PeerState {
    const state = newPeerState(peer, info, channel, resync, () => nextMessageId++);
    peers.set(peer, state);
    return state;
  }

  function onPeerLeft(peer: PeerId): void {
    const state = peers.get(peer);
    if (!state) return;
    peers.delete(peer);
    if (state.retryTimer !== null) clearTimeout(state.retryTimer);
    // A stock y-webrtc peer also passes on others' presence: keep whoever another peer vouches
    // for (a Kring peer only ever speaks for itself).
    const vouched = new Set([...peers.values()].flatMap((other) => [...other.clients]));
    const gone = [...state.clients].filter(
      (client) => client !== doc.clientID && !vouched.has(client),
    );
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(awareness, gone, state.origin);
    if (!room.fanOut()) tellNeighbours(peers, send);
    update();
  }

  function onFrame(peer: PeerId, frame: Uint8Array, via?: FrameVia): void {
    if (frame.length === 0) return;
    let state = peers.get(peer);
    if (!state) {
      // A room brings frames from peers the channel never announced (another server instance).
      const info = room.peerInfo();
      if (!info) return;
      state = addPeer(peer, info);
    }
    state.lastHeardAt = Date.now();
    if (frame[0] === MESSAGE_CHUNK) {
      const result = state.reassembler.accept(frame);
      if (result.kind === 'complete') handleMessage(state, result.message, via);
      // The message this chunk belonged to is lost: ask for the state again.
      else if (result.kind === 'dropped') requestMissing(peer);
      watchReassembly();
      update();
      return;
    }
    handleMessage(state, frame, via);
  }

  const receiver: MessageReceiver = {
    doc,
    awareness,
    room,
    send,
    requestMissing,
    ownState: syncStep1,
    allPresence: () => awarenessOf([...awareness.getStates().keys()]),
  };
  const handleMessage = (state: PeerState, bytes: Uint8Array, via?: FrameVia) =>
    applyMessage(receiver, state, bytes, via);

  /**
   * Updates are waiting for state we never got (a lost message): ask everyone for it, at most
   * once per MISSING_STATE_REQUEST_MS. The reply to a state vector is exactly what is missing.
   */
  function requestMissing(first: PeerId): void {
    if (room.fanOut()) room.requestState();
    else
      missingRequests.run(() => {
        const request = syncStep1();
        send(first, request);
        for (const peer of peers.keys()) if (peer !== first) send(peer, request);
      });
  }

  function antiEntropy(): void {
    if (room.fanOut()) room.requestState(true);
    else if (peers.size > 0) broadcast(syncStep1());
  }

  /** The room's own rounds run in sync-room.ts; here only peers heard from no more are forgotten. */
  function meshAntiEntropy(): void {
    if (room.fanOut()) forgetRoomOnlyPeers(peers, channel.peers(), false);
    else antiEntropy();
  }

  function watchReassembly(): void {
    const open = [...peers.values()].some((state) => state.reassembler.openCount() > 0);
    if (open && sweepTimer === null) {
      sweepTimer = setInterval(() => {
        for (const [peer, state] of peers) if (state.reassembler.sweep() > 0) requestMissing(peer);
        watchReassembly();
        update();
      }, REASSEMBLY_TIMEOUT_MS / 4);
    } else if (!open && sweepTimer !== null) {
      clearInterval(sweepTimer);
      sweepTimer = null;
    }
  }

  function update(): void {
    const next = summarize(peers.values());
    if (sameSyncState(next, current)) return;
    current = next;
    for (const listener of [...listeners]) listener(current);
  }

  const onDocUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (origin instanceof FromPeer) {
      // A partial mesh: on to the links of ours the author has none to (sync-neighbours.ts).
      if (!room.fanOut())
        for (const peer of forwardTargets(origin.peer, peers)) send(peer, updateMessage(update));
      return;
    }
    room.localUpdate(update, tr);
    if (!room.fanOut()) broadcast(updateMessage(update));
  };
  const onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    // Only our own presence: others' comes from them, and each device times out the silent.
    if (origin instanceof FromPeer) return;
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (!changed.includes(doc.clientID)) return;
    if (room.fanOut()) room.announcePresence();
    else broadcast(awarenessOf([doc.clientID]));
  };
  doc.on('update', onDocUpdate);
  awareness.on('update', onAwarenessUpdate);
  const unsubscribe = [
    channel.on('peer-joined', onPeerJoined),
    channel.on('peer-left', onPeerLeft),
    channel.on('frame', onFrame),
    channel.on('drain', pump),
    channel.on('room-joined', () => room.joined()),
    // Out of the room (the socket went): those only the room brought cannot be reached now.
    channel.on('status', () => room.fanOut() || forgetRoomOnlyPeers(peers, channel.peers(), true)),
    channel.on('room-drain', () => room.pump()),
    channel.on('frames-dropped', () => room.healSoon()),
  ];
  for (const [peer, info] of channel.peers()) onPeerJoined(peer, info);
  if (room.fanOut()) room.joined();
  const antiEntropyTimer = setInterval(meshAntiEntropy, ANTI_ENTROPY_MS);

  return {
    state: () => current,
    onChange(listener: (state: SyncState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    antiEntropy,
    destroy() {
      // Tell the others this device leaves, while the links are still open: a closing page
      // may never get to close its connections cleanly (y-webrtc does the same).
      awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], 'leave');
      clearInterval(antiEntropyTimer);
      room.destroy();
      missingRequests.destroy();
      if (sweepTimer !== null) clearInterval(sweepTimer);
      for (const stop of unsubscribe) stop();
      doc.off('update', onDocUpdate);
      awareness.off('update', onAwarenessUpdate);
      for (const peer of [...peers.keys()]) onPeerLeft(peer);
      listeners.clear();
    },
  } satisfies SyncLayer;
}
export type { SyncProgress, SyncState } from './sync-peer';
