import type { SessionError, SessionSnapshot, SnapshotReader } from '../session';

/** Where the session is in its life on this device. */
export type SessionState =
  /** Joined, but no peer has sent the session yet. */
  | { readonly kind: 'waiting' }
  | { readonly kind: 'ready'; readonly snapshot: SessionSnapshot }
  /** The document cannot be read (e.g. made by a newer Kring). */
  | { readonly kind: 'unreadable'; readonly error: SessionError };

export function readSessionState(reader: SnapshotReader): SessionState {
  const result = reader.read();
  if (result.ok) return { kind: 'ready', snapshot: result.value };
  return result.error.code === 'not-a-session'
    ? { kind: 'waiting' }
    : { kind: 'unreadable', error: result.error };
}
