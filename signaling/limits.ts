/**
 * Every limit the signaling server enforces, with its unit (DESIGN.md style rule 6). y-webrtc's
 * bundled server has none (TESTING.md, "y-webrtc behaviour to design around"); these numbers
 * keep one client from exhausting memory, bandwidth or connection slots of everyone else.
 * Tests pass smaller values through `createSignalingServer({ limits })`.
 */

/**
 * Bytes in one WebSocket message. y-webrtc sends an SDP offer or answer per publish (with
 * trickle ICE, candidates go separately): a data-channel-only SDP is on the order of 1 KiB,
 * and with a room password it is AES-GCM encrypted and base64-encoded (about 4/3 larger).
 * 64 KiB leaves an order of magnitude of headroom and bounds what one publish can fan out.
 */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Characters (UTF-16 code units) in one topic name. Kring's topics are short KDF outputs. */
export const MAX_TOPIC_NAME_LENGTH = 256;
/**
 * Topics one connection may hold. y-webrtc subscribes one topic per room open in the page
 * (realm); Kring opens one room per panel.
 */
export const MAX_TOPICS_PER_CONNECTION = 32;
/**
 * Subscribers of one topic. y-webrtc's `maxConns` (20–34) already splits rooms larger than
 * that into a partial mesh (TESTING.md); 100 leaves room for a large group.
 */
export const MAX_SUBSCRIBERS_PER_TOPIC = 100;
/**
 * Open WebSockets from one address (IPv4 address, or IPv6 /64 network). Generous on purpose:
 * a whole workshop on one office or school Wi-Fi shares one public IPv4 address.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 64;
/**
 * Open relay WebSockets (`/relay`, issue 10) from one address, counted apart from the ones
 * above. A neighbourhood evening of 200 phones on the community centre's Wi-Fi is 200
 * connections from one address, with reconnects overlapping; 512 lets them all in. One abusive
 * client behind that address is held by the relay's own limits per connection and per room
 * (signaling/relay-limits.ts), not by this cap, which only bounds sockets held open.
 */
export const MAX_RELAY_CONNECTIONS_PER_ADDRESS = 512;
/** Open WebSockets in total, so a distributed flood meets a ceiling before memory does. */
export const MAX_CONNECTIONS = 10_000;
/**
 * Sustained messages per second per connection (token bucket refill). A joining peer sends an
 * answer plus a few ICE candidates for each peer already in the room, then goes quiet: its
 * keep-alive is one `ping` every 15 s (lib0/websocket `messageReconnectTimeout / 2`).
 */
export const MESSAGES_PER_SECOND = 20;
/** Messages a connection may send at once (token bucket capacity): a join into a full room. */
export const MESSAGE_BURST = 300;
/** Sustained bytes per second per connection (token bucket refill). */
export const BYTES_PER_SECOND = 64 * 1024;
/** Bytes a connection may send at once (token bucket capacity); at least MAX_FRAME_BYTES. */
export const BYTE_BURST = 1024 * 1024;
/**
 * Milliseconds without any message before a connection is closed. Stock y-webrtc clients ping
 * 15 s after each pong; 120 s tolerates browsers that delay timers of hidden pages (Chrome may
 * align them to once a minute) while still reaping sockets held open without speaking.
 */
export const IDLE_TIMEOUT_MS = 120_000;
/**
 * Milliseconds between WebSocket ping frames; a connection that has not answered the previous
 * one (browsers answer automatically) is dead and is terminated. The same period as y-webrtc's
 * bundled server (`pingTimeout`). It is also the granularity of the idle check.
 */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/**
 * Bytes queued for one receiver that has not read them yet. A receiver that falls this far
 * behind is dropped rather than letting the server buffer without bound for it.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Milliseconds a closed connection gets to finish the close handshake before termination. */
export const CLOSE_GRACE_MS = 1_000;

export interface SignalingLimits {
  readonly maxFrameBytes: number;
  readonly maxTopicNameLength: number;
  readonly maxTopicsPerConnection: number;
  readonly maxSubscribersPerTopic: number;
  readonly maxConnectionsPerAddress: number;
  readonly maxRelayConnectionsPerAddress: number;
  readonly maxConnections: number;
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  readonly bytesPerSecond: number;
  readonly byteBurst: number;
  readonly idleTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly maxBufferedBytes: number;
  readonly closeGraceMs: number;
}

export const DEFAULT_SIGNALING_LIMITS: SignalingLimits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  maxTopicNameLength: MAX_TOPIC_NAME_LENGTH,
  maxTopicsPerConnection: MAX_TOPICS_PER_CONNECTION,
  maxSubscribersPerTopic: MAX_SUBSCRIBERS_PER_TOPIC,
  maxConnectionsPerAddress: MAX_CONNECTIONS_PER_ADDRESS,
  maxRelayConnectionsPerAddress: MAX_RELAY_CONNECTIONS_PER_ADDRESS,
  maxConnections: MAX_CONNECTIONS,
  messagesPerSecond: MESSAGES_PER_SECOND,
  messageBurst: MESSAGE_BURST,
  bytesPerSecond: BYTES_PER_SECOND,
  byteBurst: BYTE_BURST,
  idleTimeoutMs: IDLE_TIMEOUT_MS,
  heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
  maxBufferedBytes: MAX_BUFFERED_BYTES,
  closeGraceMs: CLOSE_GRACE_MS,
};

/**
 * The defaults with `overrides` applied, checked. Throws on a configuration that could never
 * work (a programming error, not bad input): every limit must be a positive number, and a
 * full-size frame must fit in the byte bucket or it would always count as a flood.
 */
export function resolveLimits(overrides: Partial<SignalingLimits> = {}): SignalingLimits {
  const limits: SignalingLimits = { ...DEFAULT_SIGNALING_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0)) {
      throw new RangeError(`signaling limit ${name} must be a positive number`);
    }
  }
  if (limits.byteBurst < limits.maxFrameBytes) {
    throw new RangeError('signaling limit byteBurst must be at least maxFrameBytes');
  }
  return limits;
}
