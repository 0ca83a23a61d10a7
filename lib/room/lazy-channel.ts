import { SEND_HIGH_WATER_BYTES, SEND_LOW_WATER_BYTES } from '../limits';
import type { Channel, ChannelEvents, ChannelStatus } from './channel';

/**
 * A channel whose code loads on demand: until `load` resolves it is a channel that is still
 * connecting, with no peers; then it is the loaded channel, events included. The relay's code
 * (its crypto, frames and socket) is not needed to show the first screen, so webrtc.ts keeps it
 * out of the start bundle this way (the page's start budget, bench/bundle.ts). A load that
 * fails leaves it connecting, as a relay that never answers does: the mesh stays the path.
 */
export function lazyChannel(load: () => Promise<Channel>): Channel {
  const connecting: ChannelStatus = { kind: 'connecting' };
  const wanted: { event: keyof ChannelEvents; listener: ChannelEvents[keyof ChannelEvents] }[] = [];
  const stops = new Map<(typeof wanted)[number], () => void>();
  let inner: Channel | null = null;
  let destroyed = false;

  load().then(
    (loaded) => {
      if (destroyed) {
        loaded.destroy();
        return;
      }
      inner = loaded;
      for (const entry of wanted) stops.set(entry, subscribe(loaded, entry));
      // What it says now, for those who asked before it existed.
      for (const entry of wanted) {
        if (entry.event === 'status') (entry.listener as ChannelEvents['status'])(loaded.status());
      }
    },
    () => {},
  );

  return {
    status: () => inner?.status() ?? connecting,
    fanOut: () => inner?.fanOut?.() ?? null,
    peers: () => inner?.peers() ?? new Map(),
    send: (peer, frame) => inner?.send(peer, frame) ?? false,
    bufferedBytes: (peer) => inner?.bufferedBytes(peer) ?? 0,
    highWaterBytes: SEND_HIGH_WATER_BYTES,
    lowWaterBytes: SEND_LOW_WATER_BYTES,
    on(event, listener) {
      const entry = { event, listener } as (typeof wanted)[number];
      wanted.push(entry);
      if (inner) stops.set(entry, subscribe(inner, entry));
      return () => {
        wanted.splice(wanted.indexOf(entry), 1);
        stops.get(entry)?.();
        stops.delete(entry);
      };
    },
    connections: () => inner?.connections() ?? { webrtc: 0, broadcast: 0 },
    retry: () => inner?.retry(),
    destroy() {
      destroyed = true;
      inner?.destroy();
      wanted.length = 0;
      stops.clear();
    },
  };
}

function subscribe(
  channel: Channel,
  { event, listener }: { event: keyof ChannelEvents; listener: ChannelEvents[keyof ChannelEvents] },
): () => void {
  return channel.on(event, listener as never);
}
