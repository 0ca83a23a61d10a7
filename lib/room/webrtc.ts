import type * as Y from 'yjs';
import { START_JITTER_MS } from '../limits';
import { channelTransport } from './channel-transport';
import { signalingKey } from './crypto';
import type { RoomSecrets } from './keys';
import { connectMesh } from './mesh';
import { connectPath } from './path-channel';
import { relayUrlOf } from './path-policy';
import { connectRelay } from './relay';
import type { Transport, TransportOptions } from './transport';

/**
 * A session over the WebRTC mesh, or the relay when the room needs it: the path channel
 * (path-channel.ts, over mesh.ts and relay.ts) under the one sync layer (sync.ts). The relay is
 * the first signaling server's `/relay`. The mesh starts after a small random delay, because
 * two peers starting at the same instant can both offer and never connect (glare,
 * ../shared/TESTING.md).
 */
export function connectWebrtc(
  doc: Y.Doc,
  secrets: RoomSecrets,
  options: TransportOptions,
): Transport {
  return channelTransport(doc, options.role, async (hooks) => {
    const key = await signalingKey(secrets.password, secrets.roomName);
    await new Promise((done) => setTimeout(done, Math.random() * START_JITTER_MS));
    const relayUrl = relayUrlOf(options.signalingUrls);
    return connectPath({
      openMesh: (onSignal) =>
        connectMesh({
          roomName: secrets.roomName,
          key,
          signalingUrls: options.signalingUrls,
          iceServers: options.iceServers,
          answerUndecryptable: hooks.answerUndecryptable,
          onSignal,
        }),
      openRelay: relayUrl ? () => connectRelay({ url: relayUrl, secrets }) : null,
    });
  });
}
