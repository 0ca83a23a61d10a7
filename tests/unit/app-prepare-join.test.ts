import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Busy, Toast } from '../../lib/app/app-types';
import type { SessionEntry } from '../../lib/app/sessions-store';
import { createStartJoin } from '../../lib/app/start-join';
import { ok } from '../../lib/result';
import type { RoomCode } from '../../lib/room/code';
import type { RoomSecrets } from '../../lib/room/keys';

/** Joining derives the room's keys (~0.7 s on a phone) ahead, while the person types a name. */
describe('preparing a join', () => {
  function startJoin() {
    const derived: [RoomCode, string][] = [];
    const opened: SessionEntry[] = [];
    const actions = createStartJoin({
      secretsFor: async (code, passphrase): Promise<RoomSecrets> => {
        derived.push([code, passphrase]);
        return { roomName: `room-${code}`, password: 'p' };
      },
      sessions: signal<readonly SessionEntry[]>([]),
      busy: signal<Busy>(null),
      toast: signal<Toast | null>(null),
      open: async (entry) => {
        opened.push(entry);
        return ok(undefined);
      },
      rememberName: async () => {},
    });
    return { actions, derived, opened };
  }

  it('derives the keys of a valid code, as typed or from a link, and no others', () => {
    const { actions, derived } = startJoin();
    actions.prepareJoin('k7qm');
    actions.prepareJoin('K7QM-PX4R-9!');
    expect(derived).toEqual([]);
    actions.prepareJoin('k7qm px4r 9t');
    actions.prepareJoin('https://kring.example.org/#K7QM-PX4R-9T');
    expect(derived).toEqual([
      ['K7QMPX4R9T', ''],
      ['K7QMPX4R9T', ''],
    ]);
  });

  it('joins with the same derivation the preparation asked for', async () => {
    const { actions, derived, opened } = startJoin();
    actions.prepareJoin('K7QM-PX4R-9T');
    await actions.joinSession({ code: 'K7QM-PX4R-9T', name: 'Noor', passphrase: '' });
    // The app's cache (secrets-cache.ts) answers the second from the first.
    expect(derived[1]).toEqual(derived[0]);
    expect(opened[0]?.roomName).toBe('room-K7QMPX4R9T');
  });
});
