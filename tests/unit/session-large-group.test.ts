import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, MIN_READER_VERSION } from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';
import { seededRandom, TestNetwork } from '../helpers/test-network';
import { testTemplate } from '../helpers/test-template';

/** Issue 10: "Large group" at the start puts every device on the relay (meta.largeGroup). */

function started(largeGroup?: boolean): Y.Doc {
  const doc = new Y.Doc();
  expectOk(
    createSession(doc, { template: testTemplate, locale: 'nl', largeGroup }, fixedContext()),
  );
  return doc;
}

describe('a large group', () => {
  it('is written at the start when chosen, and read by the snapshot', () => {
    const doc = started(true);
    expect(doc.getMap('meta').get('largeGroup')).toBe(true);
    expect(snap(doc).largeGroup).toBe(true);
  });

  it('is not written at all for a small group, so older documents read the same', () => {
    for (const doc of [started(false), started(undefined), newSessionDoc()]) {
      expect(doc.getMap('meta').has('largeGroup')).toBe(false);
      expect(snap(doc).largeGroup).toBe(false);
    }
  });

  it('is additive: a large group still opens for the oldest Kring that reads sessions', () => {
    expect(started(true).getMap('meta').get('schemaVersion')).toBe(MIN_READER_VERSION);
    expect(snap(started(true)).schemaVersion).toBe(MIN_READER_VERSION);
  });

  it.each([['yes'], [1], [null], [{ on: true }], [[true]], [false]])(
    'reads a largeGroup of %j as a small group',
    (value) => {
      const doc = newSessionDoc();
      doc.getMap('meta').set('largeGroup', value);
      expect(snap(doc).largeGroup).toBe(false);
    },
  );
});

describe('two devices', () => {
  let network: TestNetwork;
  afterEach(() => network.destroy());

  it('a participant learns from the document that the group is large', () => {
    network = new TestNetwork(2);
    const [a, b] = network.docs as [Y.Doc, Y.Doc];
    expectOk(
      createSession(a, { template: testTemplate, locale: 'en', largeGroup: true }, fixedContext()),
    );
    network.flush(seededRandom(10));
    expect(snap(b).largeGroup).toBe(true);
    expect(snap(b)).toEqual(snap(a));
  });
});
