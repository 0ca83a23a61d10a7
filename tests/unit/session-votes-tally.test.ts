import { describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_BUDGET } from '../../lib/limits';
import { phasesOf } from '../../lib/session/schema';
import {
  readVoting,
  startVoting,
  tallyVotes,
  type VotingItem,
  voteKey,
  voterTally,
  votesOf,
} from '../../lib/session/votes';
import { expectOk } from '../helpers/session';
import { copyOf, totals, votingDoc } from '../helpers/voting';

describe('the tally of a hostile document', () => {
  it('caps or ignores entries a modified peer wrote', () => {
    const { doc, ids } = votingDoc();
    expectOk(startVoting(doc, 'ideas', { budget: 3, maxPerItem: 2, kinds: ['insight'] }));
    const votes = votesOf(doc);
    votes.set(voteKey(ids.a, 'greedy'), 99);
    votes.set(voteKey(ids.b, 'greedy'), 99);
    votes.set(voteKey(ids.c, 'greedy'), 99);
    votes.set(voteKey(ids.a, 'negative'), -5);
    votes.set(voteKey(ids.a, 'nan'), Number.NaN);
    votes.set(voteKey(ids.a, 'infinite'), Number.POSITIVE_INFINITY);
    votes.set(voteKey(ids.a, 'word'), 'three');
    votes.set(voteKey(ids.a, 'fraction'), 1.9);
    votes.set(voteKey(ids.action, 'offKind'), 1);
    votes.set(voteKey(ids.talk, 'closedPhase'), 1);
    votes.set(voteKey('ghost', 'noItem'), 1);
    votes.set('no-colon', 1);
    votes.set(`${ids.b}:bad key!`, 1);
    votes.set(`:${'x'}`, 1);
    // greedy: a 2 (max per item), b 1 (budget cut), c 0; fraction: a 1.
    const expected = { [ids.a]: 3, [ids.b]: 1 };
    expect(totals(doc)).toEqual(expected);
    expect(voterTally(doc, 'ideas', 'greedy')).toMatchObject({ used: 3, left: 0 });
    // Every peer reads the same.
    expect(totals(copyOf(doc))).toEqual(expected);
  });

  it('reads a garbage budget as the default', () => {
    const { doc, ids } = votingDoc();
    phasesOf(doc).get(0).set('voting', { status: 'open', budget: 1000, maxPerItem: 'all' });
    votesOf(doc).set(voteKey(ids.a, 'greedy'), 1000);
    expect(totals(doc)).toEqual({ [ids.a]: DEFAULT_VOTE_BUDGET });
  });

  it('tallyVotes counts items with id order deciding which dots a voter over budget keeps', () => {
    const items = new Map<string, VotingItem>(
      ['b', 'a', 'c'].map((id) => [id, { id, phaseId: 'p', kind: 'insight' }]),
    );
    const voting = new Map([['p', readVoting({ status: 'closed', budget: 2 }, ['insight'])]]);
    const entries: Array<[string, unknown]> = [
      ['c:v', 1],
      ['b:v', 1],
      ['a:v', 1],
      ['c:w', 1],
    ];
    expect(Object.fromEntries(tallyVotes(entries, items, voting))).toEqual({ a: 1, b: 1, c: 1 });
    const notOpened = new Map([['p', readVoting(undefined, ['insight'])]]);
    expect(tallyVotes(entries, items, notOpened).size).toBe(0);
  });
});
