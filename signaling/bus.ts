/**
 * How one signaling instance shares topics with the other instances behind the same load
 * balancer. The server always fans a publish out to its own subscribers itself; the bus only
 * carries it to the *other* instances and brings theirs in. Without a bus (`localBus`) one
 * instance works alone, as before scale-out. redis-bus.ts carries it over Redis pub/sub.
 *
 * The bus is told when this instance's first subscriber of a topic arrives (`join`) and when
 * its last one leaves (`leave`), so it holds one upstream subscription per live topic, however
 * many local subscribers share it. Payloads are opaque bytes: today the text of a y-webrtc
 * publish (protocol.ts), later the relay transport's binary frames.
 */
export interface TopicBus {
  /** This instance has its first subscriber of `topic`: receive the other instances' publishes. */
  join(topic: string): void;
  /** Its last subscriber of `topic` left: stop receiving them. */
  leave(topic: string): void;
  /**
   * Hands `payload` to the other instances' subscribers of `topic`. Never delivered back to
   * this instance, which has already delivered it locally. Best effort: dropped (and counted
   * in the log) when the bus is down, behind, or the payload is too large.
   */
  publish(topic: string, payload: Uint8Array): void;
  /** For `/health`: `local` without a shared bus. */
  state(): BusState;
  /** Stops receiving and releases the upstream connections. */
  close(): Promise<void>;
}

export type BusState = 'local' | 'ready' | 'down';

/** What a bus does with another instance's publish: the server delivers it to its subscribers. */
export type BusDelivery = (topic: string, payload: Buffer) => void;

/** One instance alone: nothing leaves it, nothing arrives. */
export function localBus(): TopicBus {
  return {
    join() {},
    leave() {},
    publish() {},
    state: () => 'local',
    close: () => Promise.resolve(),
  };
}
