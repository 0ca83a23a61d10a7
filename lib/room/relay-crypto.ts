import { RELAY_FRAME_BYTES, RELAY_PADDING_BYTES } from '../limits';
import { err, ok, type Result } from '../result';
import type { RoomSecrets } from './keys';
import {
  checkHeader,
  type FrameError,
  newSenderId,
  RELAY_HEADER_BYTES,
  RELAY_IV_BYTES,
  RELAY_OVERHEAD_BYTES,
  type RelayFrameType,
  type RelayHeader,
  readRelayFrame,
  RelayFrameType as Types,
  toHex,
  writeRelayHeader,
} from './relay-frame';
import { ReplayGuard } from './relay-replay';

/**
 * The relay's end-to-end encryption (issue 10; the frame layout is in relay-frame.ts). What it
 * does better than the anchors:
 * - y-webrtc's crypto.js and Excalidraw encrypt with AES-GCM but authenticate nothing around
 *   the ciphertext: a server may replay a message, or move it to another room or peer. Here the
 *   whole routing header is the associated data and every sender's counter is checked against
 *   a sliding replay window (relay-replay.ts).
 * - A wrong passphrase shows in the clear key id, so it is told apart from tampering without a
 *   trial decryption per frame (y-webrtc can only see that decryption failed).
 * - Payloads are padded, so sizes show only in steps of RELAY_PADDING_BYTES.
 * - Receiving never throws (secsync throws on a bad signature or clock): every frame gets a
 *   typed result, so the caller drops and counts.
 *
 * Keys, all HKDF-SHA-256 with their own `info` label, from keys.ts's derivation:
 * - the AES-GCM-256 key and the key id from the room password (code secret plus passphrase);
 * - the room tag from the code's secret alone (the password up to its first ':', keys.ts), so
 *   peers with different passphrases still meet in one relay room and learn that they differ.
 * The signaling key (crypto.ts) is PBKDF2 over the same password salted with the room name:
 * another function, so neither key tells anything about the other.
 *
 * What the server, or anyone on the wire, can still learn: which connections share a room and a
 * key id, when they send, which type, sizes to within the padding step, and who answers whom.
 * A peer who knows the key is trusted: a shared key cannot tell peers apart, so one member can
 * write frames under another's sender id (secsync signs each update; Kring's room has no
 * identities to sign with).
 */
const HKDF_SALT = 'kring/relay/v1';
const INFO_KEY = 'kring/relay/v1 aes-gcm-256 key';
const INFO_KEY_ID = 'kring/relay/v1 key id';
const INFO_ROOM_TAG = 'kring/relay/v1 room tag';
const PADDING_MARKER = 0x80;

export interface RelayKeys {
  /** AES-GCM-256, not extractable. */
  readonly key: CryptoKey;
  /** 16 hex digits: the same for everyone with the same code and passphrase. */
  readonly keyId: string;
  /** 32 hex digits: the same for everyone with the same code, whatever their passphrase. */
  readonly roomTag: string;
}

export async function deriveRelayKeys(secrets: RoomSecrets): Promise<RelayKeys> {
  const subtle = globalThis.crypto.subtle;
  const encoder = new TextEncoder();
  // keys.ts: base64url of the code's 256 bits, then ':' and the passphrase if there is one.
  // base64url has no ':', so what comes before the first one depends on the code alone.
  const codeSecret = secrets.password.split(':', 1)[0] ?? '';
  const [password, code] = await Promise.all([
    subtle.importKey('raw', encoder.encode(secrets.password), 'HKDF', false, [
      'deriveKey',
      'deriveBits',
    ]),
    subtle.importKey('raw', encoder.encode(codeSecret), 'HKDF', false, ['deriveBits']),
  ]);
  const params = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: encoder.encode(HKDF_SALT),
    info: encoder.encode(info),
  });
  const [key, keyId, roomTag] = await Promise.all([
    subtle.deriveKey(params(INFO_KEY), password, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    subtle.deriveBits(params(INFO_KEY_ID), password, 64),
    subtle.deriveBits(params(INFO_ROOM_TAG), code, 128),
  ]);
  return { key, keyId: toHex(new Uint8Array(keyId)), roomTag: toHex(new Uint8Array(roomTag)) };
}

export interface SealOptions {
  /** The only addressee's sender id; leave out for the whole room. */
  readonly target?: string | null;
  /** The counter of the sync request this frame answers. */
  readonly inReplyTo?: number;
}

export type SealError =
  /** The payload does not fit one frame: chunk it first (chunks.ts). */
  | 'too-large'
  /** The type does not allow this target or reply field (relay-frame.ts). */
  | 'bad-header';

export interface SealedFrame {
  readonly frame: Uint8Array;
  /** The counter it carries; a sync request's is what its reply names in `inReplyTo`. */
  readonly counter: number;
}

export type OpenError =
  | FrameError
  /** For another room: the server mixed rooms up. */
  | 'wrong-room'
  /** The sender uses another passphrase. Told without trying to decrypt. */
  | 'wrong-key'
  /** Sent by this very connection (an echo through the server or another instance). */
  | 'own-frame'
  /** Addressed to another peer. */
  | 'not-for-us'
  /** A counter this receiver has accepted before, or one too far behind the newest. */
  | 'replayed'
  /** A last will older than presence or a will the sender sent since. */
  | 'stale-will'
  /** Authentication failed under the right key id: the header or the ciphertext was changed. */
  | 'decrypt-failed'
  /** Decrypted, but not padded as a Kring peer pads: a broken or hostile peer. */
  | 'bad-padding';

