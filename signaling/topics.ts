/**
 * Who listens to which topic, kept from both sides: topic → subscribers here, subscriber → its
 * topics on the subscriber itself. Empty topics are deleted at once, so memory follows the live
 * rooms (y-webrtc's bundled server never removes a topic on `unsubscribe`).
 */
export interface Subscriber {
  readonly topics: Set<string>;
}

/** Told when a topic gets its first subscriber here and when its last one leaves: the topic
 *  bus (bus.ts) holds one upstream subscription per live topic. */
export interface TopicLifecycle {
  opened(topic: string): void;
  closed(topic: string): void;
}

export class TopicRegistry<S extends Subscriber> {
  private readonly subscribers = new Map<string, Set<S>>();

  constructor(
    private readonly maxSubscribersPerTopic: number,
    private readonly lifecycle?: TopicLifecycle,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Adds `subscriber` to `topic`; false when the topic is full. Idempotent. */
  subscribe(subscriber: S, topic: string): boolean {
    const existing = this.subscribers.get(topic);
    const set = existing ?? new Set<S>();
    if (!set.has(subscriber) && set.size >= this.maxSubscribersPerTopic) return false;
    set.add(subscriber);
    this.subscribers.set(topic, set);
    subscriber.topics.add(topic);
    if (!existing) this.lifecycle?.opened(topic);
    return true;
  }

  unsubscribe(subscriber: S, topic: string): void {
    if (!subscriber.topics.delete(topic)) return;
    const set = this.subscribers.get(topic);
    if (!set) return;
    set.delete(subscriber);
    if (set.size > 0) return;
    this.subscribers.delete(topic);
    this.lifecycle?.closed(topic);
  }

  unsubscribeAll(subscriber: S): void {
    for (const topic of [...subscriber.topics]) this.unsubscribe(subscriber, topic);
  }

  /** The subscribers of `topic`, as a copy: receivers may be dropped while it is iterated. */
  subscribersOf(topic: string): readonly S[] {
    return [...(this.subscribers.get(topic) ?? [])];
  }
}
