import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  ANTI_ENTROPY_MS,
  MISSING_STATE_REQUEST_MS,
  ROOM_ANTI_ENTROPY_MS_PER_PEER,
  ROOM_LACK_BROADCAST_MIN,
  ROOM_LACK_BROADCAST_SHARE,
  ROOM_RECENT_MS,
  ROOM_SILENT_PEER_MS,
  ROOM_UNSENT_MAX_BYTES,
} from '../limits';
import type { Channel, PeerId, PeerInfo, RoomFanOut } from './channel';
import { Outbox } from './outbox';
import type { PeerState } from './sync-peer';
import { Throttle } from './throttle';
import { MESSAGE_AWARENESS, syncStep1Message, updateMessage } from './wire';

/**
 * The sync layer's room mode (issue 10): how sync.ts talks when its channel has a server that
 * copies one frame to the whole room (the relay, RoomFanOut in channel.ts). In a room of 200 the
 * mesh's way (a full sync with every peer that joins, each edit sent once per peer) would cost
 * 199 answers per joiner and 199 frames per keystroke. Here:
 * - an edit made on this device is broadcast once, through one room outbox (chunked and paced
 *   like any other, outbox.ts), and so is this device's presence, each time followed by its
 *   "last will" (a removal the server sends for us if our connection drops);
 * - joining, and every anti-entropy round, is ONE state request (our state vector) that the
 *   server hands to one peer per server instance (signaling/relay-sync.ts). That peer answers
 *   with what we lack and with its own state vector (sync.ts, `via: 'request'`);
 * - from the responder's state vector we see whether we hold edits it lacks (made offline, or
 *   lost on the way): if it lacks a little, we broadcast exactly that, so the whole room gets
 *   it; a responder that lacks much is a newcomer catching up by its own request. Nobody else
 *   answers, and nobody re-sends what came from others;
 * - edits made while not in the room (offline, reconnecting, before the switch from the mesh)
 *   are kept, merged, and broadcast on joining: the state vector check above cannot see
 *   deletions, which add no new structs.
 */
export interface RoomSyncHost {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly channel: Channel;
  /** Peers known to the sync layer, for the anti-entropy interval. */
  peerCount(): number;
}

export class RoomSync {
  private outbox: Outbox | null = null;
  private outboxFor: RoomFanOut | null = null;
  private unsent: Uint8Array[] = [];
  /** Edits sent in the last ROOM_RECENT_MS: a socket that dies takes its last frames with it. */
  private recent: { readonly at: number; readonly update: Uint8Array }[] = [];
  private unsentBytes = 0;
  /** More was made offline than ROOM_UNSENT_MAX_BYTES: only the state vector check is left. */
  private unsentOverflowed = false;
  private readonly requests = new Throttle(MISSING_STATE_REQUEST_MS);
  private healTimer: ReturnType<typeof setTimeout> | null = null;
  private antiEntropyTimer: ReturnType<typeof setTimeout> | null = null;
  private nextMessageId = 1;
  private destroyed = false;

  constructor(private readonly host: RoomSyncHost) {}

  /** The room's fan-out when the channel is in a room now; null: the sync layer works per peer. */
  fanOut(): RoomFanOut | null {
    return this.host.channel.fanOut?.() ?? null;
  }

  /** Joined (or rejoined) the room: ask for the state, say who we are, send what waited. */
  joined(): void {
    const fanOut = this.fanOut();
    if (!fanOut || this.destroyed) return;
    this.outboxOf(fanOut); // a fresh outbox per join: the old one's queue went with its socket
    this.requestState(true);
    // Announced with a new clock, through sync.ts's presence listener: devices that met us on
    // the mesh removed our presence when the mesh went, and y-protocols ignores a state whose
    // clock it has seen already, so the old clock would hide us until the next renewal (15 s).
    const { awareness } = this.host;
    const presence = awareness.getLocalState();
    if (presence !== null) awareness.setLocalState(presence);
    const waiting = [...this.unsent, ...this.recentUpdates()];
    this.unsent = [];
    this.unsentBytes = 0;
    this.unsentOverflowed = false;
    if (waiting.length > 0) this.push(updateMessage(Y.mergeUpdates(waiting)));
    this.scheduleAntiEntropy();
  }

