import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem } from '../../lib/session/items';
import { addVote, removeVote, startVoting, voterTally, votesOf } from '../../lib/session/votes';
import { expectOk } from '../helpers/session';
import { seededRandom } from '../helpers/test-network';
import { copyOf, counterContext, shuffled, sync, totals, votingDoc } from '../helpers/voting';

describe('concurrent voting on many devices', () => {
  it('converges to the same totals on every peer, never above any budget', () => {
    const { doc: base } = votingDoc();
    const context = counterContext('m');
    for (let i = 0; i < 12; i++) {
      expectOk(addItem(base, { kind: 'insight', phaseId: 'ideas', text: `idea ${i}` }, context));
    }
    expectOk(startVoting(base, 'ideas', { budget: 3, maxPerItem: 2 }));
    const itemIds = [...base.getMap('items').keys()].filter((id) => id.startsWith('m'));
    const docs = Array.from({ length: 30 }, () => copyOf(base));
    const random = seededRandom(11);
    const pick = () => itemIds[Math.floor(random() * itemIds.length)] as string;
    docs.forEach((doc, i) => {
      let cast = 0;
      while (cast < 3) if (addVote(doc, pick(), `voter${i}`).ok) cast++;
    });
    // One device with two tabs: the same key votes on two docs before they meet.
    const [tabA, tabB] = [docs[0] as Y.Doc, docs[1] as Y.Doc];
    for (const id of itemIds.slice(0, 3)) expectOk(addVote(tabA, id, 'twoTabs'));
    for (const id of itemIds.slice(-3)) expectOk(addVote(tabB, id, 'twoTabs'));

    // What each peer made since the shared start: its own votes.
    const baseState = Y.encodeStateVector(base);
    const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc, baseState));
    docs.forEach((doc, i) => {
      // Each peer receives everyone's votes in its own order, some twice.
      for (const j of shuffled(updates.length, seededRandom(100 + i))) {
        Y.applyUpdate(doc, updates[j] as Uint8Array);
        if (j % 4 === 0) Y.applyUpdate(doc, updates[j] as Uint8Array);
      }
    });

    const expected = totals(docs[0] as Y.Doc);
    for (const doc of docs) expect(totals(doc)).toEqual(expected);
    const sum = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(sum).toBe(30 * 3 + 3);
    for (const voter of [...docs.keys()].map((i) => `voter${i}`).concat('twoTabs')) {
      for (const doc of [docs[5] as Y.Doc, docs[22] as Y.Doc]) {
        expect(voterTally(doc, 'ideas', voter).used).toBe(3);
      }
    }
    const raw = [...votesOf(tabA).entries()].filter(([key]) => key.endsWith(':twoTabs'));
    expect(raw.reduce((total, [, count]) => total + (count as number), 0)).toBe(6);
  });

  it('lets a two-tab device take back a dot it sees, trimming the ones that do not count', () => {
    const { doc: base, ids } = votingDoc();
    expectOk(startVoting(base, 'ideas'));
    const [tabA, tabB] = [copyOf(base), copyOf(base)];
    for (const id of [ids.a, ids.b, ids.c]) expectOk(addVote(tabA, id, 'device'));
    for (const id of [ids.action, ids.question]) expectOk(addVote(tabB, id, 'device'));
    sync(tabA, tabB);
    const counted = voterTally(tabB, 'ideas', 'device');
    expect(counted).toMatchObject({ used: 3, left: 0 });
    const [first] = [...counted.byItem.keys()].sort();
    expectOk(removeVote(tabB, first as string, 'device'));
    expect(voterTally(tabB, 'ideas', 'device')).toMatchObject({ used: 2, left: 1 });
    sync(tabA, tabB);
    expect(totals(tabA)).toEqual(totals(tabB));
    expect(voterTally(tabA, 'ideas', 'device')).toMatchObject({ used: 2, left: 1 });
    const raw = [...votesOf(tabA).keys()].filter((key) => key.endsWith(':device'));
    expect(raw).toHaveLength(2);
  });
});
