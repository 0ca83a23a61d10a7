import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { isControlMessage, readServerMessage, writeJoin } from '../../lib/room/relay-control';
import { RelayCipher, type RelayKeys } from '../../lib/room/relay-crypto';
import type { RelayFrameType } from '../../lib/room/relay-frame';
import { sealText } from './relay-ciphers';
import type { Received } from './relay-router';
import { type Closed, WAIT_MS, within } from './signaling';

/**
 * A relay client over a real WebSocket (`ws`), reduced to what the server sees: a join, sealed
 * frames (RelayCipher, the clients' real encryption) and what comes back, opened with its own
 * cipher. Every byte it sends and receives is recorded, so a test can look at exactly what the
 * server was given and what it relayed.
 */
export class RelaySocket {
  /** Every binary message, both ways, as it crossed the socket. */
  readonly wire: Uint8Array[] = [];
  readonly closed: Promise<Closed>;
  readonly cipher: RelayCipher;
  private readonly inbox: Uint8Array[] = [];
  private waiting: (() => void) | undefined;

  private constructor(
    readonly socket: WebSocket,
    readonly keys: RelayKeys,
  ) {
    this.cipher = new RelayCipher(keys);
    socket.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data);
      this.wire.push(bytes);
      this.inbox.push(bytes);
      this.waiting?.();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  /** Opens `url` (the server's `/relay`), closed when the test finishes. */
  static async open(url: string, keys: RelayKeys): Promise<RelaySocket> {
    const socket = new WebSocket(url);
    const client = new RelaySocket(socket, keys);
    onTestFinished(() => socket.terminate());
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  get id(): string {
    return this.cipher.senderId;
  }

  sendBytes(bytes: Uint8Array): void {
    this.wire.push(bytes);
    this.socket.send(bytes);
  }

  /** Joins its room and waits for the welcome. */
  async join(): Promise<Extract<Received, { kind: 'server' }>['message']> {
    const { roomTag, keyId } = this.keys;
    this.sendBytes(writeJoin({ roomTag, keyId, sender: this.id }));
    const welcome = await this.next();
    if (welcome.kind !== 'server') throw new Error('expected a welcome first');
    return welcome.message;
  }

  async sendText(
    type: RelayFrameType,
    text: string,
    options: Parameters<RelayCipher['seal']>[2] = {},
  ): Promise<Uint8Array> {
    const frame = await sealText(this.cipher, type, text, options);
    this.sendBytes(frame);
    return frame;
  }

  /** The next message, read (server) or opened (relay frame); fails after `ms`. */
  async next(ms = WAIT_MS): Promise<Received> {
    const bytes = this.inbox.shift() ?? (await this.arrival(ms));
    if (isControlMessage(bytes)) {
      const message = readServerMessage(bytes);
      if (!message) throw new Error('unreadable server message');
      return { kind: 'server', message };
    }
    const opened = await this.cipher.open(bytes);
    if (!opened.ok) throw new Error(`frame dropped by the receiver: ${opened.error}`);
    const { header, payload } = opened.value;
    return {
      kind: 'frame',
      type: header.type,
      sender: header.sender,
      text: new TextDecoder().decode(payload),
    };
  }

  /** Messages up to and including the first frame with text `last`. */
  async until(last: string, ms = WAIT_MS): Promise<Received[]> {
    const seen: Received[] = [];
    for (;;) {
      const message = await this.next(ms);
      seen.push(message);
      if (message.kind === 'frame' && message.text === last) return seen;
    }
  }

  /** Raw messages received and not read yet. */
  pending(): number {
    return this.inbox.length;
  }

  closedWithin(ms = WAIT_MS): Promise<Closed> {
    return within(this.closed, ms, 'the relay connection did not close');
  }

  private arrival(ms: number): Promise<Uint8Array> {
    return within(
      new Promise<Uint8Array>((resolve) => {
        this.waiting = () => {
          const bytes = this.inbox.shift();
          if (bytes === undefined) return;
          this.waiting = undefined;
          resolve(bytes);
        };
      }),
      ms,
      'no relay message',
    ).finally(() => {
      this.waiting = undefined;
    });
  }
}

/** The texts of the relay frames among `messages`. */
export function textsOf(messages: readonly Received[]): string[] {
  return messages.flatMap((message) => (message.kind === 'frame' ? [message.text] : []));
}

/** Whether `needle`'s UTF-8 bytes occur anywhere in `haystack`. */
export function containsText(haystack: Uint8Array, needle: string): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle, 'utf8'));
}
