import { describe, expect, it } from 'vitest';
import { clearTimer, pauseTimer, startTimer, timerRemainingMs } from '../../lib/session';
import { expectOk, newSessionDoc, snap } from '../helpers/session';

const at = (minute: number, second = 0) => ({
  now: () => new Date(Date.UTC(2026, 10, 25, 10, minute, second)),
  newId: () => 'unused',
});

describe('phase timer', () => {
  it('starts at the phase minutes and counts down by the clock', () => {
    const doc = newSessionDoc();
    expectOk(startTimer(doc, 'explore', undefined, at(0)));
    const timer = snap(doc).timer;
    expect(timer).toEqual({
      phaseId: 'explore',
      durationMs: 15 * 60_000,
      remainingMs: 15 * 60_000,
      startedAt: '2026-11-25T10:00:00.000Z',
    });
    if (!timer) return;
    expect(timerRemainingMs(timer, at(4, 30).now())).toBe(10.5 * 60_000);
    expect(timerRemainingMs(timer, at(20).now())).toBe(0);
    // A device whose clock is behind the facilitator's never shows more than was set.
    expect(timerRemainingMs(timer, new Date(Date.UTC(2026, 10, 25, 9, 59)))).toBe(15 * 60_000);
  });

  it('pauses, keeps the time left, and resumes from there', () => {
    const doc = newSessionDoc();
    expectOk(startTimer(doc, 'open', 5, at(0)));
    expectOk(pauseTimer(doc, at(2)));
    expect(snap(doc).timer).toMatchObject({
      remainingMs: 3 * 60_000,
      startedAt: null,
      durationMs: 5 * 60_000,
    });
    expect(timerRemainingMs(snap(doc).timer as never, at(30).now())).toBe(3 * 60_000);
    expectOk(startTimer(doc, 'open', undefined, at(10)));
    expect(timerRemainingMs(snap(doc).timer as never, at(11).now())).toBe(2 * 60_000);
  });

  it('starts afresh for another phase or a given number of minutes, and clears', () => {
    const doc = newSessionDoc();
    expectOk(startTimer(doc, 'open', 5, at(0)));
    expectOk(startTimer(doc, 'act', undefined, at(1)));
    expect(snap(doc).timer).toMatchObject({ phaseId: 'act', durationMs: 10 * 60_000 });
    expectOk(startTimer(doc, 'act', 1.5, at(2)));
    expect(snap(doc).timer).toMatchObject({ remainingMs: 90_000 });
    expectOk(clearTimer(doc));
    expect(snap(doc).timer).toBeNull();
  });

  it('refuses an unknown phase and impossible durations', () => {
    const doc = newSessionDoc();
    expect(startTimer(doc, 'nope')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
    expect(startTimer(doc, 'open', 0)).toEqual({
      ok: false,
      error: { code: 'invalid-minutes', value: 0 },
    });
    expect(startTimer(doc, 'open', 601)).toEqual({
      ok: false,
      error: { code: 'invalid-minutes', value: 601 },
    });
    expect(snap(doc).timer).toBeNull();
  });

  it('ignores a malformed timer written by another peer', () => {
    const doc = newSessionDoc();
    doc
      .getMap('meta')
      .set('timer', { phaseId: 'open', durationMs: -5, remainingMs: 'soon', startedAt: 3 });
    expect(snap(doc).timer).toBeNull();
  });
});
