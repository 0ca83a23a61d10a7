import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RELAY_FRAME_BYTES, RELAY_PADDING_BYTES } from '../../lib/limits';
import { parseRoomCode } from '../../lib/room/code';
import { deriveRoomSecrets } from '../../lib/room/keys';
import { deriveRelayKeys, RelayCipher, type RelayKeys } from '../../lib/room/relay-crypto';
import {
  RELAY_HEADER_BYTES,
  RelayFrameType,
  type RelayHeader,
  writeRelayHeader,
} from '../../lib/room/relay-frame';
import { fakeRoomSecrets, openText, sealText } from '../helpers/relay-ciphers';

const decoder = new TextDecoder();

let keys: RelayKeys;
let otherPassphrase: RelayKeys;
let otherRoom: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('room-a'));
  otherPassphrase = await deriveRelayKeys(fakeRoomSecrets('room-a', 'buurt 2026'));
  otherRoom = await deriveRelayKeys(fakeRoomSecrets('room-b'));
});

describe('relay keys', () => {
  it('derive from keys.ts: one room tag per code, one key id per code and passphrase', async () => {
    const code = parseRoomCode('K7QM-PX4R-9T');
    if (!code.ok) throw new Error('code');
    const room = await deriveRoomSecrets(code.value);
    const withPassphrase = await deriveRoomSecrets(code.value, 'Buurt 2026');
    const plain = await deriveRelayKeys(room);
    const again = await deriveRelayKeys(await deriveRoomSecrets(code.value));
    const other = await deriveRelayKeys(withPassphrase);
    expect(plain.roomTag).toMatch(/^[0-9a-f]{32}$/);
    expect(plain.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(again.roomTag).toBe(plain.roomTag);
    expect(again.keyId).toBe(plain.keyId);
    expect(other.roomTag).toBe(plain.roomTag);
    expect(other.keyId).not.toBe(plain.keyId);
    // The room tag is not (part of) the signaling topic, which the signaling server logs.
    expect(room.roomName).not.toContain(plain.roomTag);
    expect(room.roomName).not.toContain(plain.keyId);
  });

  it('differ for other codes, and the key is not extractable', () => {
    expect(otherRoom.roomTag).not.toBe(keys.roomTag);
    expect(otherRoom.keyId).not.toBe(keys.keyId);
    expect(keys.key.extractable).toBe(false);
    expect(keys.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });

  it('really differ: a frame under another passphrase with a forged key id fails to decrypt', async () => {
    const alice = new RelayCipher(otherPassphrase);
    const bob = new RelayCipher(keys);
    const frame = await sealText(alice, RelayFrameType.update, 'hello');
    frame.set(Buffer.from(keys.keyId, 'hex'), 18);
    expect(await bob.open(frame)).toEqual({ ok: false, error: 'decrypt-failed' });
  });
});

describe('relay frames that arrive', () => {
  it('round-trip every type, with its routing', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const cases: [RelayFrameType, Parameters<RelayCipher['seal']>[2]][] = [
      [RelayFrameType.syncRequest, {}],
      [RelayFrameType.syncRequest, { target: bob.senderId }],
      [RelayFrameType.syncReply, { target: bob.senderId, inReplyTo: 12 }],
      [RelayFrameType.update, {}],
      [RelayFrameType.awareness, {}],
      [RelayFrameType.awarenessWill, {}],
      [RelayFrameType.chunk, {}],
      [RelayFrameType.chunk, { target: bob.senderId, inReplyTo: 12 }],
      [RelayFrameType.control, {}],
      [RelayFrameType.control, { target: bob.senderId }],
    ];
    for (const [index, [type, options]] of cases.entries()) {
      const opened = await bob.open(await sealText(alice, type, `payload ${index}`, options));
      if (!opened.ok) throw new Error(`${type}: ${opened.error}`);
      expect(decoder.decode(opened.value.payload)).toBe(`payload ${index}`);
      expect(opened.value.header).toEqual({
        type,
        roomTag: keys.roomTag,
        keyId: keys.keyId,
        sender: alice.senderId,
        counter: index + 1,
        target: options?.target ?? null,
        inReplyTo: options?.inReplyTo ?? 0,
      });
    }
  });

  it('carry empty payloads and the largest that fits one frame, and refuse one byte more', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const largest = new Uint8Array(alice.maxPayloadBytes).fill(7);
    const sealed = await alice.seal(RelayFrameType.chunk, largest);
    if (!sealed.ok) throw new Error(sealed.error);
    expect(sealed.value.frame.length).toBeLessThanOrEqual(RELAY_FRAME_BYTES);
    const opened = await bob.open(sealed.value.frame);
    expect(opened.ok && Buffer.from(opened.value.payload).equals(largest)).toBe(true);
    expect(await openText(bob, await sealText(alice, RelayFrameType.control, ''))).toBe('');
    const tooLarge = await alice.seal(RelayFrameType.chunk, new Uint8Array(largest.length + 1));
    expect(tooLarge).toEqual({ ok: false, error: 'too-large' });
  });

  it('refuse to seal routing the type does not allow, without using up a counter', async () => {
    const alice = new RelayCipher(keys);
    const bad = await alice.seal(RelayFrameType.syncReply, new Uint8Array(1));
    expect(bad).toEqual({ ok: false, error: 'bad-header' });
    const next = await alice.seal(RelayFrameType.update, new Uint8Array(1));
    expect(next.ok && next.value.counter).toBe(1);
  });
});

