import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import * as Y from 'yjs';
import { type HarvestFile, harvestFile } from '../export/harvest';
import { err, type Result } from '../result';
import type { Transport, TransportStatus } from '../room/transport';
import {
  addItem,
  clearTimer,
  deleteItem,
  endSession,
  type ItemKind,
  pauseTimer,
  reopenSession,
  type SessionError,
  startTimer,
  stepPhase,
  updateAction,
} from '../session';
import { type ArrivalCounts, watchArrivals } from './arrivals';
import type { ItemTextModel } from './item-text';
import { createItemTextModels } from './item-text-models';
import { phaseEditing } from './phase-editing';
import { type PhaseView, phaseViewOf } from './phase-view';
import { announce, type Presence, readPresence, watchPresence } from './presence';
import { readSessionState, type SessionState, shareUnchanged } from './session-state';

export type Role = 'facilitator' | 'participant';

export type { PhaseView } from './phase-view';
export type { SessionState } from './session-state';

/** Something worth telling a screen-reader user politely (components translate it). */
export type SessionNotice =
  | { readonly kind: 'phase-changed'; readonly title: string; readonly at: number }
  | { readonly kind: 'item-deleted'; readonly at: number };

/** Contributions others added, told together (lib/app/arrivals.ts). */
export interface ArrivalsNotice {
  readonly counts: ArrivalCounts;
  readonly at: number;
}

export interface SessionModelOptions {
  readonly doc: Y.Doc;
  readonly transport: Transport;
  readonly role: Role;
  readonly displayName: string;
  /** Item ids this device wrote earlier (remembered locally, never in the document). */
  readonly mine?: readonly string[];
  readonly onMineChange?: (ids: readonly string[]) => void;
}

/**
 * The view-model of one open session: signals computed from the Y.Doc and awareness, and the
 * actions a person can take. Components render these and call the actions; they never touch
 * the document (DESIGN.md, "Components render signals").
 */
