import { beforeAll, describe, expect, it } from 'vitest';
import { RELAY_REPLAY_WINDOW } from '../../lib/limits';
import { deriveRelayKeys, RelayCipher, type RelayKeys } from '../../lib/room/relay-crypto';
import { RelayFrameType } from '../../lib/room/relay-frame';
import { ReplayGuard } from '../../lib/room/relay-replay';
import { fakeRoomSecrets, openText, sealText } from '../helpers/relay-ciphers';

/**
 * The relay's replay protection (relay-replay.ts, used by relay-crypto.ts): a server that keeps
 * frames and sends them again gets nothing applied twice, and frames it delays a little still
 * arrive.
 */
let keys: RelayKeys;

beforeAll(async () => {
  keys = await deriveRelayKeys(fakeRoomSecrets('room-a'));
});

describe('counters per sender', () => {
  it('accept frames out of order within the replay window', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const frames = await Promise.all(
      ['one', 'two', 'three', 'four'].map((text) => sealText(alice, RelayFrameType.update, text)),
    );
    const order = [3, 0, 2, 1];
    const texts = [];
    for (const index of order) texts.push(await openText(bob, frames[index] as Uint8Array));
    expect(texts).toEqual(['four', 'one', 'three', 'two']);
  });

  it('drops a replayed frame, also when both copies decrypt at the same time', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const frame = await sealText(alice, RelayFrameType.update, 'once');
    expect(await openText(bob, frame)).toBe('once');
    expect(await bob.open(frame)).toEqual({ ok: false, error: 'replayed' });
    const twice = await sealText(alice, RelayFrameType.update, 'twice');
    const results = await Promise.all([bob.open(twice), bob.open(twice.slice())]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'replayed' }]);
  });

  it('drops frames that fell behind the replay window', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const first = await sealText(alice, RelayFrameType.update, 'old');
    for (let i = 0; i < RELAY_REPLAY_WINDOW; i++)
      await alice.seal(RelayFrameType.update, new Uint8Array(0));
    const newest = await sealText(alice, RelayFrameType.update, 'new');
    expect(await openText(bob, newest)).toBe('new');
    expect(await bob.open(first)).toEqual({ ok: false, error: 'replayed' });
  });

  it('keep exactly RELAY_REPLAY_WINDOW counters behind the newest', () => {
    const guard = new ReplayGuard();
    const newest = RELAY_REPLAY_WINDOW + 10;
    expect(guard.accept('a', 'frames', newest)).toBe(true);
    expect(guard.isFresh('a', 'frames', newest - RELAY_REPLAY_WINDOW + 1)).toBe(true);
    expect(guard.isFresh('a', 'frames', newest - RELAY_REPLAY_WINDOW)).toBe(false);
    expect(guard.accept('a', 'frames', newest - 1)).toBe(true);
    expect(guard.accept('a', 'frames', newest - 1)).toBe(false);
    // A jump further than the window forgets everything behind it, but not the newest.
    expect(guard.accept('a', 'frames', newest + 5 * RELAY_REPLAY_WINDOW)).toBe(true);
    expect(guard.isFresh('a', 'frames', newest + 5 * RELAY_REPLAY_WINDOW)).toBe(false);
    expect(guard.isFresh('a', 'frames', newest + 5 * RELAY_REPLAY_WINDOW - 1)).toBe(true);
    // Each sender has its own counters.
    expect(guard.isFresh('b', 'frames', newest)).toBe(true);
  });
});

describe('the last will', () => {
  it('is accepted after later frames, once, and not when newer presence came since', async () => {
    const alice = new RelayCipher(keys);
    const bob = new RelayCipher(keys);
    const presence = await sealText(alice, RelayFrameType.awareness, 'here');
    const will = await sealText(alice, RelayFrameType.awarenessWill, 'gone');
    const edits = [
      await sealText(alice, RelayFrameType.update, 'edit 1'),
      await sealText(alice, RelayFrameType.update, 'edit 2'),
    ];
    await openText(bob, presence);
    for (const edit of edits) await openText(bob, edit);
    // The server held the will back until alice's connection dropped: older than her edits.
    expect(await openText(bob, will)).toBe('gone');
    expect(await bob.open(will)).toEqual({ ok: false, error: 'stale-will' });

    const carol = new RelayCipher(keys);
    const renewed = await sealText(alice, RelayFrameType.awareness, 'back again');
    await openText(carol, renewed);
    // An old will the server kept must not remove presence alice renewed after it.
    expect(await carol.open(will)).toEqual({ ok: false, error: 'stale-will' });
  });
});

describe('replay guard memory', () => {
  it('keeps a bounded number of senders, forgetting the least recently heard', () => {
    const guard = new ReplayGuard(2);
    expect(guard.accept('a', 'frames', 1)).toBe(true);
    expect(guard.accept('b', 'frames', 1)).toBe(true);
    expect(guard.accept('a', 'frames', 2)).toBe(true); // a is now the most recent
    expect(guard.accept('c', 'frames', 1)).toBe(true); // evicts b
    expect(guard.trackedSenders()).toBe(2);
    expect(guard.isFresh('a', 'frames', 2)).toBe(false);
    expect(guard.isFresh('b', 'frames', 1)).toBe(true);
    guard.forget('a');
    expect(guard.trackedSenders()).toBe(1);
  });
});
