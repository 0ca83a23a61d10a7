import { ROOM_KDF_ITERATIONS } from '../limits';
import type { RoomCode } from './code';

/**
 * What a peer needs to meet the others: the y-webrtc room name (sent to the signaling server
 * in clear text) and the password y-webrtc encrypts signaling with.
 */
export interface RoomSecrets {
  readonly roomName: string;
  readonly password: string;
}

/**
 * Fixed, versioned salt. A per-room random salt is impossible: two peers know nothing but the
 * code. The 50-bit code times 600,000 iterations makes a table of all codes far too costly.
 */
const SALT = 'kring/room/v1';

/**
 * Derives room name and password from the code with a slow KDF (DESIGN.md, "Trust"), so the
 * signaling server, which sees the room name, learns neither the code nor a way to decrypt.
 * The first 256 bits name the room; the other 256 bits are the password, to which an optional
 * passphrase is appended. The passphrase does not change the room name: peers with a wrong
 * passphrase still meet, fail to decrypt, and Kring can tell them so instead of an empty room.
 * Works wherever WebCrypto does: extension pages, web pages, Node 20.
 */
export async function deriveRoomSecrets(code: RoomCode, passphrase = ''): Promise<RoomSecrets> {
  const subtle = globalThis.crypto.subtle;
  const encoder = new TextEncoder();
  const material = await subtle.importKey('raw', encoder.encode(code), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = new Uint8Array(
    await subtle.deriveBits(
      {
        name: 'PBKDF2',
        hash: 'SHA-256',
        salt: encoder.encode(SALT),
        iterations: ROOM_KDF_ITERATIONS,
      },
      material,
      512,
    ),
  );
  const normalisedPassphrase = passphrase.normalize('NFC').trim();
  const password = toBase64Url(bits.subarray(32));
  return {
    roomName: `kring-${toHex(bits.subarray(0, 32))}`,
    password: normalisedPassphrase === '' ? password : `${password}:${normalisedPassphrase}`,
  };
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
