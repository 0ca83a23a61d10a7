import type { BusDelivery, TopicBus } from './bus';
import type { RelayBridge } from './relay-types';

/**
 * The relay's rooms on the topic bus (bus.ts), shared with y-webrtc's topics: one bus topic per
 * live relay room, named by its room tag (which Redis sees only hashed, redis-bus.ts), and the
 * relay frame as the payload, as it came; or a sync request or reply in an envelope
 * (relay-envelope.ts), RELAY_ENVELOPE_BYTES larger than the frame it carries.
 *
 * The relay's topics start with a NUL character, so no y-webrtc room can share one by accident;
 * `signalingOnly` keeps a y-webrtc client from choosing such a topic on purpose and talking into
 * a relay room past the relay's checks (its topics stay on its instance instead).
 */
const RELAY_TOPIC_PREFIX = '\u0000relay:';

function relayTopic(roomTag: string): string {
  return RELAY_TOPIC_PREFIX + roomTag;
}

/** The room tag of a relay topic, or null for a y-webrtc topic. */
export function relayRoomOf(topic: string): string | null {
  return topic.startsWith(RELAY_TOPIC_PREFIX) ? topic.slice(RELAY_TOPIC_PREFIX.length) : null;
}

export function relayBridge(bus: TopicBus): RelayBridge {
  return {
    opened: (roomTag) => bus.join(relayTopic(roomTag)),
    closed: (roomTag) => bus.leave(relayTopic(roomTag)),
    publish: (roomTag, frame) => bus.publish(relayTopic(roomTag), frame),
  };
}

/** The bus as y-webrtc's topics use it: the relay's topic names are not theirs to use. */
export function signalingOnly(bus: TopicBus): TopicBus {
  const mine = (topic: string) => relayRoomOf(topic) === null;
  return {
    join(topic) {
      if (mine(topic)) bus.join(topic);
    },
    leave(topic) {
      if (mine(topic)) bus.leave(topic);
    },
    publish(topic, payload) {
      if (mine(topic)) bus.publish(topic, payload);
    },
    state: () => bus.state(),
    close: () => bus.close(),
  };
}

/** Sends each publish from the bus to the relay or to y-webrtc's topics, by its topic. */
export function splitDelivery(
  relay: (roomTag: string, payload: Buffer) => void,
  signaling: BusDelivery,
): BusDelivery {
  return (topic, payload) => {
    const roomTag = relayRoomOf(topic);
    if (roomTag === null) signaling(topic, payload);
    else relay(roomTag, payload);
  };
}
