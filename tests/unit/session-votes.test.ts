import { describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_BUDGET, MAX_VOTE_BUDGET } from '../../lib/limits';
import { endSession } from '../../lib/session/lifecycle';
import { phasesOf } from '../../lib/session/schema';
import type { ItemKind } from '../../lib/session/types';
import {
  addVote,
  closeVoting,
  parseVoteKey,
  readVoting,
  removeVote,
  setShowLive,
  startVoting,
  voteKey,
  voterTally,
} from '../../lib/session/votes';
import { expectOk } from '../helpers/session';
import { participant, totals, votingDoc, votingOf } from '../helpers/voting';

describe('reading voting settings', () => {
  const kinds: ItemKind[] = ['question', 'insight'];
  const defaults = {
    status: 'none',
    kinds,
    budget: DEFAULT_VOTE_BUDGET,
    maxPerItem: DEFAULT_VOTE_BUDGET,
    showLive: false,
  };

  it.each([undefined, null, 'open', 42, [], { status: 'voting', budget: 'three' }])(
    'falls back to the defaults for %j',
    (value) => {
      expect(readVoting(value, kinds)).toEqual(defaults);
    },
  );

  it('keeps only kinds of the phase, in the usual order, and all of them when none is left', () => {
    expect(readVoting({ kinds: ['insight', 'action', 'bogus', 'question'] }, kinds).kinds).toEqual([
      'question',
      'insight',
    ]);
    expect(readVoting({ kinds: ['action'] }, kinds).kinds).toEqual(kinds);
  });

  it.each([
    [0, DEFAULT_VOTE_BUDGET],
    [MAX_VOTE_BUDGET + 1, DEFAULT_VOTE_BUDGET],
    [2.5, DEFAULT_VOTE_BUDGET],
    [Number.NaN, DEFAULT_VOTE_BUDGET],
    [1, 1],
    [MAX_VOTE_BUDGET, MAX_VOTE_BUDGET],
  ])('reads budget %j as %j', (budget, expected) => {
    expect(readVoting({ status: 'open', budget }, kinds).budget).toBe(expected);
  });

  it.each([
    [undefined, 5],
    [null, 5],
    ['2', 5],
    [2, 2],
    [2.9, 2],
    [0, 1],
    [-4, 1],
    [99, 5],
  ])('reads maxPerItem %j with budget 5 as %j', (maxPerItem, expected) => {
    expect(readVoting({ budget: 5, maxPerItem }, kinds).maxPerItem).toBe(expected);
  });

  it('shows live only for a literal true', () => {
    expect(readVoting({ showLive: 'yes' }, kinds).showLive).toBe(false);
    expect(readVoting({ showLive: true }, kinds).showLive).toBe(true);
  });
});

describe('vote keys', () => {
  it('round-trip, also for an item id that holds a colon', () => {
    expect(parseVoteKey(voteKey('item1', 'voter_A-9'))).toEqual({
      itemId: 'item1',
      voterKey: 'voter_A-9',
    });
    expect(parseVoteKey(voteKey('odd:id', 'v'))).toEqual({ itemId: 'odd:id', voterKey: 'v' });
  });

  it.each(['nocolon', ':voter', 'item:', 'item:bad key', 'item:ü', `item:${'v'.repeat(65)}`])(
    'refuses the malformed key %j',
    (key) => {
      expect(parseVoteKey(key)).toBeNull();
    },
  );
});

