import { RELAY_FRAME_BYTES } from '../limits';
import { err, ok, type Result } from '../result';

/**
 * The frames of the end-to-end-encrypted relay (issue 10), as the server sees them. The server
 * routes on a header in clear and relays the rest as opaque bytes; peers encrypt and check
 * every frame with relay-crypto.ts. This file has no crypto and no platform imports, so the
 * server (Node) reads headers with the same code the clients write them with.
 *
 * A frame, byte by byte (integers big-endian):
 *
 *   offset size  field
 *        0    1  version      RELAY_VERSION (1); any other is dropped, never guessed at
 *        1    1  type         RelayFrameType below
 *        2   16  room tag     HKDF of the code's secret (relay-crypto.ts): what the server routes
 *                             on. Not the signaling topic and not a key: knowing the topic (which
 *                             the signaling server logs) does not tell which relay room it is
 *       18    8  key id       HKDF of code + passphrase: peers with another passphrase see at
 *                             once that it differs, without trying to decrypt; the server can
 *                             pick a sync responder that shares the requester's key id
 *       26    8  sender       random id of the sending connection, never all zeros
 *       34    8  counter      1, 2, 3, ... per sender (at most 2^53 - 1): replay protection
 *       42    8  target       the sender id of the only addressee, or all zeros for the room
 *       50    8  in reply to  the counter of the sync request a reply answers, else 0
 *       58   12  IV           random, fresh for every frame (AES-GCM's 96-bit nonce)
 *       70  n+16 ciphertext   AES-GCM-256 of the padded payload, with its 16-byte tag
 *
 * Bytes 0-57 (the header) are the AES-GCM associated data: a server that changes the type, the
 * room, the sender, the counter, the target or the request answered breaks the tag, and a frame
 * it replays repeats a counter. The payload is padded (relay-crypto.ts) so the server sees its
 * size only in steps of RELAY_PADDING_BYTES. Every type is encrypted, even with an empty
 * payload: the tag is what stops a server from forging a frame of any type. What the server
 * tells a client itself (who is in the room, "answer this request", "slow down") is not a relay
 * frame: it holds routing ids only, and types 0x80-0xFF are kept free for it.
 */
export const RELAY_VERSION = 1;

export const RelayFrameType = {
  /** A state vector. Target set: for that peer; unset: the server hands it to one peer it picks. */
  syncRequest: 1,
  /** What a sync request's sender lacks. Always directed; `inReplyTo` names the request. */
  syncReply: 2,
  /** A Yjs update made on the sender's device; for the whole room. */
  update: 3,
  /** The sender's presence; for the whole room. The server keeps each sender's last one for joiners. */
  awareness: 4,
  /**
   * The sender's presence removal ("last will"): the server keeps it and sends it to the room
   * only when the sender's connection drops. Checked against its own replay window, and refused
   * when older than the sender's latest presence: send a new will after every awareness frame.
   */
  awarenessWill: 5,
  /** One chunk of a message larger than a frame (chunks.ts). Directed when part of a reply. */
  chunk: 6,
  /** Peer-to-peer control (capabilities, leaving); directed or for the room. */
  control: 7,
} as const;
export type RelayFrameType = (typeof RelayFrameType)[keyof typeof RelayFrameType];

interface TypeRules {
  /** Whether a target is required, forbidden or allowed. */
  readonly target: 'required' | 'none' | 'optional';
  /** Whether `inReplyTo` is required, forbidden or allowed. */
  readonly inReplyTo: 'required' | 'none' | 'optional';
}

const RULES: Readonly<Record<RelayFrameType, TypeRules>> = {
  [RelayFrameType.syncRequest]: { target: 'optional', inReplyTo: 'none' },
  [RelayFrameType.syncReply]: { target: 'required', inReplyTo: 'required' },
  [RelayFrameType.update]: { target: 'none', inReplyTo: 'none' },
  [RelayFrameType.awareness]: { target: 'none', inReplyTo: 'none' },
  [RelayFrameType.awarenessWill]: { target: 'none', inReplyTo: 'none' },
  [RelayFrameType.chunk]: { target: 'optional', inReplyTo: 'optional' },
  [RelayFrameType.control]: { target: 'optional', inReplyTo: 'none' },
};

export const ROOM_TAG_BYTES = 16;
export const KEY_ID_BYTES = 8;
export const SENDER_ID_BYTES = 8;
export const RELAY_HEADER_BYTES = 58;
export const RELAY_IV_BYTES = 12;
export const RELAY_TAG_BYTES = 16;
/** Header, IV and tag: what every frame costs on top of its padded payload. */
export const RELAY_OVERHEAD_BYTES = RELAY_HEADER_BYTES + RELAY_IV_BYTES + RELAY_TAG_BYTES;

const OFFSET = {
  version: 0,
  type: 1,
  roomTag: 2,
  keyId: 18,
  sender: 26,
  counter: 34,
  target: 42,
  inReplyTo: 50,
} as const;

/** The routing header. Ids are lowercase hex (map keys on the server, `PeerId`s on a client). */
export interface RelayHeader {
  readonly type: RelayFrameType;
  /** 32 hex digits. */
  readonly roomTag: string;
  /** 16 hex digits. */
  readonly keyId: string;
  /** 16 hex digits, never all zeros. */
  readonly sender: string;
  /** 1 ≤ counter ≤ Number.MAX_SAFE_INTEGER. */
  readonly counter: number;
  /** The only addressee's sender id, or null for the whole room. */
  readonly target: string | null;
  /** The counter of the sync request this frame answers, or 0. */
  readonly inReplyTo: number;
}

