import type * as Y from 'yjs';
import { MAX_PHASE_MINUTES } from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { findPhase } from './phases';
import { metaOf } from './schema';
import type { PhaseTimer, SessionError } from './types';

/**
 * The phase timer everyone sees. Stored as one plain value in `meta.timer`:
 *   { phaseId, durationMs, remainingMs, startedAt }
 * Running while `startedAt` is an ISO time (it ends at startedAt + remainingMs); paused while
 * it is null. Each device counts down against its own clock, so a few seconds of clock skew
 * between devices shows as a few seconds' difference; good enough for a facilitation timer.
 */
const TIMER = 'timer';

export function startTimer(
  doc: Y.Doc,
  phaseId: string,
  minutes?: number,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'timer', context);
  if (refusal) return err(refusal);
  const phase = findPhase(doc, phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  const current = readTimer(doc);
  const resuming = current && current.phaseId === phaseId && minutes === undefined;
  let remainingMs: number;
  let durationMs: number;
  if (resuming) {
    ({ remainingMs, durationMs } = current);
  } else {
    const chosen = minutes ?? Number(phase.get('minutes'));
    if (!Number.isFinite(chosen) || chosen <= 0 || chosen > MAX_PHASE_MINUTES) {
      return err({ code: 'invalid-minutes', value: chosen });
    }
    durationMs = remainingMs = Math.round(chosen * 60_000);
  }
  const timer: PhaseTimer = {
    phaseId,
    durationMs,
    remainingMs,
    startedAt: context.now().toISOString(),
  };
  metaOf(doc).set(TIMER, timer);
  return ok(undefined);
}

export function pauseTimer(
  doc: Y.Doc,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'timer', context);
  if (refusal) return err(refusal);
  const timer = readTimer(doc);
  if (!timer || timer.startedAt === null) return ok(undefined);
  const remainingMs = timerRemainingMs(timer, context.now());
  metaOf(doc).set(TIMER, { ...timer, remainingMs, startedAt: null } satisfies PhaseTimer);
  return ok(undefined);
}

export function clearTimer(
  doc: Y.Doc,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'timer', context);
  if (refusal) return err(refusal);
  metaOf(doc).delete(TIMER);
  return ok(undefined);
}

/** Milliseconds left at `now` (0 when time is up). */
export function timerRemainingMs(timer: PhaseTimer, now: Date): number {
  if (timer.startedAt === null) return timer.remainingMs;
  const elapsed = now.getTime() - Date.parse(timer.startedAt);
  return Math.max(0, timer.remainingMs - Math.max(0, elapsed));
}

/** The stored timer, checked field by field (another peer may have written anything). */
export function readTimer(doc: Y.Doc): PhaseTimer | null {
  const value = metaOf(doc).get(TIMER);
  if (typeof value !== 'object' || value === null) return null;
  const { phaseId, durationMs, remainingMs, startedAt } = value as Record<string, unknown>;
  if (typeof phaseId !== 'string' || !isDuration(durationMs) || !isDuration(remainingMs))
    return null;
  if (startedAt !== null && (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))))
    return null;
  return { phaseId, durationMs, remainingMs, startedAt };
}

function isDuration(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_PHASE_MINUTES * 60_000
  );
}