  /** An update made on this device (sync.ts filters out those that came from peers). */
  localUpdate(update: Uint8Array, transaction: Y.Transaction): void {
    if (this.fanOut() && this.outbox) {
      this.push(updateMessage(update));
      this.recentUpdates();
      this.recent.push({ at: Date.now(), update });
      return;
    }
    // Not in a room right now. Only what this person did: state loaded from the device's
    // storage (a non-local transaction) is held by the room already, or comes back through the
    // state vector check.
    if (!transaction.local || !this.host.channel.fanOut) return;
    if (this.host.peerCount() > 0) return; // reached the mesh's peers directly
    if (this.unsentOverflowed) return;
    this.unsent.push(update);
    this.unsentBytes += update.length;
    if (this.unsentBytes > ROOM_UNSENT_MAX_BYTES) {
      this.unsent = [Y.mergeUpdates(this.unsent)];
      this.unsentBytes = this.unsent[0]?.length ?? 0;
      if (this.unsentBytes > ROOM_UNSENT_MAX_BYTES) {
        this.unsent = [];
        this.unsentBytes = 0;
        this.unsentOverflowed = true;
      }
    }
  }

  /** Our presence changed (or is renewed): tell the room, and leave a new will. */
  announcePresence(): void {
    const fanOut = this.fanOut();
    const { awareness, doc } = this.host;
    if (!fanOut) return;
    const clients = [doc.clientID];
    const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, clients);
    fanOut.broadcast(presenceMessage(presence), 'presence');
    // Gone (leaving): the removal is the presence; no will is needed after it.
    if (awareness.getLocalState() === null) return;
    // The same clock with no state: applyAwarenessUpdate removes a state on an equal clock
    // when the update says null, and the next renewal (clock + 1) brings it back.
    const will = awarenessProtocol.encodeAwarenessUpdate(awareness, clients, new Map());
    fanOut.broadcast(presenceMessage(will), 'will');
  }

  /**
   * The state vector of the peer that answered our request: if we hold edits it lacks, the
   * room may lack them too (it is the peer the server found best informed), so send them.
   */
  responderState(stateVector: Uint8Array): void {
    const { doc } = this.host;
    let theirs: Map<number, number>;
    try {
      theirs = Y.decodeStateVector(stateVector);
    } catch {
      return;
    }
    let lacking = 0;
    let total = 0;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      total += clock;
      lacking += Math.max(0, clock - (theirs.get(client) ?? 0));
    }
    // A responder that lacks much of the session is catching up itself: in a join storm the
    // server hands requests to newcomers too, and copying the session to the whole room for
    // each such answer cost 200 devices gigabytes. It gets the session by its own request;
    // what only we hold (edits made offline) goes out on joining (`unsent`, `recent`).
    const most = Math.max(ROOM_LACK_BROADCAST_MIN, total * ROOM_LACK_BROADCAST_SHARE);
    if (lacking > 0 && lacking <= most)
      this.push(updateMessage(Y.encodeStateAsUpdate(doc, stateVector)));
  }

  /**
   * Ask the room for what we lack: at once when `now`, else (a lost message, updates we cannot
   * apply yet) at most once per MISSING_STATE_REQUEST_MS.
   */
  requestState(now = false): void {
    if (!this.fanOut() || this.destroyed) return;
    // The fan-out is looked up when the request runs: a deferred one goes to the current join.
    this.requests.run(() => this.fanOut()?.requestState(syncStep1Message(this.host.doc)), now);
  }

  /**
   * The server dropped frames of ours (its rate limit), or our queue was dropped: send our
   * recent edits again, merged into one frame, and ask for what we lack, after a jittered
   * pause so a burst that was too fast is not repeated at once.
   */
  healSoon(): void {
    if (this.destroyed || this.healTimer !== null) return;
    this.healTimer = setTimeout(
      () => {
        this.healTimer = null;
        const recent = this.recentUpdates();
        if (recent.length > 0) this.push(updateMessage(Y.mergeUpdates(recent)));
        this.requestState();
      },
      MISSING_STATE_REQUEST_MS * (0.5 + Math.random()),
    );
  }

  /** The edits of the last ROOM_RECENT_MS (older ones are forgotten here). */
  private recentUpdates(): Uint8Array[] {
    const since = Date.now() - ROOM_RECENT_MS;
    while ((this.recent[0]?.at ?? since) < since) this.recent.shift();
    return this.recent.map((entry) => entry.update);
  }

  pump(): void {
    if (this.outbox && this.fanOut() === this.outboxFor) this.outbox.pump();
  }

  destroy(): void {
    this.destroyed = true;
    this.requests.destroy();
    if (this.healTimer !== null) clearTimeout(this.healTimer);
    if (this.antiEntropyTimer !== null) clearTimeout(this.antiEntropyTimer);
    this.outbox = null;
  }

  /** Info for the peer state of a sender first heard through the room. */
  peerInfo(): PeerInfo | null {
    const fanOut = this.fanOut();
    return fanOut ? { chunks: true, maxFrameBytes: fanOut.maxFrameBytes } : null;
  }

  private push(message: Uint8Array): void {
    const fanOut = this.fanOut();
    if (!fanOut) return;
    const outbox = this.outboxFor === fanOut && this.outbox ? this.outbox : this.outboxOf(fanOut);
    outbox.push(message);
    outbox.pump();
  }

  private outboxOf(fanOut: RoomFanOut): Outbox {
    const { channel } = this.host;
    this.outboxFor = fanOut;
    this.outbox = new Outbox(
      {
        info: { chunks: true, maxFrameBytes: fanOut.maxFrameBytes },
        send: (frame) => fanOut.broadcast(frame, 'update'),
        bufferedBytes: () => fanOut.bufferedBytes(),
        highWaterBytes: channel.highWaterBytes,
      },
      // A dropped queue (too much backlog, or the socket went): ask again, and the state
      // vector check sends whatever the room lacks. Never a full state to the whole room.
      () => {
        this.healSoon();
        return [];
      },
      () => this.nextMessageId++,
    );
    return this.outbox;
  }

  /**
   * Anti-entropy in a room: our state vector to one peer, every ANTI_ENTROPY_MS and slower in
   * big rooms (ROOM_ANTI_ENTROPY_MS_PER_PEER), jittered so 200 devices never ask at once.
   */
  private scheduleAntiEntropy(): void {
    if (this.antiEntropyTimer !== null || this.destroyed) return;
    const base = Math.max(ANTI_ENTROPY_MS, this.host.peerCount() * ROOM_ANTI_ENTROPY_MS_PER_PEER);
    this.antiEntropyTimer = setTimeout(
      () => {
        this.antiEntropyTimer = null;
        if (!this.fanOut()) return; // the next join starts it again
        this.requestState(true);
        this.scheduleAntiEntropy();
      },
      base * (0.75 + Math.random() / 2),
    );
  }
}

function presenceMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Forgets peers heard only through the room (members of other instances, whom the channel
 * never announces): all of them when `all` (the room is gone, so they cannot be sent to, and
 * each send would fail and be retried as a full state, forever), else those silent for
 * ROOM_SILENT_PEER_MS, so a long session with many reconnects (a fresh sender id each) keeps
 * no state for the departed. Their presence times out by itself (y-protocols); a peer that
 * speaks again is met again.
 */
export function forgetRoomOnlyPeers(
  peers: Map<PeerId, PeerState>,
  announced: ReadonlyMap<PeerId, PeerInfo>,
  all: boolean,
): void {
  const now = Date.now();
  for (const [peer, state] of peers) {
    if (announced.has(peer)) continue;
    const silent = now - state.lastHeardAt > ROOM_SILENT_PEER_MS;
    if (all || (silent && state.reassembler.openCount() === 0)) {
      if (state.retryTimer !== null) clearTimeout(state.retryTimer);
      peers.delete(peer);
    }
  }
}
