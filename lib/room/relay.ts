import { SEND_HIGH_WATER_BYTES, SEND_LOW_WATER_BYTES } from '../limits';
import {
  type Channel,
  ChannelEmitter,
  type ChannelStatus,
  type PeerId,
  type PeerInfo,
  type RoomFanOut,
} from './channel';
import type { RoomSecrets } from './keys';
import {
  isControlMessage,
  RelayControlType,
  RelayErrorCode,
  type RelayMemberEntry,
  readServerMessage,
  writeJoin,
} from './relay-control';
import { deriveRelayKeys, type OpenError, RelayCipher, type RelayKeys } from './relay-crypto';
import { OpenAnswers, relayFanOut } from './relay-fanout';
import { newSenderId, RelayFrameType, readRelayFrame } from './relay-frame';
import { openRelayLink, type RelayLink } from './relay-link';
import { ReplayGuard } from './relay-replay';
import { RelaySender, type SealRoute } from './relay-sender';
import type { WebSocketFactory } from './signaling-client';

/**
 * The end-to-end-encrypted relay as a channel (issue 10): one WebSocket to our server's
 * `/relay`, under the same sync layer (sync.ts) as the WebRTC mesh and passing the same
 * contract suite (tests/unit/relay-channel-contract.test.ts, against a real server). The socket's
 * life is relay-link.ts; frames and crypto are relay-frame.ts and relay-crypto.ts.
 *
 * - Joining: {room tag, key id, sender id} from `deriveRelayKeys(secrets)` and a fresh
 *   `newSenderId()` per join, so a reconnect is a new peer to the others (the sync layer does
 *   a full sync with it, which is what a reconnect needs anyway). One replay guard lives as long
 *   as the channel, across reconnects, and never forgets a sender that left: a server that
 *   announced that sender again could otherwise replay its old frames.
 * - Peers are the members of the server's welcome and member-joined, with this channel's key
 *   id; PeerId is their sender id in hex. A member with another key id (passphrase) is no peer
 *   (it could read nothing) and is reported once as `decrypt-failed`, read from the clear key id
 *   without decrypting anything; so is a frame under another key id.
 * - To the room (`fanOut()`, relay-fanout.ts): the sync layer's room mode (sync-room.ts) seals
 *   each edit once as an `update` the server copies to every member, on other instances too;
 *   presence as `awareness`, its removal as `awarenessWill` (both kept by the server). A state
 *   request is one untargeted `syncRequest`, handed to one member per instance.
 * - To one peer: `send` answers that peer's state request (as `chunk`s naming it in
 *   `inReplyTo`, routed back across instances too) while the answer is under way; otherwise it
 *   seals a `control` frame for a member of this instance, as the channel contract asks.
 * - Receiving: `cipher.open` checks room, key id, addressee and replay before decrypting;
 *   whatever it refuses is counted by reason (`drops()`), never thrown and never delivered.
 *   Frames are handled one at a time in arrival order, with the server's messages; room-wide
 *   frames of members on other instances come with no peer-joined (their tag proves the key).
 * - Back-pressure: the socket is shared by all peers, so `bufferedBytes(peer)` is the socket's
 *   `bufferedAmount` plus what is still being encrypted, for every peer alike. The socket has no
 *   "buffered amount low" event: above low water, it is polled and `drain` fires for every peer
 *   once it falls below.
 */
export interface RelayOptions {
  /** The server's relay endpoint, e.g. `wss://signal.example.org/relay`. */
  readonly url: string;
  readonly secrets: RoomSecrets;
  /** The browser's WebSocket by default; `ws` in Node tests. */
  readonly createSocket?: WebSocketFactory;
}

export type RelayDropReason =
  | OpenError
  /** A `control` frame from a sender the server has not announced (or announced as gone). */
  | 'unknown-peer'
  /** An empty payload: a keep-alive, never a frame for the sync layer. */
  | 'keep-alive'
  /** A frame before the welcome (or after the socket was lost). */
  | 'not-joined'
  | 'unreadable-server-message'
  /** The server dropped frames of ours for its rate limit (the sync layer's anti-entropy heals). */
  | 'rate-limited'
  /** The server had nobody on our instance to answer a state request (alone there). */
  | 'sync-unanswered';

