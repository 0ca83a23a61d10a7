import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELAY_FRAME_BYTES } from '../../lib/limits';
import {
  newSenderId,
  RELAY_HEADER_BYTES,
  RELAY_OVERHEAD_BYTES,
  RelayFrameType,
  type RelayHeader,
  readRelayFrame,
  writeRelayHeader,
} from '../../lib/room/relay-frame';

const ROOM = '00112233445566778899aabbccddeeff';
const KEY = '0123456789abcdef';
const ALICE = 'a1a1a1a1a1a1a1a1';
const BOB = 'b0b0b0b0b0b0b0b0';

function header(overrides: Partial<RelayHeader> = {}): RelayHeader {
  return {
    type: RelayFrameType.update,
    roomTag: ROOM,
    keyId: KEY,
    sender: ALICE,
    counter: 7,
    target: null,
    inReplyTo: 0,
    ...overrides,
  };
}

/** A header followed by an IV and a "ciphertext" (not encrypted: this file tests framing). */
function frame(h: RelayHeader, body = new Uint8Array(12 + 16 + 64).fill(0xee)): Uint8Array {
  const bytes = new Uint8Array(RELAY_HEADER_BYTES + body.length);
  bytes.set(writeRelayHeader(h), 0);
  bytes.set(body, RELAY_HEADER_BYTES);
  return bytes;
}

/** One valid header of every type, with the routing fields each type allows. */
const EVERY_TYPE: RelayHeader[] = [
  header({ type: RelayFrameType.syncRequest }),
  header({ type: RelayFrameType.syncRequest, target: BOB }),
  header({ type: RelayFrameType.syncReply, target: BOB, inReplyTo: 3 }),
  header({ type: RelayFrameType.update }),
  header({ type: RelayFrameType.awareness }),
  header({ type: RelayFrameType.awarenessWill }),
  header({ type: RelayFrameType.chunk }),
  header({ type: RelayFrameType.chunk, target: BOB, inReplyTo: 3 }),
  header({ type: RelayFrameType.control }),
  header({ type: RelayFrameType.control, target: BOB }),
];

describe('relay frame header', () => {
  it('round-trips every type with the routing its type allows', () => {
    for (const h of EVERY_TYPE) {
      const read = readRelayFrame(frame(h));
      expect(read).toEqual({ ok: true, value: expect.objectContaining({ header: h }) });
    }
  });

  it('lays the header out byte by byte as documented', () => {
    const h = header({
      type: RelayFrameType.syncReply,
      counter: 0x0102030405,
      target: BOB,
      inReplyTo: 0x0a0b,
    });
    const bytes = writeRelayHeader(h);
    expect(bytes.length).toBe(58);
    expect(bytes[0]).toBe(1); // version
    expect(bytes[1]).toBe(RelayFrameType.syncReply);
    expect(hex(bytes.subarray(2, 18))).toBe(ROOM);
    expect(hex(bytes.subarray(18, 26))).toBe(KEY);
    expect(hex(bytes.subarray(26, 34))).toBe(ALICE);
    expect(hex(bytes.subarray(34, 42))).toBe('0000000102030405');
    expect(hex(bytes.subarray(42, 50))).toBe(BOB);
    expect(hex(bytes.subarray(50, 58))).toBe('0000000000000a0b');
  });

  it('splits IV and ciphertext off behind the header', () => {
    const body = Uint8Array.from({ length: 12 + 16 + 5 }, (_, i) => i);
    const read = readRelayFrame(frame(header(), body));
    if (!read.ok) throw new Error(read.error);
    expect([...read.value.iv]).toEqual([...body.subarray(0, 12)]);
    expect([...read.value.ciphertext]).toEqual([...body.subarray(12)]);
    expect(read.value.headerBytes).toEqual(writeRelayHeader(header()));
  });

  it('reads frames that sit inside a larger buffer, as Node hands WebSocket messages over', () => {
    const bytes = frame(header({ counter: 2 ** 40 + 1 }));
    const pool = new Uint8Array(bytes.length + 13);
    pool.set(bytes, 5);
    const read = readRelayFrame(Buffer.from(pool.buffer, 5, bytes.length));
    expect(read.ok && read.value.header.counter).toBe(2 ** 40 + 1);
    const fromArrayBuffer = readRelayFrame(bytes.slice().buffer);
    expect(fromArrayBuffer.ok).toBe(true);
  });
});

