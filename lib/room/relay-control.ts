import {
  fromHex,
  KEY_ID_BYTES,
  RELAY_VERSION,
  ROOM_TAG_BYTES,
  SENDER_ID_BYTES,
  toHex,
} from './relay-frame';

/**
 * The relay server's own messages (issue 10), in the type range 0x80-0xFF that relay frames
 * (lib/room/relay-frame.ts) keep free. They are plaintext and hold routing ids only: the server
 * has nothing else to say. A client can trust none of them for content (a server may lie about
 * who is present); they only steer routing. No Node imports, so a client can read them too.
 *
 * Every message starts with the version and the type, as a relay frame does. Integers are
 * big-endian; ids are the raw bytes of the relay header's ids.
 *
 * client → server
 *   0x80 join            34 bytes, the same offsets as a relay frame's header:
 *                          0 version · 1 type · 2-17 room tag · 18-25 key id · 26-33 sender id
 *                        The first binary message of a connection; one room per connection.
 *
 * server → client
 *   0x81 welcome         6 + 16·M bytes: 2-3 M, u16, the other members · 4-5 P, u16, how many
 *                        stored presence frames follow · then M × (8 sender id, 8 key id),
 *                        longest connected first. The P presence frames follow as they are,
 *                        one relay frame per message (so no message outgrows a frame).
 *   0x82 member-joined   18 bytes: 2-9 sender id · 10-17 key id
 *   0x83 member-left     10 bytes: 2-9 sender id. Sent after the member's last will, if any.
 *   0x84 sync-unanswered 10 bytes: 2-9 the counter (u64) of the sync request nobody answered:
 *                        nobody with the requester's key id is there, or none of the members
 *                        asked answered in time. The requester may ask again later.
 *   0x85 error           7 bytes: 2 code (RelayErrorCode) · 3-6 milliseconds to wait before
 *                        trying again (u32; 0 when the code has none)
 */
export const RelayControlType = {
  join: 0x80,
  welcome: 0x81,
  memberJoined: 0x82,
  memberLeft: 0x83,
  syncUnanswered: 0x84,
  error: 0x85,
} as const;
export type RelayControlType = (typeof RelayControlType)[keyof typeof RelayControlType];

export const RelayErrorCode = {
  /** A frame came before a join: it was dropped. */
  notJoined: 1,
  /** A second join on one connection: dropped, the first room stays. */
  alreadyJoined: 2,
  /** A join that is not 34 well-formed bytes. */
  badJoin: 3,
  /** The room is at its size cap; retry-after given. */
  roomFull: 4,
  /** Too many joins to this room just now (a reconnect storm); retry-after given. */
  joinRate: 5,
  /** Another connection in the room has this sender id: pick a fresh one and join again. */
  senderInUse: 6,
  /** Frames were dropped for the rate limit: slow down, and resync when you can. */
  rateLimited: 7,
  /** Disconnected because too much was queued for this connection; reconnect and resync. */
  tooSlow: 8,
  /** Disconnected after too many malformed or misaddressed frames. */
  protocol: 9,
} as const;
export type RelayErrorCode = (typeof RelayErrorCode)[keyof typeof RelayErrorCode];

export const JOIN_BYTES = 2 + ROOM_TAG_BYTES + KEY_ID_BYTES + SENDER_ID_BYTES;
const MEMBER_ENTRY_BYTES = SENDER_ID_BYTES + KEY_ID_BYTES;
const WELCOME_HEADER_BYTES = 6;
const ZERO_ID = '0'.repeat(SENDER_ID_BYTES * 2);

export interface RelayJoin {
  readonly roomTag: string;
  readonly keyId: string;
  readonly sender: string;
}

export interface RelayMemberEntry {
  readonly sender: string;
  readonly keyId: string;
}

export type RelayServerMessage =
  | {
      readonly type: typeof RelayControlType.welcome;
      readonly members: readonly RelayMemberEntry[];
      readonly presenceFrames: number;
    }
  | ({ readonly type: typeof RelayControlType.memberJoined } & RelayMemberEntry)
  | { readonly type: typeof RelayControlType.memberLeft; readonly sender: string }
  | { readonly type: typeof RelayControlType.syncUnanswered; readonly counter: number }
  | {
      readonly type: typeof RelayControlType.error;
      readonly code: RelayErrorCode;
      readonly retryAfterMs: number;
    };

/** Whether a binary message is one of the server's own (or a join), not a relay frame. */
export function isControlMessage(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === RELAY_VERSION && (bytes[1] ?? 0) >= 0x80;
}

