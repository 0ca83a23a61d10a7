import type { RawData, WebSocket } from 'ws';
import type { TopicBus } from './bus';
import type { SignalingLimits } from './limits';
import type { CloseReason, Logger } from './log';
import {
  type ClientMessage,
  type JsonObject,
  PONG_FRAME,
  parseClientMessage,
  publishBody,
  relayText,
} from './protocol';
import { SocketLife } from './socket-life';
import { TokenBucket } from './token-bucket';
import type { Subscriber, TopicRegistry } from './topics';

/** What every connection shares: the server's limits, topics, bus, log and clock. */
export interface Hub {
  readonly limits: SignalingLimits;
  readonly topics: TopicRegistry<Connection>;
  /** Carries publishes to this topic's subscribers on other instances (bus.ts). */
  readonly bus: TopicBus;
  readonly logger: Logger;
  /** Milliseconds on a monotonic clock. */
  readonly now: () => number;
}

/**
 * The close code sent for each reason the server ends a connection itself (RFC 6455 §7.4.1).
 * Reasons ws detects (frame too large → 1009, invalid UTF-8 → 1007) are closed by ws with its
 * own code; dead or hopelessly slow sockets are terminated without a close frame.
 */
const CLOSE_CODES = {
  'idle-timeout': 1000,
  'server-shutdown': 1001,
  'binary-frame': 1003,
  'invalid-json': 1007,
  'invalid-message': 1007,
  'rate-limit': 1008,
  'byte-rate-limit': 1008,
  'too-many-topics': 1008,
} as const satisfies Partial<Record<CloseReason, number>>;
type ServerCloseReason = keyof typeof CLOSE_CODES;

/**
 * One client's WebSocket and what the server knows about it.
 *
 * Malformed-input policy: anything a stock y-webrtc client never sends ends the connection with
 * a close code and a logged reason — a binary frame (1003), text that is not JSON or a known
 * message type with fields of the wrong type (1007) — because such a client is broken or
 * hostile and answering it costs more than dropping it. A message with an unknown `type` is
 * ignored, so a newer client that adds a message type is not cut off. Limits: see limits.ts.
 */
export class Connection implements Subscriber {
  readonly topics = new Set<string>();
  /** Topics held when the server decided to close; they are released at that moment. */
  private topicsAtClose: number | undefined;
  private readonly life: SocketLife;
  private messages = 0;
  private readonly messageBucket: TokenBucket;
  private readonly byteBucket: TokenBucket;

  constructor(
    readonly id: number,
    private readonly socket: WebSocket,
    /** The address as logs show it (address.ts). */
    addressLabel: string,
    private readonly hub: Hub,
    onClosed: (connection: Connection) => void,
  ) {
    const { limits, now } = hub;
    this.messageBucket = new TokenBucket(limits.messageBurst, limits.messagesPerSecond, now);
    this.byteBucket = new TokenBucket(limits.byteBurst, limits.bytesPerSecond, now);

    this.life = new SocketLife({
      socket,
      limits,
      now,
      onClosing: () => {
        this.topicsAtClose = this.topics.size;
        hub.topics.unsubscribeAll(this);
      },
      onClosed: (reason, code, durationMs) => {
        this.topicsAtClose ??= this.topics.size;
        hub.topics.unsubscribeAll(this);
        hub.logger({
          event: 'connection-closed',
          connection: id,
          address: addressLabel,
          reason,
          code,
          durationMs,
          messages: this.messages,
          topics: this.topicsAtClose,
        });
        onClosed(this);
      },
    });
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
  }

  /** Sends a frame unless this connection is closing or has fallen too far behind. */
  send(frame: string): void {
    if (!this.life.open) return;
    if (this.socket.bufferedAmount > this.hub.limits.maxBufferedBytes) {
      this.life.terminate('send-buffer-full');
      return;
    }
    this.socket.send(frame);
  }

  /** Ends the connection with a close frame; terminates it if the client does not answer. */
  disconnect(reason: ServerCloseReason): void {
    this.life.disconnect(reason, CLOSE_CODES[reason]);
  }

  /** Called every heartbeat interval (socket-life.ts: dead and idle sockets). */
  heartbeat(): void {
    this.life.heartbeat();
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.life.closing) return; // closing: whatever still arrives is dropped
    const bytes = toBuffer(data);
    this.messages += 1;
    this.life.heard();
    const violation = this.check(bytes, isBinary);
    if (violation) {
      this.disconnect(violation);
      return;
    }
    const parsed = parseClientMessage(bytes.toString('utf8'), this.hub.limits.maxTopicNameLength);
    if (parsed.ok) this.handle(parsed.value);
    else this.disconnect(parsed.error);
  }

  /** Limits first: they are cheap, and a flood must not get the server to parse it. */
  private check(bytes: Buffer, isBinary: boolean): ServerCloseReason | undefined {
    if (!this.messageBucket.take()) return 'rate-limit';
    if (!this.byteBucket.take(bytes.length)) return 'byte-rate-limit';
    if (isBinary) return 'binary-frame';
    return undefined;
  }

  private handle(message: ClientMessage): void {
    switch (message.type) {
      case 'subscribe':
        this.subscribe(message.topics);
        break;
      case 'unsubscribe':
        for (const topic of message.topics) this.hub.topics.unsubscribe(this, topic);
        break;
      case 'publish':
        this.publish(message.topic, message.frame);
        break;
      case 'ping':
        this.send(PONG_FRAME);
        break;
      case 'unknown':
        break;
    }
  }

  /**
   * Over the topic limit the client is disconnected rather than half-subscribed, so the failure
   * is visible. A full topic is skipped instead: a stock client would reconnect and resubscribe
   * at once (lib0/websocket retries within 2.5 s), so closing would only make it hammer.
   */
  private subscribe(topics: readonly string[]): void {
    const added = new Set(topics.filter((topic) => !this.topics.has(topic)));
    if (this.topics.size + added.size > this.hub.limits.maxTopicsPerConnection) {
      this.disconnect('too-many-topics');
      return;
    }
    let full = 0;
    for (const topic of added) if (!this.hub.topics.subscribe(this, topic)) full += 1;
    if (full > 0) {
      this.hub.logger({
        event: 'subscription-refused',
        connection: this.id,
        reason: 'topic-full',
        count: full,
      });
    }
  }

  /**
   * Relays to the topic's other subscribers. Unlike y-webrtc's bundled server, the sender gets
   * no echo (its client drops messages `from` itself anyway) and a client may only publish to a
   * topic it subscribed to: a stock client always subscribes first, and the rule keeps anyone
   * from spraying rooms it is not in. Such a publish is dropped silently, since y-webrtc can
   * still finish encrypting a message after it unsubscribed. The bus takes it on to the
   * topic's subscribers on other instances.
   */
  private publish(topic: string, frame: JsonObject): void {
    if (!this.topics.has(topic)) return;
    const body = publishBody(frame);
    if (body === undefined) {
      this.disconnect('invalid-message');
      return;
    }
    const receivers = this.hub.topics.subscribersOf(topic);
    const relayed = relayText(topic, body, receivers.length);
    for (const receiver of receivers) if (receiver !== this) receiver.send(relayed);
    this.hub.bus.publish(topic, Buffer.from(body, 'utf8'));
  }
}

/** ws hands text and binary messages over as a Buffer by default; the others are for safety. */
function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
