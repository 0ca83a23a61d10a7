import type * as Y from 'yjs';
import { START_JITTER_MS } from '../limits';
import { channelTransport } from './channel-transport';
import { signalingKey } from './crypto';
import type { RoomSecrets } from './keys';
import type { Transport, TransportOptions } from './transport';

/**
 * A session over the WebRTC mesh, or the relay when the room needs it: the path channel
 * (room-path.ts: path-channel.ts over mesh.ts and relay.ts) under the one sync layer (sync.ts).
 * Its code loads on demand, while the signaling key is derived (which takes longer): no first
 * screen needs it (the page's start budget, bench/bundle.ts). The mesh starts after a small
 * random delay, because two peers starting at the same instant can both offer and never
 * connect (glare, ../shared/TESTING.md).
 */
export function connectWebrtc(
  doc: Y.Doc,
  secrets: RoomSecrets,
  options: TransportOptions,
): Transport {
  return channelTransport(doc, options.role, async (hooks) => {
    const [{ openRoomPath }, key] = await Promise.all([
      import('./room-path'),
      signalingKey(secrets.password, secrets.roomName),
    ]);
    await new Promise((done) => setTimeout(done, Math.random() * START_JITTER_MS));
    return openRoomPath(secrets, key, options, hooks);
  });
}
