import { describe, expect, it } from 'vitest';
import { MAX_PHASES } from '../../lib/limits';
import {
  addItem,
  addPhase,
  endSession,
  goToPhase,
  movePhase,
  removePhase,
  reopenSession,
  setTitle,
  stepPhase,
  updatePhase,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';

describe('moving through phases', () => {
  it('steps forward and back and refuses past either end', () => {
    const doc = newSessionDoc();
    expect(stepPhase(doc, -1)).toEqual({ ok: false, error: { code: 'last-phase' } });
    expectOk(stepPhase(doc, 1));
    expect(snap(doc).currentPhaseId).toBe('explore');
    expectOk(stepPhase(doc, 1));
    expect(stepPhase(doc, 1)).toEqual({ ok: false, error: { code: 'last-phase' } });
    expect(snap(doc).currentPhaseId).toBe('act');
    expectOk(stepPhase(doc, -1));
    expect(snap(doc).currentPhaseId).toBe('explore');
  });

  it('jumps to a phase by id and refuses an unknown one', () => {
    const doc = newSessionDoc();
    expectOk(goToPhase(doc, 'act'));
    expect(snap(doc).currentPhaseId).toBe('act');
    expect(goToPhase(doc, 'nope')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
  });
});

describe('editing phases live', () => {
  it('updates title, prompt, notes, minutes and kinds (kept in canonical order)', () => {
    const doc = newSessionDoc();
    expectOk(
      updatePhase(doc, 'open', {
        title: ' Check-in ',
        prompt: 'How do you arrive?',
        notes: 'Short',
        minutes: 8,
        kinds: ['action', 'question', 'action'],
      }),
    );
    expect(snap(doc).phases[0]).toEqual({
      id: 'open',
      title: 'Check-in',
      prompt: 'How do you arrive?',
      kinds: ['question', 'action'],
      minutes: 8,
      notes: 'Short',
      privateWriting: false,
      review: false,
      revealedAt: null,
      themes: 'off',
      voting: {
        status: 'none',
        kinds: ['question', 'action'],
        budget: 3,
        maxPerItem: 3,
        showLive: false,
      },
    });
  });

  it.each([
    [{ title: '  ' }, { code: 'text-empty', field: 'phase-title' }],
    [
      { title: 't'.repeat(201) },
      { code: 'text-too-long', field: 'phase-title', length: 201, limit: 200 },
    ],
    [
      { prompt: 'p'.repeat(4001) },
      { code: 'text-too-long', field: 'phase-prompt', length: 4001, limit: 4000 },
    ],
    [{ minutes: -1 }, { code: 'invalid-minutes', value: -1 }],
    [{ minutes: 2.5 }, { code: 'invalid-minutes', value: 2.5 }],
  ] as const)('refuses %j', (changes, error) => {
    const doc = newSessionDoc();
    expect(updatePhase(doc, 'open', changes)).toEqual({ ok: false, error });
    expect(snap(doc).phases[0]?.title).toBe('Opening');
  });

  it('adds a phase after another or at the end', () => {
    const doc = newSessionDoc();
    const context = fixedContext('ph');
    expectOk(addPhase(doc, { title: 'Pause' }, 'open', context));
    expectOk(
      addPhase(doc, { title: 'Closing round', kinds: ['insight'], minutes: 5 }, undefined, context),
    );
    const phases = snap(doc).phases;
    expect(phases.map((p) => p.title)).toEqual([
      'Opening',
      'Pause',
      'Explore',
      'Act',
      'Closing round',
    ]);
    expect(phases[1]).toMatchObject({ id: 'ph0000', kinds: ['question', 'insight'], minutes: 10 });
    expect(addPhase(doc, { title: 'x' }, 'nope')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
  });

  it(`refuses phase number ${MAX_PHASES + 1}`, () => {
    const doc = newSessionDoc();
    for (let i = 3; i < MAX_PHASES; i++) expectOk(addPhase(doc, { title: `P${i}` }));
    expect(addPhase(doc, { title: 'one more' })).toEqual({
      ok: false,
      error: { code: 'too-many-phases', limit: MAX_PHASES },
    });
  });

  it('removes an empty phase, moving the group on if it was current', () => {
    const doc = newSessionDoc();
    expectOk(goToPhase(doc, 'explore'));
    expectOk(removePhase(doc, 'explore'));
    const session = snap(doc);
    expect(session.phases.map((p) => p.id)).toEqual(['open', 'act']);
    expect(session.currentPhaseId).toBe('act');
  });

  it('refuses to remove a phase with items, or the last phase', () => {
    const doc = newSessionDoc();
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'keep me' }));
    expect(removePhase(doc, 'open')).toEqual({
      ok: false,
      error: { code: 'phase-has-items', phaseId: 'open', count: 1 },
    });
    expectOk(removePhase(doc, 'explore'));
    expectOk(removePhase(doc, 'act'));
    expect(removePhase(doc, 'open')).toEqual({ ok: false, error: { code: 'last-phase' } });
  });

  it('moves a phase, keeping its fields and its items', () => {
    const doc = newSessionDoc();
    expectOk(addItem(doc, { kind: 'action', phaseId: 'act', text: 'Do it' }));
    expectOk(movePhase(doc, 'act', 0));
    const session = snap(doc);
    expect(session.phases.map((p) => p.id)).toEqual(['act', 'open', 'explore']);
    expect(session.phases[0]).toMatchObject({
      title: 'Act',
      kinds: ['insight', 'action'],
      minutes: 10,
    });
    expect(session.items[0]?.phaseId).toBe('act');
    expectOk(movePhase(doc, 'act', 99));
    expect(snap(doc).phases.map((p) => p.id)).toEqual(['open', 'explore', 'act']);
  });
});

describe('session lifecycle', () => {
  it('ends with a time, refuses phase navigation after the end, and reopens', () => {
    const doc = newSessionDoc();
    expectOk(endSession(doc, fixedContext('e', Date.UTC(2026, 10, 25, 11, 30))));
    expect(snap(doc)).toMatchObject({ status: 'ended', endedAt: '2026-11-25T11:30:00.000Z' });
    // Issue 11, item 8: an ended session accepts no phase writes.
    const ended = { ok: false, error: { code: 'session-ended' } };
    expect(stepPhase(doc, 1)).toEqual(ended);
    expect(goToPhase(doc, 'act')).toEqual(ended);
    expect(snap(doc).currentPhaseId).toBe('open');
    expectOk(reopenSession(doc));
    expect(snap(doc)).toMatchObject({ status: 'running', endedAt: null });
    expectOk(stepPhase(doc, 1));
    expect(snap(doc).currentPhaseId).toBe('explore');
  });

  it('renames the session and refuses an empty title', () => {
    const doc = newSessionDoc();
    expectOk(setTitle(doc, ' Wijkteam Zuid '));
    expect(snap(doc).title).toBe('Wijkteam Zuid');
    expect(setTitle(doc, ' ')).toEqual({
      ok: false,
      error: { code: 'text-empty', field: 'title' },
    });
  });
});