export function writeJoin(join: RelayJoin): Uint8Array {
  const bytes = start(RelayControlType.join, JOIN_BYTES);
  bytes.set(fromHex(join.roomTag), 2);
  bytes.set(fromHex(join.keyId), 2 + ROOM_TAG_BYTES);
  bytes.set(fromHex(join.sender), 2 + ROOM_TAG_BYTES + KEY_ID_BYTES);
  return bytes;
}

/** A join's ids, or null for anything that is not exactly a well-formed join. */
export function readJoin(bytes: Uint8Array): RelayJoin | null {
  if (bytes.length !== JOIN_BYTES || bytes[0] !== RELAY_VERSION) return null;
  if (bytes[1] !== RelayControlType.join) return null;
  const sender = toHex(bytes.subarray(2 + ROOM_TAG_BYTES + KEY_ID_BYTES, JOIN_BYTES));
  if (sender === ZERO_ID) return null;
  return {
    roomTag: toHex(bytes.subarray(2, 2 + ROOM_TAG_BYTES)),
    keyId: toHex(bytes.subarray(2 + ROOM_TAG_BYTES, 2 + ROOM_TAG_BYTES + KEY_ID_BYTES)),
    sender,
  };
}

export function writeWelcome(members: readonly RelayMemberEntry[], presenceFrames: number) {
  const bytes = start(
    RelayControlType.welcome,
    WELCOME_HEADER_BYTES + members.length * MEMBER_ENTRY_BYTES,
  );
  const view = new DataView(bytes.buffer);
  view.setUint16(2, members.length);
  view.setUint16(4, presenceFrames);
  members.forEach((member, i) => {
    const at = WELCOME_HEADER_BYTES + i * MEMBER_ENTRY_BYTES;
    bytes.set(fromHex(member.sender), at);
    bytes.set(fromHex(member.keyId), at + SENDER_ID_BYTES);
  });
  return bytes;
}

export function writeMemberJoined(member: RelayMemberEntry): Uint8Array {
  const bytes = start(RelayControlType.memberJoined, 2 + MEMBER_ENTRY_BYTES);
  bytes.set(fromHex(member.sender), 2);
  bytes.set(fromHex(member.keyId), 2 + SENDER_ID_BYTES);
  return bytes;
}

export function writeMemberLeft(sender: string): Uint8Array {
  const bytes = start(RelayControlType.memberLeft, 2 + SENDER_ID_BYTES);
  bytes.set(fromHex(sender), 2);
  return bytes;
}

export function writeSyncUnanswered(counter: number): Uint8Array {
  const bytes = start(RelayControlType.syncUnanswered, 10);
  new DataView(bytes.buffer).setBigUint64(2, BigInt(counter));
  return bytes;
}

export function writeError(code: RelayErrorCode, retryAfterMs = 0): Uint8Array {
  const bytes = start(RelayControlType.error, 7);
  bytes[2] = code;
  new DataView(bytes.buffer).setUint32(3, Math.min(0xffffffff, Math.max(0, retryAfterMs)));
  return bytes;
}

/** Reads a server message; null for anything else (a relay frame, garbage). Never throws. */
export function readServerMessage(bytes: Uint8Array): RelayServerMessage | null {
  if (!isControlMessage(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = (at: number) => toHex(bytes.subarray(at, at + SENDER_ID_BYTES));
  switch (bytes[1]) {
    case RelayControlType.welcome: {
      if (bytes.length < WELCOME_HEADER_BYTES) return null;
      const count = view.getUint16(2);
      if (bytes.length !== WELCOME_HEADER_BYTES + count * MEMBER_ENTRY_BYTES) return null;
      const members: RelayMemberEntry[] = [];
      for (let i = 0; i < count; i++) {
        const at = WELCOME_HEADER_BYTES + i * MEMBER_ENTRY_BYTES;
        members.push({ sender: id(at), keyId: id(at + SENDER_ID_BYTES) });
      }
      return { type: RelayControlType.welcome, members, presenceFrames: view.getUint16(4) };
    }
    case RelayControlType.memberJoined:
      if (bytes.length !== 2 + MEMBER_ENTRY_BYTES) return null;
      return { type: RelayControlType.memberJoined, sender: id(2), keyId: id(10) };
    case RelayControlType.memberLeft:
      if (bytes.length !== 10) return null;
      return { type: RelayControlType.memberLeft, sender: id(2) };
    case RelayControlType.syncUnanswered:
      if (bytes.length !== 10) return null;
      return { type: RelayControlType.syncUnanswered, counter: Number(view.getBigUint64(2)) };
    case RelayControlType.error:
      if (bytes.length !== 7) return null;
      return {
        type: RelayControlType.error,
        code: bytes[2] as RelayErrorCode,
        retryAfterMs: view.getUint32(3),
      };
    default:
      return null;
  }
}

function start(type: RelayControlType, length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes[0] = RELAY_VERSION;
  bytes[1] = type;
  return bytes;
}
