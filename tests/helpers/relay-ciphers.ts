import type { RoomSecrets } from '../../lib/room/keys';
import type { RelayCipher } from '../../lib/room/relay-crypto';
import type { RelayFrameType } from '../../lib/room/relay-frame';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** keys.ts's shape without its 600,000 PBKDF2 rounds: the relay only HKDFs what it is given. */
export function fakeRoomSecrets(code: string, passphrase = ''): RoomSecrets {
  const password = Buffer.from(`code-secret-${code}`).toString('base64url');
  return {
    roomName: `kring-${code}`,
    password: passphrase ? `${password}:${passphrase}` : password,
  };
}

/** Seals `text` or fails the test. */
export async function sealText(
  from: RelayCipher,
  type: RelayFrameType,
  text: string,
  options: Parameters<RelayCipher['seal']>[2] = {},
): Promise<Uint8Array> {
  const sealed = await from.seal(type, encoder.encode(text), options);
  if (!sealed.ok) throw new Error(sealed.error);
  return sealed.value.frame;
}

/** Opens a frame as text or fails the test with the reason it was dropped. */
export async function openText(to: RelayCipher, frame: Uint8Array): Promise<string> {
  const opened = await to.open(frame);
  if (!opened.ok) throw new Error(opened.error);
  return decoder.decode(opened.value.payload);
}