export interface RelayChannel extends Channel {
  /** The id the other peers know this connection by; null while not joined. */
  selfId(): PeerId | null;
  /**
   * What was dropped, by reason: frames on the way in, and (`rate-limited`) the times the server
   * said it dropped frames of ours. For diagnostics and tests; nothing here is ever thrown.
   */
  drops(): Readonly<Partial<Record<RelayDropReason, number>>>;
}

const NOTHING = new Uint8Array(0);
export function connectRelay(options: RelayOptions): RelayChannel {
  const events = new ChannelEmitter();
  const peers = new Map<PeerId, PeerInfo>();
  /** Members (or senders) with another key id, each reported once. */
  const otherKeys = new Set<string>();
  const counts: Partial<Record<RelayDropReason, number>> = {};
  const guard = new ReplayGuard();
  const answering = new OpenAnswers();
  /** The room's fan-out while joined: one object per join (the sync layer's outbox follows it). */
  let room: RoomFanOut | null = null;
  let keys: RelayKeys | null = null;
  let link: RelayLink | null = null;
  let cipher: RelayCipher | null = null;
  /** Bumped whenever the socket is lost: work begun under an older one is dropped. */
  let generation = 0;
  let receiving: Promise<void> = Promise.resolve();
  let destroyed = false;
  const sender = new RelaySender(
    () => link,
    SEND_LOW_WATER_BYTES,
    () => {
      for (const peer of new Set([...peers.keys(), ...answering.peers()])) {
        events.emit('drain', peer);
      }
      events.emit('room-drain');
    },
  );

  function seal(frame: Uint8Array, route: SealRoute): void {
    const at = generation;
    if (cipher) sender.send(cipher, frame, route, () => !destroyed && at === generation);
  }

  const count = (reason: RelayDropReason) => {
    counts[reason] = (counts[reason] ?? 0) + 1;
  };

  deriveRelayKeys(options.secrets).then(
    (derived) => {
      if (destroyed) return;
      keys = derived;
      link = openRelayLink(
        options.url,
        {
          join: () => {
            cipher = new RelayCipher(derived, { senderId: newSenderId(), replayGuard: guard });
            return writeJoin({ ...derived, sender: cipher.senderId });
          },
          message: (bytes) => {
            const at = generation;
            receiving = receiving.then(() => receive(bytes, at)).catch(() => {});
          },
          lost,
          idle: () => seal(NOTHING, { type: RelayFrameType.control, target: null }),
          status: (status) => events.emit('status', status),
        },
        options.createSocket,
      );
    },
    () => {
      // No WebCrypto (an insecure context; the mesh's crypto.ts fails there too): the channel
      // never connects and its status stays 'connecting'.
    },
  );

  async function receive(bytes: Uint8Array, at: number): Promise<void> {
    if (destroyed || at !== generation) return;
    if (isControlMessage(bytes)) {
      serverMessage(bytes);
      return;
    }
    const opener = cipher;
    if (!opener) return count('not-joined');
    const opened = await opener.open(bytes);
    if (destroyed || at !== generation) return;
    if (!opened.ok) {
      count(opened.error);
      const read = opened.error === 'wrong-key' ? readRelayFrame(bytes) : null;
      if (read?.ok) otherKey(read.value.header.sender);
      return;
    }
    const { header, payload } = opened.value;
    const { sender: from, type } = header;
    if (payload.length === 0) return count('keep-alive');
    // Room-wide frames come from members of other instances too, whom no welcome announced:
    // the tag proves they hold the room's key, the replay guard that each frame is new.
    switch (type) {
      case RelayFrameType.syncRequest:
        answering.asked(from, header.counter);
        events.emit('frame', from, payload, 'request');
        return;
      case RelayFrameType.syncReply:
        events.emit('frame', from, payload, 'reply');
        return;
      case RelayFrameType.chunk:
        events.emit('frame', from, payload, header.inReplyTo !== 0 ? 'reply' : undefined);
        return;
      case RelayFrameType.control:
        // Peer to peer, never through other instances: only members announced here.
        if (!peers.has(from)) return count('unknown-peer');
        events.emit('frame', from, payload);
        return;
      default: // update, awareness, awarenessWill
        events.emit('frame', from, payload);
    }
  }

  function serverMessage(bytes: Uint8Array): void {
    const message = readServerMessage(bytes);
    switch (message?.type) {
      case RelayControlType.welcome:
        // The fan-out first: the sync layer meets the members below in room mode.
        room = cipher
          ? relayFanOut(cipher.maxPayloadBytes, {
              current: (fanOut) => fanOut === room && !destroyed,
              seal,
              buffered: () => sender.buffered(),
            })
          : null;
        for (const member of message.members) addMember(member);
        if (room) events.emit('room-joined');
        return;
      case RelayControlType.memberJoined:
        addMember(message);
        return;
      case RelayControlType.memberLeft:
        otherKeys.delete(message.sender);
        if (peers.delete(message.sender)) events.emit('peer-left', message.sender);
        return;
      case RelayControlType.syncUnanswered:
        count('sync-unanswered');
        return;
      case RelayControlType.error:
        // Joins and reconnects are the link's; frames the server dropped heal by anti-entropy.
        if (message.code === RelayErrorCode.rateLimited) {
          count('rate-limited');
          events.emit('frames-dropped');
        }
        return;
      default:
        count('unreadable-server-message');
    }
  }

  function addMember(member: RelayMemberEntry): void {
    if (member.sender === cipher?.senderId || peers.has(member.sender)) return;
    if (member.keyId !== keys?.keyId) {
      otherKey(member.sender);
      return;
    }
    const info: PeerInfo = { chunks: true, maxFrameBytes: cipher?.maxPayloadBytes ?? 0 };
    peers.set(member.sender, info);
    events.emit('peer-joined', member.sender, info);
  }

  function otherKey(sender: string): void {
    if (otherKeys.has(sender)) return;
    otherKeys.add(sender);
    events.emit('decrypt-failed');
  }

  /** The socket is gone, and with it every peer reached through it. */
  function lost(): void {
    generation++;
    cipher = null;
    room = null;
    answering.clear();
    otherKeys.clear();
    const gone = [...peers.keys()];
    peers.clear();
    for (const peer of gone) events.emit('peer-left', peer);
  }

  return {
    status: () => link?.status() ?? ({ kind: 'connecting' } satisfies ChannelStatus),
    peers: () => new Map(peers),
    fanOut: () => room,
    send(peer, frame) {
      const limit = cipher?.maxPayloadBytes ?? 0;
      // Refused, never cut: a frame over the peer's limit is the sender's mistake.
      if (destroyed || frame.length === 0 || frame.length > limit) return false;
      const request = answering.answer(peer);
      if (request !== null) {
        seal(frame, { type: RelayFrameType.chunk, target: peer, inReplyTo: request });
        return true;
      }
      if (!peers.has(peer)) return false;
      seal(frame, { type: RelayFrameType.control, target: peer });
      return true;
    },
    bufferedBytes: (peer) => (peers.has(peer) || answering.has(peer) ? sender.buffered() : 0),
    highWaterBytes: SEND_HIGH_WATER_BYTES,
    lowWaterBytes: SEND_LOW_WATER_BYTES,
    on: (event, listener) => events.on(event, listener),
    connections: () => ({ webrtc: 0, broadcast: 0 }),
    retry: () => link?.retry(),
    selfId: () => (link?.status().kind === 'online' ? (cipher?.senderId ?? null) : null),
    drops: () => ({ ...counts }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      sender.destroy();
      link?.destroy();
      room = null; // `cipher` goes unused: every path checks `destroyed` first
      peers.clear();
      answering.clear();
      events.clear();
    },
  };
}
