import type { BusDelivery, TopicBus } from '../../signaling/bus';

/**
 * Topic buses for several instances in one process, with Redis pub/sub's behaviour where it
 * matters: a publish reaches the other instances that joined the topic, never its own, and only
 * later (`flush`), as over a network, so no router is re-entered while it is still routing.
 * Every payload is copied, as bytes over a socket are. `drop` loses publishes (pub/sub drops).
 */
export class MemoryBusHub {
  private readonly buses: MemoryBus[] = [];
  private readonly queue: { to: MemoryBus; topic: string; payload: Buffer }[] = [];
  /** Publishes carried so far, in order, as the hub saw them. */
  readonly carried: { topic: string; payload: Buffer }[] = [];
  /** While true, publishes are lost. */
  drop = false;

  bus(deliver: BusDelivery): TopicBus {
    const bus = new MemoryBus(this, deliver);
    this.buses.push(bus);
    return bus;
  }

  /** Carries every waiting publish, and what the deliveries publish in turn, until none is left. */
  flush(): number {
    let delivered = 0;
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (!next.to.topics.has(next.topic)) continue; // left since
      delivered++;
      next.to.deliver(next.topic, next.payload);
    }
    return delivered;
  }

  publish(from: MemoryBus, topic: string, payload: Uint8Array): void {
    if (this.drop) return;
    const copy = Buffer.from(payload);
    this.carried.push({ topic, payload: copy });
    for (const to of this.buses) {
      if (to !== from && to.topics.has(topic)) this.queue.push({ to, topic, payload: copy });
    }
  }
}

class MemoryBus implements TopicBus {
  readonly topics = new Set<string>();

  constructor(
    private readonly hub: MemoryBusHub,
    readonly deliver: BusDelivery,
  ) {}

  join(topic: string): void {
    this.topics.add(topic);
  }

  leave(topic: string): void {
    this.topics.delete(topic);
  }

  publish(topic: string, payload: Uint8Array): void {
    this.hub.publish(this, topic, payload);
  }

  state(): 'ready' {
    return 'ready';
  }

  close(): Promise<void> {
    this.topics.clear();
    return Promise.resolve();
  }
}