describe('startVoting', () => {
  it('opens voting on every kind of the phase with three dots by default', () => {
    const { doc } = votingDoc();
    expect(votingOf(doc, 'ideas').status).toBe('none');
    expectOk(startVoting(doc, 'ideas'));
    expect(votingOf(doc, 'ideas')).toEqual({
      status: 'open',
      kinds: ['question', 'insight', 'action'],
      budget: 3,
      maxPerItem: 3,
      showLive: false,
    });
    expect(votingOf(doc, 'talk').status).toBe('none');
  });

  it('takes a budget, a maximum per item, chosen kinds and show live', () => {
    const { doc } = votingDoc();
    expectOk(startVoting(doc, 'ideas', { budget: 5, maxPerItem: 2, kinds: ['action', 'insight'] }));
    expect(votingOf(doc, 'ideas')).toEqual({
      status: 'open',
      kinds: ['insight', 'action'],
      budget: 5,
      maxPerItem: 2,
      showLive: false,
    });
  });

  it('uses the settings the phase already holds, as a template may preset them', () => {
    const { doc } = votingDoc();
    const record = phasesOf(doc).get(0);
    record.set('voting', { status: 'none', kinds: ['insight'], budget: 6, maxPerItem: null });
    expectOk(startVoting(doc, 'ideas'));
    expect(votingOf(doc, 'ideas')).toMatchObject({ kinds: ['insight'], budget: 6, maxPerItem: 6 });
    // No maximum stays no maximum when the budget grows later.
    expectOk(startVoting(doc, 'ideas', { budget: 8 }));
    expect(votingOf(doc, 'ideas')).toMatchObject({ budget: 8, maxPerItem: 8 });
  });

  it.each([
    [{ budget: 0 }, { code: 'invalid-budget', value: 0 }],
    [{ budget: MAX_VOTE_BUDGET + 1 }, { code: 'invalid-budget', value: MAX_VOTE_BUDGET + 1 }],
    [{ budget: 2.5 }, { code: 'invalid-budget', value: 2.5 }],
    [
      { budget: 3, maxPerItem: 0 },
      { code: 'invalid-budget', value: 0 },
    ],
    [
      { budget: 3, maxPerItem: 4 },
      { code: 'invalid-budget', value: 4 },
    ],
    [
      { kinds: ['insight', 'bogus'] },
      { code: 'kind-not-in-phase', kind: 'bogus', phaseId: 'ideas' },
    ],
  ])('refuses %j with %j and changes nothing', (settings, error) => {
    const { doc } = votingDoc();
    expect(startVoting(doc, 'ideas', settings as never)).toEqual({ ok: false, error });
    expect(votingOf(doc, 'ideas').status).toBe('none');
  });

  it('refuses kinds the phase does not collect and unknown phases', () => {
    const { doc } = votingDoc();
    expect(startVoting(doc, 'talk', { kinds: ['action'] })).toEqual({
      ok: false,
      error: { code: 'kind-not-in-phase', kind: 'action', phaseId: 'talk' },
    });
    expect(startVoting(doc, 'nope')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
  });
});

describe('who may manage voting', () => {
  it('refuses participants to start, close or show live, but lets them vote', () => {
    const { doc, ids } = votingDoc();
    const refused = { ok: false, error: { code: 'not-allowed', action: 'manage-voting' } };
    expect(startVoting(doc, 'ideas', {}, participant)).toEqual(refused);
    expectOk(startVoting(doc, 'ideas'));
    expect(closeVoting(doc, 'ideas', participant)).toEqual(refused);
    expect(setShowLive(doc, 'ideas', true, participant)).toEqual(refused);
    expect(votingOf(doc, 'ideas')).toMatchObject({ status: 'open', showLive: false });
    expectOk(addVote(doc, ids.a, 'voterA', participant));
    expect(totals(doc)).toEqual({ [ids.a]: 1 });
  });

  it('refuses every voting write once the session has ended, and keeps the result', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas'));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(endSession(doc));
    const ended = { ok: false, error: { code: 'session-ended' } };
    expect(startVoting(doc, 'talk')).toEqual(ended);
    expect(closeVoting(doc, 'ideas')).toEqual(ended);
    expect(setShowLive(doc, 'ideas', true)).toEqual(ended);
    expect(addVote(doc, ids.b, 'voterA')).toEqual(ended);
    expect(removeVote(doc, ids.a, 'voterA')).toEqual(ended);
    expect(totals(doc)).toEqual({ [ids.a]: 1 });
  });
});

describe('closeVoting and setShowLive', () => {
  it('closes: no more votes, the totals stay, and reopening keeps them', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas', { budget: 4 }));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(addVote(doc, ids.a, 'voterB'));
    expectOk(closeVoting(doc, 'ideas'));
    expectOk(closeVoting(doc, 'ideas'));
    expect(votingOf(doc, 'ideas')).toMatchObject({ status: 'closed', budget: 4 });
    const notOpen = { ok: false, error: { code: 'voting-not-open', phaseId: 'ideas' } };
    expect(addVote(doc, ids.b, 'voterA')).toEqual(notOpen);
    expect(removeVote(doc, ids.a, 'voterA')).toEqual(notOpen);
    expect(totals(doc)).toEqual({ [ids.a]: 2 });

    expectOk(startVoting(doc, 'ideas'));
    expect(votingOf(doc, 'ideas')).toMatchObject({ status: 'open', budget: 4 });
    expect(voterTally(doc, 'ideas', 'voterA')).toMatchObject({ used: 1, left: 3 });
    expectOk(addVote(doc, ids.b, 'voterA'));
    expect(totals(doc)).toEqual({ [ids.a]: 2, [ids.b]: 1 });
  });

  it('refuses to close voting that was never opened', () => {
    const { doc } = votingDoc();
    expect(closeVoting(doc, 'ideas')).toEqual({
      ok: false,
      error: { code: 'voting-not-open', phaseId: 'ideas' },
    });
    expect(closeVoting(doc, 'nope')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
  });

  it('turns show live on and off without touching the rest', () => {
    const { doc } = votingDoc();
    expectOk(startVoting(doc, 'ideas', { budget: 2, maxPerItem: 1 }));
    expectOk(setShowLive(doc, 'ideas', true));
    expect(votingOf(doc, 'ideas')).toEqual({
      status: 'open',
      kinds: ['question', 'insight', 'action'],
      budget: 2,
      maxPerItem: 1,
      showLive: true,
    });
    expectOk(setShowLive(doc, 'ideas', false));
    expect(votingOf(doc, 'ideas').showLive).toBe(false);
    expect(setShowLive(doc, 'nope', true)).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
  });
});