export function createSessionModel(options: SessionModelOptions) {
  const { doc, transport, role } = options;
  const state = signal<SessionState>(readSessionState(doc));
  const status = signal<TransportStatus>(transport.status());
  const presence = signal<Presence>(readPresence(transport.awareness));
  /** The phase this person looks at; null follows the group. */
  const viewedPhaseId = signal<string | null>(null);
  const notice = signal<SessionNotice | null>(null);
  const mine = signal<ReadonlySet<string>>(new Set(options.mine ?? []));
  const lastError = signal<SessionError | null>(null);
  const arrivals = signal<ArrivalsNotice | null>(null);

  const snapshot = computed(() => (state.value.kind === 'ready' ? state.value.snapshot : null));
  const arrivalsWatcher = watchArrivals({
    isMine: (id) => mine.peek().has(id),
    onArrivals: (counts) => {
      arrivals.value = { counts, at: Date.now() };
    },
  });
  arrivalsWatcher.update(snapshot.peek());

  const onUpdate = () => {
    const previous = snapshot.peek();
    const next = shareUnchanged(previous, readSessionState(doc));
    if (next.kind === 'ready') texts.forgetDeleted(next.snapshot);
    arrivalsWatcher.update(next.kind === 'ready' ? next.snapshot : null);
    batch(() => {
      state.value = next;
      if (next.kind !== 'ready' || !previous) return;
      const moved = next.snapshot.currentPhaseId !== previous.currentPhaseId;
      // Announce only moves made elsewhere: whoever pressed the button already knows.
      if (moved && !movingPhase) {
        const title = next.snapshot.phases.find(
          (p) => p.id === next.snapshot.currentPhaseId,
        )?.title;
        notice.value = { kind: 'phase-changed', title: title ?? '', at: Date.now() };
      }
      // A phase looked back at may have been removed by the facilitator.
      const viewed = viewedPhaseId.peek();
      if (viewed !== null && !next.snapshot.phases.some((p) => p.id === viewed)) {
        viewedPhaseId.value = null;
      }
    });
  };
  doc.on('update', onUpdate);
  const stopStatus = transport.onStatus((next) => {
    status.value = next;
  });
  const stopPresence = watchPresence(transport.awareness, (next) => {
    presence.value = next;
  });
  announce(transport.awareness, { v: 1, role, name: options.displayName });

  const phaseView = computed((): PhaseView | null => {
    const session = snapshot.value;
    if (!session) return null;
    return phaseViewOf(session, viewedPhaseId.value ?? session.currentPhaseId);
  });
  /** The phase the group is in, whatever this person looks at: what the room view shows. */
  const groupPhaseView = computed((): PhaseView | null => {
    const session = snapshot.value;
    return session ? phaseViewOf(session, session.currentPhaseId) : null;
  });

  let movingPhase = false;
  function movePhaseLocally(direction: 1 | -1) {
    viewedPhaseId.value = null;
    movingPhase = true;
    try {
      return report(stepPhase(doc, direction));
    } finally {
      movingPhase = false;
    }
  }

  const undo = new Y.UndoManager(doc.getMap('items'), { trackedOrigins: new Set([UNDOABLE]) });
  const texts = createItemTextModels(doc);
  const editing = phaseEditing({ doc, phaseView, viewedPhaseId });

  /**
   * Records a refusal for the session screen to show, and passes the result on. Only for
   * actions whose control has no error display of its own (a form shows its own errors).
   */
  function report<T>(result: Result<T, SessionError>): Result<T, SessionError> {
    lastError.value = result.ok ? null : result.error;
    return result;
  }

  function rememberMine(id: string): void {
    const next = new Set(mine.peek()).add(id);
    mine.value = next;
    options.onMineChange?.([...next]);
  }

  return {
    role,
    state: state as ReadonlySignal<SessionState>,
    snapshot,
    status: status as ReadonlySignal<TransportStatus>,
    presence: presence as ReadonlySignal<Presence>,
    phaseView,
    groupPhaseView,
    viewedPhaseId: viewedPhaseId as ReadonlySignal<string | null>,
    notice: notice as ReadonlySignal<SessionNotice | null>,
    /** The latest "N new insights" for the polite live region; null before any. */
    arrivals: arrivals as ReadonlySignal<ArrivalsNotice | null>,
    mine: mine as ReadonlySignal<ReadonlySet<string>>,
    lastError: lastError as ReadonlySignal<SessionError | null>,

    addItem(kind: ItemKind, text: string, action?: { owner: string; due: string }) {
      const phase = phaseView.peek()?.phase;
      if (!phase) return err({ code: 'phase-not-found', phaseId: '' } as const);
      const result = addItem(doc, { kind, phaseId: phase.id, text, ...action });
      if (result.ok) rememberMine(result.value);
      return result;
    },
    deleteItem(itemId: string) {
      undo.stopCapturing();
      const result = report(deleteItem(doc, itemId, UNDOABLE));
      if (result.ok) notice.value = { kind: 'item-deleted', at: Date.now() };
      return result;
    },
    updateAction(itemId: string, fields: { owner?: string; due?: string }) {
      return report(updateAction(doc, itemId, fields));
    },
    undoDelete() {
      undo.undo();
      notice.value = null;
    },
    /** The live text of one item for its editor; the same model for repeated calls. */
    itemText(itemId: string): ItemTextModel {
      return texts.get(itemId);
    },
    editItemText(itemId: string, next: string) {
      return texts.get(itemId).input(next);
    },
    nextPhase: () => movePhaseLocally(1),
    previousPhase: () => movePhaseLocally(-1),
    /** Look at a phase on this device only (participants looking back). */
    viewPhase(phaseId: string | null) {
      viewedPhaseId.value = phaseId === snapshot.peek()?.currentPhaseId ? null : phaseId;
    },
    /** Starts (or resumes) the timer of the phase on screen; minutes default to the phase's. */
    startTimer(minutes?: number) {
      const phase = phaseView.peek()?.phase;
      if (!phase) return report(err({ code: 'phase-not-found', phaseId: '' } as const));
      return report(startTimer(doc, phase.id, minutes));
    },
    pauseTimer: () => report(pauseTimer(doc)),
    updatePhase: editing.updatePhase,
    addPhaseAfter: editing.addPhaseAfter,
    removePhase: editing.removePhase,
    movePhase: editing.movePhase,
    clearTimer: () => report(clearTimer(doc)),
    endSession: () => report(endSession(doc)),
    reopenSession: () => report(reopenSession(doc)),
    dismissError() {
      lastError.value = null;
    },
    /** The harvest as Markdown with its file name; null while there is no session yet. */
    harvest(): HarvestFile | null {
      const session = snapshot.peek();
      if (!session) return null;
      return harvestFile(session, { participants: presence.peek().count });
    },
    retry: () => transport.retry(),
    connections: () => transport.connections(),
    destroy() {
      doc.off('update', onUpdate);
      arrivalsWatcher.destroy();
      stopStatus();
      stopPresence();
      undo.destroy();
      texts.destroy();
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;

/** Marks deletions made here, so Undo reverts only our own. */
const UNDOABLE = Symbol('kring-undoable');