export interface OpenedFrame {
  readonly header: RelayHeader;
  readonly payload: Uint8Array;
}

export interface RelayCipherOptions {
  /** This connection's sender id; a fresh random one when left out. */
  readonly senderId?: string;
  readonly maxFrameBytes?: number;
  readonly replayGuard?: ReplayGuard;
}

/** Seals this connection's frames and opens everyone else's, for one room and one key. */
export class RelayCipher {
  readonly senderId: string;
  /** The largest payload one frame carries. */
  readonly maxPayloadBytes: number;
  private readonly maxFrameBytes: number;
  private readonly guard: ReplayGuard;
  private counter = 0;

  constructor(
    private readonly keys: RelayKeys,
    options: RelayCipherOptions = {},
  ) {
    this.senderId = options.senderId ?? newSenderId();
    this.maxFrameBytes = options.maxFrameBytes ?? RELAY_FRAME_BYTES;
    this.guard = options.replayGuard ?? new ReplayGuard();
    const padded =
      Math.floor((this.maxFrameBytes - RELAY_OVERHEAD_BYTES) / RELAY_PADDING_BYTES) *
      RELAY_PADDING_BYTES;
    this.maxPayloadBytes = padded - 1; // one byte for the padding marker
    if (this.maxPayloadBytes < 0) throw new RangeError('relay frame too small for a header');
  }

  /**
   * Encrypts one payload into one frame. The counter is taken before anything is awaited, so
   * frames are numbered in the order `seal` is called, whatever order they finish in.
   */
  async seal(
    type: RelayFrameType,
    payload: Uint8Array,
    options: SealOptions = {},
  ): Promise<Result<SealedFrame, SealError>> {
    if (payload.length > this.maxPayloadBytes) return err('too-large');
    const header: RelayHeader = {
      type,
      roomTag: this.keys.roomTag,
      keyId: this.keys.keyId,
      sender: this.senderId,
      counter: this.counter + 1,
      target: options.target ?? null,
      inReplyTo: options.inReplyTo ?? 0,
    };
    if (checkHeader(header) !== null) return err('bad-header');
    this.counter++;
    const headerBytes = writeRelayHeader(header);
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(RELAY_IV_BYTES));
    const ciphertext = new Uint8Array(
      await globalThis.crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: headerBytes },
        this.keys.key,
        pad(payload),
      ),
    );
    const frame = new Uint8Array(RELAY_HEADER_BYTES + RELAY_IV_BYTES + ciphertext.length);
    frame.set(headerBytes, 0);
    frame.set(iv, RELAY_HEADER_BYTES);
    frame.set(ciphertext, RELAY_HEADER_BYTES + RELAY_IV_BYTES);
    return ok({ frame, counter: header.counter });
  }

  /**
   * Checks and decrypts one frame from the network. Never throws; a frame that is not `ok` was
   * not applied and must not be: drop it and count the reason. Cheap checks come first, so a
   * wrong room, key, addressee or a replay costs no decryption.
   */
  async open(input: unknown): Promise<Result<OpenedFrame, OpenError>> {
    const read = readRelayFrame(input, this.maxFrameBytes);
    if (!read.ok) return read;
    const { header, headerBytes, iv, ciphertext } = read.value;
    if (header.roomTag !== this.keys.roomTag) return err('wrong-room');
    if (header.keyId !== this.keys.keyId) return err('wrong-key');
    if (header.sender === this.senderId) return err('own-frame');
    if (header.target !== null && header.target !== this.senderId) return err('not-for-us');
    const will = header.type === Types.awarenessWill;
    const stream = will ? 'will' : 'frames';
    if (!this.guard.isFresh(header.sender, stream, header.counter)) {
      return err(will ? 'stale-will' : 'replayed');
    }
    let plain: Uint8Array;
    try {
      plain = new Uint8Array(
        await globalThis.crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(headerBytes) },
          this.keys.key,
          buffer(ciphertext),
        ),
      );
    } catch {
      return err('decrypt-failed');
    }
    const payload = unpad(plain);
    if (payload === null) return err('bad-padding');
    // Checked again: a copy of this frame may have been decrypting at the same time.
    const awareness = header.type === Types.awareness;
    if (!this.guard.accept(header.sender, stream, header.counter, awareness)) {
      return err(will ? 'stale-will' : 'replayed');
    }
    return ok({ header, payload });
  }

  /** Forgets a sender that left: its replay window is no longer needed. */
  forgetSender(senderId: string): void {
    this.guard.forget(senderId);
  }
}

/** payload · 0x80 · zeros, to a multiple of RELAY_PADDING_BYTES (ISO/IEC 7816-4 padding). */
function pad(payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const length = Math.ceil((payload.length + 1) / RELAY_PADDING_BYTES) * RELAY_PADDING_BYTES;
  const padded = new Uint8Array(length);
  padded.set(payload, 0);
  padded[payload.length] = PADDING_MARKER;
  return padded;
}

function unpad(padded: Uint8Array): Uint8Array | null {
  if (padded.length === 0 || padded.length % RELAY_PADDING_BYTES !== 0) return null;
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  return end >= 0 && padded[end] === PADDING_MARKER ? padded.subarray(0, end) : null;
}

/** WebCrypto's types want an ArrayBuffer-backed view; frames from the network are. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