describe('relay frames that are dropped, never applied', () => {
  it('tells a wrong passphrase by its key id, without trying to decrypt', async () => {
    const alice = new RelayCipher(otherPassphrase);
    const bob = new RelayCipher(keys);
    const frame = await sealText(alice, RelayFrameType.update, 'hello');
    const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
    try {
      expect(await bob.open(frame)).toEqual({ ok: false, error: 'wrong-key' });
      expect(decrypt).not.toHaveBeenCalled();
    } finally {
      decrypt.mockRestore();
    }
  });

  it('drops frames of another room, for another peer, and its own echo', async () => {
    const stranger = new RelayCipher(otherRoom);
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const carol = new RelayCipher(keys);
    expect(await bob.open(await sealText(stranger, RelayFrameType.update, 'x'))).toEqual({
      ok: false,
      error: 'wrong-room',
    });
    const toCarol = await sealText(alice, RelayFrameType.syncReply, 'state', {
      target: carol.senderId,
      inReplyTo: 1,
    });
    expect(await bob.open(toCarol)).toEqual({ ok: false, error: 'not-for-us' });
    expect(await openText(carol, toCarol)).toBe('state');
    expect(await alice.open(toCarol)).toEqual({ ok: false, error: 'own-frame' });
  });

  it('drops every frame with one bit flipped anywhere, header, IV or ciphertext', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const frame = await sealText(alice, RelayFrameType.syncReply, 'the whole session', {
      target: bob.senderId,
      inReplyTo: 5,
    });
    const errors = new Set<string>();
    for (let at = 0; at < frame.length; at++) {
      for (const bit of [0x01, 0x80]) {
        const copy = frame.slice();
        copy[at] = (copy[at] as number) ^ bit;
        const result = await bob.open(copy);
        expect(result.ok).toBe(false);
        if (!result.ok) errors.add(result.error);
      }
    }
    // Each changed field is told for what it is; everything else fails authentication.
    expect([...errors].sort()).toEqual(
      [
        'bad-header',
        'decrypt-failed',
        'not-for-us',
        'unknown-type',
        'unsupported-version',
        'wrong-key',
        'wrong-room',
      ].sort(),
    );
    expect(await openText(bob, frame)).toBe('the whole session'); // the original still opens
  });

  it('drops a ciphertext spliced under another header: another type, target, counter or reply', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const carol = new RelayCipher(keys);
    const frame = await sealText(alice, RelayFrameType.syncReply, 'for carol', {
      target: carol.senderId,
      inReplyTo: 3,
    });
    const base: RelayHeader = {
      type: RelayFrameType.syncReply,
      roomTag: keys.roomTag,
      keyId: keys.keyId,
      sender: alice.senderId,
      counter: 1,
      target: carol.senderId,
      inReplyTo: 3,
    };
    const spliced: RelayHeader[] = [
      { ...base, target: bob.senderId }, // redirected to bob
      { ...base, type: RelayFrameType.chunk }, // retyped
      { ...base, counter: 2 }, // renumbered to slip past the replay window
      { ...base, inReplyTo: 4 }, // made to answer another request
    ];
    for (const header of spliced) {
      const copy = frame.slice();
      copy.set(writeRelayHeader(header), 0);
      const to = header.target === bob.senderId ? bob : carol;
      expect(await to.open(copy)).toEqual({ ok: false, error: 'decrypt-failed' });
    }
    expect(await openText(carol, frame)).toBe('for carol');
  });

  it('never throws on random bytes, nor on random bytes behind a valid header', async () => {
    const bob = new RelayCipher(keys);
    const header = writeRelayHeader({
      type: RelayFrameType.update,
      roomTag: keys.roomTag,
      keyId: keys.keyId,
      sender: 'a1a1a1a1a1a1a1a1',
      counter: 1,
      target: null,
      inReplyTo: 0,
    });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, behind) => {
        const input = behind ? concat(header, bytes) : bytes;
        const result = await bob.open(input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never applies a valid frame with random bytes overwritten', async () => {
    const alice = new RelayCipher(keys);
    const frame = await sealText(alice, RelayFrameType.awareness, '{"name":"Fatima"}');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(frame.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        async (writes) => {
          const copy = frame.slice();
          for (const [at, value] of writes) copy[at] = value;
          const changed = copy.some((byte, i) => byte !== frame[i]);
          const result = await new RelayCipher(keys).open(copy);
          expect(result.ok).toBe(!changed);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('what the server sees', () => {
  it('holds no plaintext of a payload: the header is routing only, the rest is ciphertext', async () => {
    const alice = new RelayCipher(keys);
    const secret = 'Buurtavond De Linde: Fatima wil een moestuin';
    const frame = await sealText(alice, RelayFrameType.update, secret);
    const header = frame.subarray(0, RELAY_HEADER_BYTES);
    expect(header).toEqual(
      writeRelayHeader({
        type: RelayFrameType.update,
        roomTag: keys.roomTag,
        keyId: keys.keyId,
        sender: alice.senderId,
        counter: 1,
        target: null,
        inReplyTo: 0,
      }),
    );
    const frameText = Buffer.from(frame).toString('latin1');
    for (const word of ['Buurtavond', 'Fatima', 'moestuin', 'Linde']) {
      expect(frameText).not.toContain(word);
    }
    // Two frames of the same text share no ciphertext: every IV is fresh.
    const again = await sealText(alice, RelayFrameType.update, secret);
    expect(Buffer.from(again.subarray(RELAY_HEADER_BYTES)).toString('hex')).not.toBe(
      Buffer.from(frame.subarray(RELAY_HEADER_BYTES)).toString('hex'),
    );
  });

  it('sees sizes only in steps of the padding', async () => {
    const alice = new RelayCipher(keys);
    const short = await sealText(alice, RelayFrameType.awareness, '{"name":"Jo"}');
    const long = await sealText(alice, RelayFrameType.awareness, '{"name":"Maria-Christina"}');
    expect(long.length).toBe(short.length);
    expect((short.length - RELAY_HEADER_BYTES - 12 - 16) % RELAY_PADDING_BYTES).toBe(0);
  });
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
