import type { ReadonlySignal, Signal } from '@preact/signals';
import type * as Y from 'yjs';
import { err } from '../result';
import {
  addPhase,
  movePhase,
  type PhaseChanges,
  removePhase,
  type SessionContext,
  updatePhase,
} from '../session';
import type { PhaseView } from './phase-view';

/** What the facilitator's phase editing needs from the session model. */
export interface PhaseEditingNeeds {
  readonly doc: Y.Doc;
  /** The phase on screen, which the edits apply to. */
  readonly phaseView: ReadonlySignal<PhaseView | null>;
  readonly viewedPhaseId: Signal<string | null>;
  readonly context: SessionContext;
}

/** Facilitator: changing the session's phases, always starting from the one on screen. */
export function phaseEditing({ doc, phaseView, viewedPhaseId, context }: PhaseEditingNeeds) {
  return {
    /** Facilitator: edit the phase on screen live. */
    updatePhase(changes: PhaseChanges) {
      const phase = phaseView.peek()?.phase;
      if (!phase) return err({ code: 'phase-not-found', phaseId: '' } as const);
      return updatePhase(doc, phase.id, changes, context);
    },
    /** Facilitator: a new, empty phase after the one on screen, which is then shown. */
    addPhaseAfter(title: string) {
      const phase = phaseView.peek()?.phase;
      const result = addPhase(doc, { title }, phase?.id, context);
      if (result.ok) viewedPhaseId.value = result.value;
      return result;
    },
    removePhase() {
      const phase = phaseView.peek()?.phase;
      if (!phase) return err({ code: 'phase-not-found', phaseId: '' } as const);
      return removePhase(doc, phase.id, context);
    },
    /** Moves the phase on screen one place earlier (-1) or later (+1). */
    movePhase(delta: -1 | 1) {
      const view = phaseView.peek();
      if (!view) return err({ code: 'phase-not-found', phaseId: '' } as const);
      return movePhase(doc, view.phase.id, view.index + delta, context);
    },
  };
}
