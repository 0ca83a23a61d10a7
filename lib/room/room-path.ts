import type { ChannelHooks, TransportChannel } from './channel-transport';
import type { RoomSecrets } from './keys';
import { lazyChannel } from './lazy-channel';
import { connectMesh } from './mesh';
import { connectPath } from './path-channel';
import { relayUrlOf } from './path-policy';
import type { TransportOptions } from './transport';

/**
 * The channel of a real session (webrtc.ts loads this on demand): the path channel over the
 * WebRTC mesh and the relay, the first signaling server's `/relay`. The relay's own code loads
 * on demand too, when it is first probed.
 */
export function openRoomPath(
  secrets: RoomSecrets,
  key: CryptoKey,
  options: TransportOptions,
  hooks: ChannelHooks,
): TransportChannel {
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
    openRelay: relayUrl
      ? () =>
          lazyChannel(() =>
            import('./relay').then((m) => m.connectRelay({ url: relayUrl, secrets })),
          )
      : null,
  });
}
