import type { Awareness } from 'y-protocols/awareness';
import { MAX_DISPLAY_NAME_LENGTH, MAX_DRAFTS_PER_SESSION } from '../limits';

/**
 * What a peer tells the others about itself, in awareness only (never in the document).
 * Versioned and checked on read: another peer may send anything.
 */
export interface PresenceState {
  readonly v: 1;
  readonly role: 'facilitator' | 'participant';
  /** '' for someone who gave no name. */
  readonly name: string;
  /**
   * How many private drafts this device holds (a count, never text): the facilitator sees how
   * far writing alone has got. Optional: older Kring does not send it.
   */
  readonly drafts?: number;
}

export interface Presence {
  /** Everyone in the session right now, this device included. */
  readonly count: number;
  /** The names people gave, sorted, without this device's own. */
  readonly names: readonly string[];
  /** People present who gave no name, this device excluded. */
  readonly anonymous: number;
  /** Private drafts everyone present holds, this device included. */
  readonly drafts: number;
}

export function announce(awareness: Awareness, state: PresenceState): void {
  awareness.setLocalState({ ...state, name: state.name.trim().slice(0, MAX_DISPLAY_NAME_LENGTH) });
}

function readState(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, role, name, drafts } = value as Record<string, unknown>;
  if (v !== 1 || (role !== 'facilitator' && role !== 'participant')) return null;
  return {
    v,
    role,
    name: typeof name === 'string' ? name.slice(0, MAX_DISPLAY_NAME_LENGTH) : '',
    // Anything odd counts as none: one peer must not make the count meaningless.
    drafts:
      Number.isInteger(drafts) && (drafts as number) >= 0
        ? Math.min(drafts as number, MAX_DRAFTS_PER_SESSION)
        : 0,
  };
}

export function readPresence(awareness: Awareness): Presence {
  const names: string[] = [];
  let count = 0;
  let anonymous = 0;
  let drafts = 0;
  for (const [clientId, value] of awareness.getStates()) {
    const state = readState(value);
    if (!state) continue;
    count++;
    drafts += state.drafts ?? 0;
    if (clientId === awareness.clientID) continue;
    if (state.name.trim() === '') anonymous++;
    else names.push(state.name.trim());
  }
  names.sort((a, b) => a.localeCompare(b));
  return { count: Math.max(count, 1), names, anonymous, drafts };
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
