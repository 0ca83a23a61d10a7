import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phaseViewOf } from '../../lib/app/phase-view';
import { phaseViewCache, sameItemIds } from '../../lib/app/phase-view-cache';
import { createSnapshotReader, type SessionSnapshot } from '../../lib/session';
import { newSessionDoc } from '../helpers/session';
import { applySessionOperation, sessionOperations } from '../helpers/session-operations';

/**
 * The phase view the screens render is patched, not rebuilt, when only item contents change
 * (phase-view-cache.ts). Whatever happens to the session, it must equal a fresh phaseViewOf.
 */
describe('the cached phase view', () => {
  it('equals a freshly built view after every operation, for every phase', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...sessionOperations(1)), { maxLength: 60 }), (ops) => {
        const doc = newSessionDoc();
        const reader = createSnapshotReader(doc);
        const caches = new Map<string, ReturnType<typeof phaseViewCache>>();
        const counter = { n: 0 };
        const check = (session: SessionSnapshot) => {
          for (const phase of session.phases) {
            const cache = caches.get(phase.id) ?? phaseViewCache();
            caches.set(phase.id, cache);
            expect(cache(session, phase.id)).toEqual(phaseViewOf(session, phase.id));
          }
        };
        for (const op of ops) {
          applySessionOperation(doc, op, counter);
          const read = reader.read();
          if (read.ok) check(read.value);
        }
        reader.destroy();
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the same view when nothing it shows changed, and patches only the edited item', () => {
    const doc = newSessionDoc();
    const reader = createSnapshotReader(doc);
    const counter = { n: 0 };
    for (let i = 0; i < 3; i++) {
      applySessionOperation(
        doc,
        { type: 'add', peer: 0, phase: 1, kind: 1, text: `idea ${i}` },
        counter,
      );
    }
    const first = reader.read();
    if (!first.ok) throw new Error('no session');
    const cache = phaseViewCache();
    const phaseId = first.value.phases[1]?.id ?? '';
    const before = cache(first.value, phaseId);
    expect(cache(first.value, phaseId)).toBe(before);
    applySessionOperation(
      doc,
      { type: 'edit', peer: 0, item: 0, index: 0, deleteCount: 0, insert: 'x' },
      counter,
    );
    const second = reader.read();
    if (!second.ok) throw new Error('no session');
    expect(sameItemIds(first.value, second.value)).toBe(true);
    const after = cache(second.value, phaseId);
    expect(after).toEqual(phaseViewOf(second.value, phaseId));
    expect(after?.phase).toBe(before?.phase);
    reader.destroy();
  });
});
