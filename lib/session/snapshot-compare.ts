import type { MetaPart } from './snapshot-parts';
import type { PhaseSnapshot, SessionSnapshot, ThemeSnapshot } from './types';

/**
 * Equality of snapshot parts, so the reader (snapshot.ts) can keep an unchanged part by
 * identity and memoised views skip it.
 */

export function sameList<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  return a.length === b.length && a.every((value, index) => same(value, b[index] as T));
}

export function samePhase(a: PhaseSnapshot, b: PhaseSnapshot): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.prompt === b.prompt &&
    a.minutes === b.minutes &&
    a.notes === b.notes &&
    a.privateWriting === b.privateWriting &&
    a.review === b.review &&
    a.revealedAt === b.revealedAt &&
    a.themes === b.themes &&
    sameList(a.kinds, b.kinds, Object.is) &&
    a.voting.status === b.voting.status &&
    a.voting.budget === b.voting.budget &&
    a.voting.maxPerItem === b.voting.maxPerItem &&
    a.voting.showLive === b.voting.showLive &&
    sameList(a.voting.kinds, b.voting.kinds, Object.is)
  );
}

export function sameTheme(a: ThemeSnapshot, b: ThemeSnapshot): boolean {
  return (
    a.id === b.id && a.phaseId === b.phaseId && a.name === b.name && a.createdAt === b.createdAt
  );
}

export function sameTimer(a: MetaPart['timer'], b: MetaPart['timer']): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.phaseId === b.phaseId &&
    a.durationMs === b.durationMs &&
    a.remainingMs === b.remainingMs &&
    a.startedAt === b.startedAt
  );
}

export function sameContinuesFrom(
  a: MetaPart['continuesFrom'],
  b: MetaPart['continuesFrom'],
): boolean {
  if (a === null || b === null) return a === b;
  return a.title === b.title && a.createdAt === b.createdAt && a.templateName === b.templateName;
}

/**
 * The meta part as read again, with its object-valued fields (timer, continuesFrom) taken from
 * `previous` when equal, so an unrelated change of meta keeps the snapshot the same.
 */
export function keepEqualMeta(previous: MetaPart | null, next: MetaPart): MetaPart {
  if (!previous) return next;
  const timer = sameTimer(previous.timer, next.timer) ? previous.timer : next.timer;
  const continuesFrom = sameContinuesFrom(previous.continuesFrom, next.continuesFrom)
    ? previous.continuesFrom
    : next.continuesFrom;
  return { ...next, timer, continuesFrom };
}

/** Shallow: the parts are shared by identity when unchanged, so this is cheap. */
export function sameSnapshotParts(a: SessionSnapshot, b: SessionSnapshot): boolean {
  const keys = Object.keys(b) as (keyof SessionSnapshot)[];
  return keys.every((key) =>
    key === 'template' || key === 'readOnly'
      ? JSON.stringify(a[key]) === JSON.stringify(b[key])
      : Object.is(a[key], b[key]),
  );
}
