import { describe, expect, it } from 'vitest';
import {
  addVote,
  forgetVotesOf,
  removeVote,
  startVoting,
  voteKey,
  voterTally,
  votesOf,
} from '../../lib/session/votes';
import { expectOk } from '../helpers/session';
import { copyOf, totals, votingDoc } from '../helpers/voting';

describe('addVote and removeVote', () => {
  it('refuses the fourth dot of a budget of three, with the budget in the message', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas'));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(addVote(doc, ids.b, 'voterA'));
    expectOk(addVote(doc, ids.c, 'voterA'));
    expect(addVote(doc, ids.action, 'voterA')).toEqual({
      ok: false,
      error: { code: 'no-votes-left', budget: 3 },
    });
    expect(voterTally(doc, 'ideas', 'voterA')).toMatchObject({ used: 3, left: 0, budget: 3 });
    // Another device has its own budget.
    expectOk(addVote(doc, ids.action, 'voterB'));
    expect(totals(doc)).toEqual({ [ids.a]: 1, [ids.b]: 1, [ids.c]: 1, [ids.action]: 1 });
  });

  it('allows the whole budget on one item unless there is a maximum', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas'));
    for (let i = 0; i < 3; i++) expectOk(addVote(doc, ids.a, 'voterA'));
    expect(totals(doc)).toEqual({ [ids.a]: 3 });

    expectOk(startVoting(doc, 'ideas', { maxPerItem: 2 }));
    expectOk(addVote(doc, ids.b, 'voterB'));
    expectOk(addVote(doc, ids.b, 'voterB'));
    expect(addVote(doc, ids.b, 'voterB')).toEqual({
      ok: false,
      error: { code: 'item-vote-limit', limit: 2 },
    });
    expectOk(addVote(doc, ids.c, 'voterB'));
    // Lowering the maximum caps dots already cast: voterA's three on a now count as two.
    expect(totals(doc)).toEqual({ [ids.a]: 2, [ids.b]: 2, [ids.c]: 1 });
    expect(voterTally(doc, 'ideas', 'voterA')).toMatchObject({ used: 2, left: 1 });
  });

  it('counts the budget per phase', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas', { budget: 1 }));
    expectOk(startVoting(doc, 'talk', { budget: 1 }));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(addVote(doc, ids.talk, 'voterA'));
    expect(totals(doc)).toEqual({ [ids.a]: 1, [ids.talk]: 1 });
  });

  it('removes a dot, and the entry itself when the last one goes', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas'));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(removeVote(doc, ids.a, 'voterA'));
    expect(votesOf(doc).get(voteKey(ids.a, 'voterA'))).toBe(1);
    expectOk(removeVote(doc, ids.a, 'voterA'));
    expect(votesOf(doc).has(voteKey(ids.a, 'voterA'))).toBe(false);
    expect(removeVote(doc, ids.a, 'voterA')).toEqual({
      ok: false,
      error: { code: 'no-vote-to-remove', itemId: ids.a },
    });
    expect(voterTally(doc, 'ideas', 'voterA')).toMatchObject({ used: 0, left: 3 });
  });

  it('refuses votes before voting opens, on kinds not voted, on unknown items and bad keys', () => {
    const { doc, ids } = votingDoc();
    expect(addVote(doc, ids.a, 'voterA')).toEqual({
      ok: false,
      error: { code: 'voting-not-open', phaseId: 'ideas' },
    });
    expectOk(startVoting(doc, 'ideas', { kinds: ['insight'] }));
    expect(addVote(doc, ids.action, 'voterA')).toEqual({
      ok: false,
      error: { code: 'kind-not-voted', kind: 'action' },
    });
    expect(removeVote(doc, ids.action, 'voterA')).toEqual({
      ok: false,
      error: { code: 'no-vote-to-remove', itemId: ids.action },
    });
    expect(addVote(doc, 'ghost', 'voterA')).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: 'ghost' },
    });
    for (const badKey of ['', 'has space', 'colon:key', 'k'.repeat(65)]) {
      expect(addVote(doc, ids.a, badKey)).toEqual({
        ok: false,
        error: { code: 'not-allowed', action: 'vote' },
      });
    }
    expect(votesOf(doc).size).toBe(0);
  });

  it('cannot vote more after a reload: the budget is read from the document', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas'));
    for (const id of [ids.a, ids.b, ids.c]) expectOk(addVote(doc, id, 'voterA'));
    const reloaded = copyOf(doc);
    expect(addVote(reloaded, ids.question, 'voterA')).toEqual({
      ok: false,
      error: { code: 'no-votes-left', budget: 3 },
    });
    expect(voterTally(reloaded, 'ideas', 'voterA')).toMatchObject({ used: 3, left: 0 });
  });
});

describe('forgetVotesOf', () => {
  it('deletes the entries of the given items only', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas'));
    expectOk(addVote(doc, ids.a, 'voterA'));
    expectOk(addVote(doc, ids.a, 'voterB'));
    expectOk(addVote(doc, ids.b, 'voterB'));
    votesOf(doc).set(`${ids.a}:bad key`, 1);
    forgetVotesOf(doc, new Set([ids.a]));
    expect([...votesOf(doc).keys()]).toEqual([voteKey(ids.b, 'voterB')]);
    forgetVotesOf(doc, new Set());
    expect(votesOf(doc).size).toBe(1);
  });
});
