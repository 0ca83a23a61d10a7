import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addItem,
  createSession,
  deleteItem,
  editItemText,
  itemText,
  stepPhase,
  updateAction,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, snap } from '../helpers/session';
import { seededRandom, TestNetwork } from '../helpers/test-network';
import { testTemplate } from '../helpers/test-template';

let network: TestNetwork;
afterEach(() => network.destroy());

/** Peer 0 starts a session; everyone receives it before the test begins. */
function startedNetwork(peers: number): Y.Doc[] {
  network = new TestNetwork(peers);
  const facilitator = network.docs[0] as Y.Doc;
  expectOk(createSession(facilitator, { template: testTemplate, locale: 'nl' }, fixedContext('s')));
  network.flush(seededRandom(1));
  return network.docs;
}

function expectConverged(docs: readonly Y.Doc[]): void {
  const [first, ...rest] = docs.map(snap);
  for (const other of rest) expect(other).toEqual(first);
}

describe('several peers', () => {
  it('converge after late, out-of-order and duplicated delivery', () => {
    const docs = startedNetwork(4);
    docs.forEach((doc, i) => {
      expectOk(
        addItem(
          doc,
          { kind: 'question', phaseId: 'open', text: `from ${i}` },
          fixedContext(`p${i}-`),
        ),
      );
    });
    const random = seededRandom(7);
    // Deliver about half, some twice, then the rest in a scrambled order.
    for (let i = 0; i < 6; i++) network.deliverOne(random(), i % 2 === 0);
    network.flush(random);
    expectConverged(docs);
    expect(
      snap(docs[2] as Y.Doc)
        .items.map((i) => i.text)
        .sort(),
    ).toEqual(['from 0', 'from 1', 'from 2', 'from 3']);
  });

  it('merges two people typing in one item character by character', () => {
    const [a, b] = startedNetwork(2) as [Y.Doc, Y.Doc];
    const id = expectOk(
      addItem(a, { kind: 'question', phaseId: 'open', text: 'Who helps whom?' }, fixedContext()),
    );
    network.flush();
    // Concurrently: a inserts at the start, b appends at the end.
    expectOk(editItemText(a, id, { index: 0, deleteCount: 0, insert: 'Really: ' }));
    expectOk(editItemText(b, id, { index: 14, deleteCount: 1, insert: ', and why?' }));
    network.flush(seededRandom(3));
    expect(itemText(a, id)?.toString()).toBe('Really: Who helps whom, and why?');
    expectConverged([a, b]);
  });

  it('lets a delete win over a concurrent edit, identically everywhere', () => {
    const [a, b, c] = startedNetwork(3) as [Y.Doc, Y.Doc, Y.Doc];
    const id = expectOk(
      addItem(a, { kind: 'insight', phaseId: 'explore', text: 'temp' }, fixedContext()),
    );
    network.flush();
    expectOk(deleteItem(b, id));
    expectOk(editItemText(c, id, { index: 4, deleteCount: 0, insert: 'orary' }));
    network.flush(seededRandom(5));
    expectConverged([a, b, c]);
    expect(snap(a).items).toEqual([]);
  });

  it('lets every peer follow the facilitator through the phases', () => {
    const docs = startedNetwork(5);
    expectOk(stepPhase(docs[0] as Y.Doc, 1));
    expectOk(stepPhase(docs[0] as Y.Doc, 1));
    network.flush(seededRandom(9));
    for (const doc of docs) expect(snap(doc).currentPhaseId).toBe('act');
  });

  it('merges edits made offline once the peer reconnects', () => {
    const [a, b] = startedNetwork(2) as [Y.Doc, Y.Doc];
    const id = expectOk(
      addItem(a, { kind: 'action', phaseId: 'act', text: 'Book the room' }, fixedContext('x')),
    );
    network.flush();
    // b goes offline: its updates stay in the inbox until it comes back.
    expectOk(updateAction(b, id, { owner: 'Noor', due: '2026-12-10' }));
    expectOk(
      addItem(b, { kind: 'insight', phaseId: 'act', text: 'Offline thought' }, fixedContext('y')),
    );
    expectOk(
      addItem(a, { kind: 'insight', phaseId: 'act', text: 'Online thought' }, fixedContext('z')),
    );
    network.syncFrom(1);
    network.syncFrom(0);
    network.flush();
    expectConverged([a, b]);
    expect(snap(a).items.map((i) => i.text)).toEqual([
      'Offline thought',
      'Online thought',
      'Book the room',
    ]);
    expect(snap(a).items[2]).toMatchObject({ owner: 'Noor', due: '2026-12-10' });
  });
});