describe('relay frames that are dropped', () => {
  it('refuses what is not bytes', () => {
    for (const input of ['text', 42, null, undefined, {}, [1, 2, 3]]) {
      expect(readRelayFrame(input)).toEqual({ ok: false, error: 'not-binary' });
    }
  });

  it('refuses every truncation of a frame shorter than header, IV and tag', () => {
    const bytes = frame(header());
    for (let length = 0; length < RELAY_OVERHEAD_BYTES; length++) {
      expect(readRelayFrame(bytes.subarray(0, length))).toEqual({ ok: false, error: 'truncated' });
    }
  });

  it('refuses frames above the limit before reading them', () => {
    const big = frame(header(), new Uint8Array(RELAY_FRAME_BYTES));
    expect(readRelayFrame(big)).toEqual({ ok: false, error: 'too-large' });
    expect(readRelayFrame(frame(header()), 100)).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuses other versions and unknown types, including the range kept for the server', () => {
    const bytes = frame(header());
    for (const version of [0, 2, 255]) {
      const copy = bytes.slice();
      copy[0] = version;
      expect(readRelayFrame(copy)).toEqual({ ok: false, error: 'unsupported-version' });
    }
    for (const type of [0, 8, 0x7f, 0x80, 0xff]) {
      const copy = bytes.slice();
      copy[1] = type;
      expect(readRelayFrame(copy)).toEqual({ ok: false, error: 'unknown-type' });
    }
  });

  it('refuses zero senders and counters, and routing the type does not allow', () => {
    const zeroId = '0'.repeat(16);
    const bad: Record<string, Uint8Array> = {
      'zero sender': frame(header({ sender: zeroId })),
      'zero counter': patch(frame(header()), 34, new Uint8Array(8)),
      'counter above 2^53': patch(frame(header()), 34, new Uint8Array(8).fill(0xff)),
      'update with a target': frame(header({ target: BOB })),
      'reply without a target': frame(header({ type: RelayFrameType.syncReply, inReplyTo: 1 })),
      'reply to nothing': frame(header({ type: RelayFrameType.syncReply, target: BOB })),
      'update that replies': frame(header({ inReplyTo: 4 })),
      'awareness with a target': frame(header({ type: RelayFrameType.awareness, target: BOB })),
      'will with a target': frame(header({ type: RelayFrameType.awarenessWill, target: BOB })),
      'request that replies': frame(header({ type: RelayFrameType.syncRequest, inReplyTo: 2 })),
    };
    for (const [name, bytes] of Object.entries(bad)) {
      expect({ name, result: readRelayFrame(bytes) }).toEqual({
        name,
        result: { ok: false, error: 'bad-header' },
      });
    }
  });

  it('never throws on random bytes, and answers with a typed result', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const read = readRelayFrame(bytes);
        if (read.ok) expect(read.value.header.counter).toBeGreaterThanOrEqual(1);
        else expect(typeof read.error).toBe('string');
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws when any bytes of a valid frame are overwritten', () => {
    const valid = frame(header({ type: RelayFrameType.syncReply, target: BOB, inReplyTo: 9 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
          maxLength: 8,
        }),
        fc.nat(valid.length),
        (writes, cut) => {
          const copy = valid.slice(0, Math.max(cut, RELAY_OVERHEAD_BYTES));
          for (const [at, value] of writes) if (at < copy.length) copy[at] = value;
          const read = readRelayFrame(copy);
          expect(typeof read.ok).toBe('boolean');
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('sender ids', () => {
  it('are random, 8 bytes in hex, and never the all-zero "whole room" target', () => {
    const ids = new Set(Array.from({ length: 200 }, newSenderId));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      expect(id).not.toBe('0'.repeat(16));
    }
  });
});

function patch(bytes: Uint8Array, at: number, value: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy.set(value, at);
  return copy;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
