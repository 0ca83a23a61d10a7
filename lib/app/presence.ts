import type { Awareness } from 'y-protocols/awareness';
import { MAX_DISPLAY_NAME_LENGTH } from '../limits';

/**
 * What a peer tells the others about itself, in awareness only (never in the document).
 * Versioned and checked on read: another peer may send anything.
 */
export interface PresenceState {
  readonly v: 1;
  readonly role: 'facilitator' | 'participant';
  /** '' for someone who gave no name. */
  readonly name: string;
}

export interface Presence {
  /** Everyone in the session right now, this device included. */
  readonly count: number;
  /** The names people gave, sorted, without this device's own. */
  readonly names: readonly string[];
  /** People present who gave no name, this device excluded. */
  readonly anonymous: number;
}

export function announce(awareness: Awareness, state: PresenceState): void {
  awareness.setLocalState({ ...state, name: state.name.trim().slice(0, MAX_DISPLAY_NAME_LENGTH) });
}

function readState(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, role, name } = value as Record<string, unknown>;
  if (v !== 1 || (role !== 'facilitator' && role !== 'participant')) return null;
  return { v, role, name: typeof name === 'string' ? name.slice(0, MAX_DISPLAY_NAME_LENGTH) : '' };
}

export function readPresence(awareness: Awareness): Presence {
  const names: string[] = [];
  let count = 0;
  let anonymous = 0;
  for (const [clientId, value] of awareness.getStates()) {
    const state = readState(value);
    if (!state) continue;
    count++;
    if (clientId === awareness.clientID) continue;
    if (state.name.trim() === '') anonymous++;
    else names.push(state.name.trim());
  }
  names.sort((a, b) => a.localeCompare(b));
  return { count: Math.max(count, 1), names, anonymous };
}

/** Calls `listener` whenever someone arrives, leaves or renames; returns the unsubscribe. */
export function watchPresence(
  awareness: Awareness,
  listener: (presence: Presence) => void,
): () => void {
  const onChange = () => listener(readPresence(awareness));
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}
