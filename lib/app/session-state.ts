import type * as Y from 'yjs';
import { type SessionError, type SessionSnapshot, snapshotSession } from '../session';

/** Where the session is in its life on this device. */
export type SessionState =
  /** Joined, but no peer has sent the session yet. */
  | { readonly kind: 'waiting' }
  | { readonly kind: 'ready'; readonly snapshot: SessionSnapshot }
  /** The document cannot be read (e.g. made by a newer Kring). */
  | { readonly kind: 'unreadable'; readonly error: SessionError };

export function readSessionState(doc: Y.Doc): SessionState {
  const result = snapshotSession(doc);
  if (result.ok) return { kind: 'ready', snapshot: result.value };
  return result.error.code === 'not-a-session'
    ? { kind: 'waiting' }
    : { kind: 'unreadable', error: result.error };
}

/**
 * Most updates are one keystroke in one item. Reusing the previous snapshot's phases and timer
 * when they are unchanged lets the phase panel see that nothing it shows has changed, and skip
 * rendering.
 */
export function shareUnchanged(previous: SessionSnapshot | null, next: SessionState): SessionState {
  if (!previous || next.kind !== 'ready') return next;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const phases = same(previous.phases, next.snapshot.phases)
    ? previous.phases
    : next.snapshot.phases;
  const timer = same(previous.timer, next.snapshot.timer) ? previous.timer : next.snapshot.timer;
  return { kind: 'ready', snapshot: { ...next.snapshot, phases, timer } };
}
