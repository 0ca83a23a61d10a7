import { computed, type ReadonlySignal } from '@preact/signals';
import { type Capability, capabilities, type Role, type SessionSnapshot } from '../session';
import type { PhaseView } from './phase-view';

/**
 * What a person in `role` may do now, in the phase on screen, as a signal for the components
 * (lib/session/capabilities.ts decides; the core's write guard enforces the same answer).
 */
export function capabilitiesSignal(
  role: Role,
  snapshot: ReadonlySignal<SessionSnapshot | null>,
  phaseView: ReadonlySignal<PhaseView | null>,
): ReadonlySignal<ReadonlySet<Capability>> {
  let last: ReadonlySet<Capability> = new Set();
  return computed(() => {
    const session = snapshot.value;
    const next: ReadonlySet<Capability> = session
      ? capabilities({
          role,
          status: session.status,
          readOnly: session.readOnly !== null,
          themes: phaseView.value?.phase.themes ?? 'off',
        })
      : new Set();
    // The same set while nothing changed, so rows reading it do not re-render per keystroke.
    const same = next.size === last.size && [...next].every((c) => last.has(c));
    if (!same) last = next;
    return last;
  });
}
