import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import * as Y from 'yjs';
import { type HarvestFile, harvestFile } from '../export/harvest';
import { err, type Result } from '../result';
import type { Transport, TransportStatus } from '../room/transport';
import {
  type Capability,
  clearTimer,
  createSnapshotReader,
  defaultContext,
  deleteItem,
  endSession,
  type ItemKind,
  markReadable,
  pauseTimer,
  type Role,
  reopenSession,
  type SessionContext,
  type SessionError,
  startTimer,
  stepPhase,
  updateAction,
  wasReadable,
  withRole,
} from '../session';
import { type ArrivalCounts, watchArrivals } from './arrivals';
import { capabilitiesSignal } from './capabilities-signal';
import { facilitationMoves } from './facilitation-moves';
import type { ItemTextModel } from './item-text';
import { createItemTextModels } from './item-text-models';
import { phaseEditing } from './phase-editing';
import type { PhaseView } from './phase-view';
import { phaseViewCache, sameItemIds } from './phase-view-cache';
import { announce, type Presence, readPresence, watchPresence } from './presence';
import { preferRelayForLargeGroup } from './relay-preference';
import { seriesMoves } from './series-moves';
import { readSessionState, type SessionState } from './session-state';

export type { Role } from '../session';

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
  /**
   * What of this session stays on this device: drafts, own items, voter key
   * (lib/session/device-state.ts). Persisted apart, never given to the transport.
   */
  readonly device: Y.Doc;
  /** Clock and ids; the role is added here. */
  readonly context?: SessionContext;
}

/**
 * The view-model of one open session: signals computed from the Y.Doc and awareness, and the
 * actions a person can take. Components render these and call the actions; they never touch
 * the document (DESIGN.md, "Components render signals").
 */
