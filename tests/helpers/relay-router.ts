import {
  isControlMessage,
  type RelayServerMessage,
  readServerMessage,
  writeJoin,
} from '../../lib/room/relay-control';
import { RelayCipher, type RelayKeys } from '../../lib/room/relay-crypto';
import { type RelayFrameType, readRelayFrame } from '../../lib/room/relay-frame';
import type { RelayRouter } from '../../signaling/relay-room';
import type { RelayClock, RelaySink } from '../../signaling/relay-types';
import { sealText } from './relay-ciphers';

/** A clock that moves only when told to, running due timers in order. */
export class FakeClock implements RelayClock {
  private time = 0;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  now = (): number => this.time;

  schedule(delayMs: number, run: () => void): () => void {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + delayMs, run });
    return () => this.timers.delete(id);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; run: () => void }] | null = null;
      for (const entry of this.timers) if (!due || entry[1].at < due[1].at) due = entry;
      if (!due || due[1].at > end) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }

  /** Timers scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.timers.size;
  }
}

/** A connection that records what the router sends it; `buffered` plays a slow reader. */
export class FakeSink implements RelaySink {
  readonly received: Uint8Array[] = [];
  buffered = 0;
  open = true;

  send(bytes: Uint8Array): boolean {
    if (!this.open) return false;
    this.received.push(bytes.slice());
    return true;
  }

  bufferedBytes(): number {
    return this.buffered;
  }

  /** What arrived since the last call. */
  take(): Uint8Array[] {
    return this.received.splice(0);
  }
}

export type Received =
  | { readonly kind: 'server'; readonly message: RelayServerMessage }
  | {
      readonly kind: 'frame';
      readonly type: RelayFrameType;
      readonly sender: string;
      readonly text: string;
    };

/** A relay client reduced to what the router sees: a sink, a cipher, a join. */
export class TestPeer {
  readonly sink = new FakeSink();
  readonly cipher: RelayCipher;

  constructor(
    readonly keys: RelayKeys,
    senderId?: string,
  ) {
    this.cipher = new RelayCipher(keys, senderId ? { senderId } : {});
  }

  get id(): string {
    return this.cipher.senderId;
  }

  joinBytes(): Uint8Array {
    return writeJoin({ roomTag: this.keys.roomTag, keyId: this.keys.keyId, sender: this.id });
  }

  join(router: RelayRouter) {
    return router.receive(this.sink, this.joinBytes());
  }

  seal(
    type: RelayFrameType,
    text: string,
    options: Parameters<RelayCipher['seal']>[2] = {},
  ): Promise<Uint8Array> {
    return sealText(this.cipher, type, text, options);
  }

  /**
   * Everything received since the last call, server messages read and relay frames opened
   * with this peer's cipher: a frame the router changed, misrouted or repeated throws.
   */
  async inbox(): Promise<Received[]> {
    const out: Received[] = [];
    for (const bytes of this.sink.take()) {
      if (isControlMessage(bytes)) {
        const message = readServerMessage(bytes);
        if (!message) throw new Error('unreadable server message');
        out.push({ kind: 'server', message });
        continue;
      }
      const opened = await this.cipher.open(bytes);
      if (!opened.ok) throw new Error(`frame dropped by the receiver: ${opened.error}`);
      const { header, payload } = opened.value;
      out.push({
        kind: 'frame',
        type: header.type,
        sender: header.sender,
        text: new TextDecoder().decode(payload),
      });
    }
    return out;
  }

  /** The texts of the relay frames received since the last call (server messages skipped). */
  async texts(): Promise<string[]> {
    return (await this.inbox()).flatMap((item) => (item.kind === 'frame' ? [item.text] : []));
  }
}

/** The header counter of a sealed frame (what a reply names in `inReplyTo`). */
export function counterOf(frame: Uint8Array): number {
  const read = readRelayFrame(frame);
  if (!read.ok) throw new Error(read.error);
  return read.value.header.counter;
}