/** A frame whose header is well formed; its ciphertext is not checked yet. */
export interface RelayFrame {
  readonly header: RelayHeader;
  /** The header's bytes: the associated data the tag covers. */
  readonly headerBytes: Uint8Array;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

export type FrameError =
  /** Not bytes at all (a text message, an object). */
  | 'not-binary'
  /** Shorter than a header, an IV and a tag. */
  | 'truncated'
  | 'too-large'
  | 'unsupported-version'
  /** A type this version does not know, or one of the server's own (0x80-0xFF). */
  | 'unknown-type'
  /** A zero sender or counter, or a target / reply field the type does not allow. */
  | 'bad-header';

/** Checks what a header must hold; the same rules for writing and for reading. */
export function checkHeader(header: RelayHeader): FrameError | null {
  const rules = RULES[header.type];
  if (!rules) return 'unknown-type';
  if (!isHex(header.roomTag, ROOM_TAG_BYTES) || !isHex(header.keyId, KEY_ID_BYTES)) {
    return 'bad-header';
  }
  if (!isSenderId(header.sender) || !isCounter(header.counter)) return 'bad-header';
  if (header.target !== null && !isSenderId(header.target)) return 'bad-header';
  if (!allowed(rules.target, header.target !== null)) return 'bad-header';
  if (header.inReplyTo !== 0 && !isCounter(header.inReplyTo)) return 'bad-header';
  if (!allowed(rules.inReplyTo, header.inReplyTo !== 0)) return 'bad-header';
  return null;
}

/** The 58 header bytes; the caller checked the header with `checkHeader`. */
export function writeRelayHeader(header: RelayHeader): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(RELAY_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes[OFFSET.version] = RELAY_VERSION;
  bytes[OFFSET.type] = header.type;
  bytes.set(fromHex(header.roomTag), OFFSET.roomTag);
  bytes.set(fromHex(header.keyId), OFFSET.keyId);
  bytes.set(fromHex(header.sender), OFFSET.sender);
  view.setBigUint64(OFFSET.counter, BigInt(header.counter));
  if (header.target !== null) bytes.set(fromHex(header.target), OFFSET.target);
  view.setBigUint64(OFFSET.inReplyTo, BigInt(header.inReplyTo));
  return bytes;
}

/**
 * Reads a frame's header and splits off IV and ciphertext, without decrypting. Never throws:
 * whatever arrives from the network gets a typed answer. The server routes on this; a client
 * goes on to relay-crypto.ts. The parts are views into `input`, not copies.
 */
export function readRelayFrame(
  input: unknown,
  maxFrameBytes: number = RELAY_FRAME_BYTES,
): Result<RelayFrame, FrameError> {
  const bytes = asBytes(input);
  if (bytes === null) return err('not-binary');
  if (bytes.length > maxFrameBytes) return err('too-large');
  if (bytes.length < RELAY_OVERHEAD_BYTES) return err('truncated');
  if (bytes[OFFSET.version] !== RELAY_VERSION) return err('unsupported-version');
  const type = bytes[OFFSET.type] as RelayFrameType;
  if (!RULES[type]) return err('unknown-type');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const target = toHex(bytes.subarray(OFFSET.target, OFFSET.target + SENDER_ID_BYTES));
  const header: RelayHeader = {
    type,
    roomTag: toHex(bytes.subarray(OFFSET.roomTag, OFFSET.roomTag + ROOM_TAG_BYTES)),
    keyId: toHex(bytes.subarray(OFFSET.keyId, OFFSET.keyId + KEY_ID_BYTES)),
    sender: toHex(bytes.subarray(OFFSET.sender, OFFSET.sender + SENDER_ID_BYTES)),
    counter: readCounter(view, OFFSET.counter),
    target: target === ZERO_ID ? null : target,
    inReplyTo: readCounter(view, OFFSET.inReplyTo),
  };
  const problem = checkHeader(header);
  if (problem) return err(problem);
  return ok({
    header,
    headerBytes: bytes.subarray(0, RELAY_HEADER_BYTES),
    iv: bytes.subarray(RELAY_HEADER_BYTES, RELAY_HEADER_BYTES + RELAY_IV_BYTES),
    ciphertext: bytes.subarray(RELAY_HEADER_BYTES + RELAY_IV_BYTES),
  });
}

/** A fresh random sender id for one connection. */
export function newSenderId(): string {
  const bytes = new Uint8Array(SENDER_ID_BYTES);
  do globalThis.crypto.getRandomValues(bytes);
  while (bytes.every((byte) => byte === 0));
  return toHex(bytes);
}

const ZERO_ID = '0'.repeat(SENDER_ID_BYTES * 2);

function allowed(rule: TypeRules['target'], present: boolean): boolean {
  return rule === 'optional' || (rule === 'required') === present;
}

function isCounter(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}

function isSenderId(id: string): boolean {
  return isHex(id, SENDER_ID_BYTES) && id !== ZERO_ID;
}

function isHex(text: string, bytes: number): boolean {
  return typeof text === 'string' && text.length === bytes * 2 && /^[0-9a-f]+$/.test(text);
}

/** A counter above 2^53 - 1 reads as -1, which `checkHeader` refuses. */
function readCounter(view: DataView, offset: number): number {
  const value = view.getBigUint64(offset);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(value);
}

function asBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  return null;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