export function createSessionModel(options: SessionModelOptions) {
  const { doc, transport, role } = options;
  const context = withRole(options.context ?? defaultContext, role);
  // A device that could read the session before keeps reading it when a peer claims a newer
  // schema (lib/session/schema.ts, "Versions").
  const reader = createSnapshotReader(doc, { allowNewer: () => wasReadable(options.device) });
  const state = signal<SessionState>(readSessionState(reader));
  const noteReadable = (next: SessionState) => {
    if (next.kind === 'ready' && next.snapshot.readOnly === null) markReadable(options.device);
  };
  noteReadable(state.peek());
  const status = signal<TransportStatus>(transport.status());
  const presence = signal<Presence>(readPresence(transport.awareness));
  /** The phase this person looks at; null follows the group. */
  const viewedPhaseId = signal<string | null>(null);
  const notice = signal<SessionNotice | null>(null);
  const lastError = signal<SessionError | null>(null);
  const arrivals = signal<ArrivalsNotice | null>(null);

  const snapshot = computed(() => (state.value.kind === 'ready' ? state.value.snapshot : null));
  const arrivalsWatcher = watchArrivals({
    isMine: (id) => moves.mine.peek().has(id),
    onArrivals: (counts) => {
      arrivals.value = { counts, at: Date.now() };
    },
  });
  arrivalsWatcher.update(snapshot.peek());
  const stopRelayPreference = preferRelayForLargeGroup(snapshot, transport);

  const onUpdate = () => {
    const previous = snapshot.peek();
    const next = readSessionState(reader);
    noteReadable(next);
    // Only when items came or went: both walk every item, and most updates are keystrokes.
    if (next.kind !== 'ready' || !previous || !sameItemIds(previous, next.snapshot)) {
      if (next.kind === 'ready') texts.forgetDeleted(next.snapshot);
      arrivalsWatcher.update(next.kind === 'ready' ? next.snapshot : null);
    }
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

  const viewOfPhase = phaseViewCache();
  const phaseView = computed((): PhaseView | null => {
    const session = snapshot.value;
    if (!session) return null;
    return viewOfPhase(session, viewedPhaseId.value ?? session.currentPhaseId);
  });
  /** The phase the group is in, whatever this person looks at: what the room view shows. */
  const viewOfGroupPhase = phaseViewCache();
  const groupPhaseView = computed((): PhaseView | null => {
    const session = snapshot.value;
    return session ? viewOfGroupPhase(session, session.currentPhaseId) : null;
  });

  let movingPhase = false;
  function movePhaseLocally(direction: 1 | -1) {
    viewedPhaseId.value = null;
    movingPhase = true;
    try {
      return report(stepPhase(doc, direction, context));
    } finally {
      movingPhase = false;
    }
  }

  const undo = new Y.UndoManager(doc.getMap('items'), { trackedOrigins: new Set([UNDOABLE]) });
  const texts = createItemTextModels(doc, context);
  const editing = phaseEditing({ doc, phaseView, viewedPhaseId, context });

  /**
   * Records a refusal for the session screen to show, and passes the result on. Only for
   * actions whose control has no error display of its own (a form shows its own errors).
   */
  function report<T>(result: Result<T, SessionError>): Result<T, SessionError> {
    lastError.value = result.ok ? null : result.error;
    return result;
  }

  const moves = facilitationMoves({
    doc,
    device: options.device,
    context,
    snapshot,
    phaseView,
    report,
  });
  announce(transport.awareness, { v: 1, role, name: options.displayName, drafts: 0 });
  const stopDraftCount = moves.waitingDrafts.subscribe((count) => {
    transport.awareness.setLocalStateField('drafts', count);
  });

  /** What this person may do now, in the phase on screen (capabilities.ts). */
  const allowed = capabilitiesSignal(role, snapshot, phaseView);

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
    mine: moves.mine,
    capabilities: allowed,
    can: (capability: Capability) => allowed.peek().has(capability),
    drafts: moves.drafts,
    sharedDrafts: moves.sharedDrafts,
    myVotes: moves.myVotes,
    lastError: lastError as ReadonlySignal<SessionError | null>,

    /** Adds a contribution to the phase on screen: a private draft while it is for writing alone. */
    addItem(kind: ItemKind, text: string, action?: { owner: string; due: string }) {
      return moves.addContribution(kind, text, action);
    },
    editDraft: moves.editDraft,
    deleteDraft: moves.deleteDraft,
    shareDraft: moves.shareDraft,
    reveal: moves.reveal,
    startVoting: moves.startVoting,
    closeVoting: moves.closeVoting,
    setShowLive: moves.setShowLive,
    addVote: moves.addVote,
    removeVote: moves.removeVote,
    addTheme: moves.addTheme,
    deleteTheme: moves.deleteTheme,
    themeName: moves.themeName,
    setItemTheme: moves.setItemTheme,
    ...seriesMoves({ doc, context, report }),
    deleteItem(itemId: string) {
      undo.stopCapturing();
      const result = report(deleteItem(doc, itemId, UNDOABLE, context));
      if (result.ok) notice.value = { kind: 'item-deleted', at: Date.now() };
      return result;
    },
    updateAction(itemId: string, fields: { owner?: string; due?: string }) {
      return report(updateAction(doc, itemId, fields, context));
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
      return report(startTimer(doc, phase.id, minutes, context));
    },
    pauseTimer: () => report(pauseTimer(doc, context)),
    updatePhase: editing.updatePhase,
    addPhaseAfter: editing.addPhaseAfter,
    removePhase: editing.removePhase,
    movePhase: editing.movePhase,
    clearTimer: () => report(clearTimer(doc, context)),
    endSession: () => report(endSession(doc, context)),
    reopenSession: () => report(reopenSession(doc, context)),
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
      reader.destroy();
      moves.destroy();
      stopDraftCount();
      arrivalsWatcher.destroy();
      stopStatus();
      stopPresence();
      stopRelayPreference();
      undo.destroy();
      texts.destroy();
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;

/** Marks deletions made here, so Undo reverts only our own. */
const UNDOABLE = Symbol('kring-undoable');
