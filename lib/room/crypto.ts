import { fromBase64, toBase64 } from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { err, ok, type Result } from '../result';

/**
 * The encryption of signaling messages, byte for byte as y-webrtc's crypto.js does it, so a
 * stock y-webrtc peer that knows the room's password meets Kring peers (TESTING.md, "Interop"):
 * AES-GCM-256 with a random 96-bit IV, the key from PBKDF2-SHA-256 (100,000 iterations, salted
 * with the room name) over the password from keys.ts, the plaintext in lib0's `writeAny`
 * encoding, and the envelope `varString 'AES-GCM' · varBytes iv · varBytes ciphertext`, in
 * base64.
 *
 * Unlike y-webrtc, a message that does not decrypt is a typed result, not a rejected promise
 * nobody catches (which Kring used to count from page-wide `unhandledrejection` events).
 */
const Y_WEBRTC_KDF_ITERATIONS = 100_000;

export type DecryptError =
  /** Authenticated decryption failed: the sender uses another key (another passphrase). */
  | 'decrypt-failed'
  /** Not an envelope at all. */
  | 'malformed';

export async function signalingKey(password: string, roomName: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const encoder = new TextEncoder();
  const material = await subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle.deriveKey(
    {
      name: 'PBKDF2',
      salt: encoder.encode(roomName),
      iterations: Y_WEBRTC_KDF_ITERATIONS,
      hash: 'SHA-256',
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptSignal(data: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, data as Parameters<typeof encoding.writeAny>[1]);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const cipher = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoding.toUint8Array(plain),
  );
  const envelope = encoding.createEncoder();
  encoding.writeVarString(envelope, 'AES-GCM');
  encoding.writeVarUint8Array(envelope, iv);
  encoding.writeVarUint8Array(envelope, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(envelope));
}

export async function decryptSignal(
  text: unknown,
  key: CryptoKey,
): Promise<Result<unknown, DecryptError>> {
  let iv: Uint8Array;
  let cipher: Uint8Array;
  try {
    if (typeof text !== 'string') return err('malformed');
    const envelope = decoding.createDecoder(fromBase64(text));
    if (decoding.readVarString(envelope) !== 'AES-GCM') return err('malformed');
    iv = decoding.readVarUint8Array(envelope);
    cipher = decoding.readVarUint8Array(envelope);
  } catch {
    return err('malformed');
  }
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer> },
      key,
      cipher as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return err('decrypt-failed');
  }
  try {
    return ok(decoding.readAny(decoding.createDecoder(new Uint8Array(plain))));
  } catch {
    return err('malformed');
  }
}
