import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import {
  addDraft,
  addItem,
  addTheme,
  addVote,
  closeVoting,
  type DraftSnapshot,
  deleteDraft,
  deleteTheme,
  editDraft,
  type ItemKind,
  isRevealed,
  mineOf,
  readDrafts,
  rememberMine,
  removeVote,
  renameTheme,
  revealPhase,
  type SessionContext,
  type SessionError,
  type SessionSnapshot,
  setItemTheme,
  setShowLive,
  shareDrafts,
  startVoting,
  themeName,
  type VotingSettings,
  voterKeyOf,
  voterTally,
  writesDrafts,
} from '../session';
import { type ItemTextModel, liveTextModel } from './item-text';
import type { PhaseView } from './phase-view';

/** What the facilitation moves need from the session model. */
export interface MovesNeeds {
  readonly doc: Y.Doc;
  /** This device's own state of the session (lib/session/device-state.ts). */
  readonly device: Y.Doc;
  readonly context: SessionContext;
  readonly snapshot: ReadonlySignal<SessionSnapshot | null>;
  /** The phase on screen, which the moves apply to. */
  readonly phaseView: ReadonlySignal<PhaseView | null>;
  /** Records a refusal for the session screen (controls without an error display of their own). */
  readonly report: <T>(result: Result<T, SessionError>) => Result<T, SessionError>;
}

/** This device's dots in the phase on screen: what "Votes left" and each item's buttons show. */
export interface MyVotes {
  readonly used: number;
  readonly left: number;
  readonly budget: number;
  readonly byItem: ReadonlyMap<string, number>;
}

/** Drafts that went to the group because the facilitator revealed (told to the writer). */
export interface SharedDraftsNotice {
  readonly count: number;
  readonly at: number;
}

/**
 * Write alone first, dot voting and themes for one open session: the device-local state
 * (drafts, own items, voter key) and the actions on it. Drafts go to the shared document only
 * through `shareDrafts`: when the writer presses Share now, or when this device sees that the
 * facilitator revealed their phase, at once or as soon as it is back.
 */
export function facilitationMoves(needs: MovesNeeds) {
  const { doc, device, context, snapshot, phaseView, report } = needs;
  const voterKey = voterKeyOf(device);
  const allDrafts = signal<readonly DraftSnapshot[]>(readDrafts(device));
  const mine = signal<ReadonlySet<string>>(mineOf(device));
  const sharedDrafts = signal<SharedDraftsNotice | null>(null);
  const themeNames = new Map<string, ItemTextModel>();

  const onDeviceUpdate = () => {
    allDrafts.value = readDrafts(device);
    mine.value = mineOf(device);
  };
  device.on('update', onDeviceUpdate);

  const drafts = computed(() => {
    const phaseId = phaseView.value?.phase.id;
    return allDrafts.value.filter((draft) => draft.phaseId === phaseId);
  });
  /** Drafts waiting for a reveal, over all phases: the count others may see. */
  const waitingDrafts = computed(() => allDrafts.value.length);

  let lastVotes: MyVotes | null = null;
  const myVotes = computed((): MyVotes | null => {
    const session = snapshot.value;
    const phase = phaseView.value?.phase;
    const next =
      !session || !phase || phase.voting.status === 'none'
        ? null
        : voterTally(doc, phase.id, voterKey);
    // The same object while this device's dots are unchanged: a keystroke re-renders no row.
    if (!sameVotes(lastVotes, next)) lastVotes = next;
    return lastVotes;
  });

  /** Shares the drafts of every phase whose private moment is over; tells how many went. */
  function shareRevealed(session: SessionSnapshot | null): void {
    if (session?.status !== 'running' || session.readOnly) return;
    const phases = new Set(allDrafts.peek().map((draft) => draft.phaseId));
    let count = 0;
    for (const phaseId of phases) {
      if (!isRevealed(doc, phaseId)) continue;
      const result = shareDrafts(doc, device, { phaseId }, context);
      if (result.ok) count += result.value;
    }
    if (count > 0) sharedDrafts.value = { count, at: Date.now() };
  }
  // After a transaction, never inside one: sharing writes to the document.
  let queued = false;
  const stopWatching = snapshot.subscribe((session) => {
    if (session && themeNames.size > 0) forgetDeletedThemes(session);
    if (queued || allDrafts.peek().length === 0) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      shareRevealed(snapshot.peek());
    });
  });

  /** Name editors of themes deleted here or elsewhere stop observing their Y.Text. */
  function forgetDeletedThemes(session: SessionSnapshot): void {
    const alive = new Set(session.themes.map((theme) => theme.id));
    for (const [id, model] of themeNames) {
      if (alive.has(id)) continue;
      model.destroy();
      themeNames.delete(id);
    }
  }

  function currentPhaseId(): string | null {
    return phaseView.peek()?.phase.id ?? null;
  }

  return {
    /** Ids of items this device wrote, for "Written by you". */
    mine: mine as ReadonlySignal<ReadonlySet<string>>,
    /** This device's drafts in the phase on screen, oldest first. */
    drafts,
    waitingDrafts,
    sharedDrafts: sharedDrafts as ReadonlySignal<SharedDraftsNotice | null>,
    myVotes,

    /** A contribution: a draft in a phase for writing alone first, an item otherwise. */
    addContribution(
      kind: ItemKind,
      text: string,
      action?: { owner: string; due: string },
    ): Result<{ id: string; draft: boolean }, SessionError> {
      const phaseId = currentPhaseId();
      if (phaseId === null) return err({ code: 'phase-not-found', phaseId: '' });
      const item = { kind, phaseId, text, ...action };
      if (writesDrafts(doc, phaseId)) {
        const result = addDraft(doc, device, item, context);
        return result.ok ? ok({ id: result.value, draft: true }) : result;
      }
      const result = addItem(doc, item, context);
      if (!result.ok) return result;
      rememberMine(device, [result.value]);
      return ok({ id: result.value, draft: false });
    },
    editDraft: (draftId: string, text: string) => editDraft(device, draftId, { text }),
    deleteDraft: (draftId: string) => report(deleteDraft(device, draftId)),
    /** "Share now": one draft to the group before the reveal. */
    shareDraft: (draftId: string) => report(shareDrafts(doc, device, { draftId }, context)),
    /** Facilitator: everyone's drafts of the phase on screen go to the group. */
    reveal() {
      const phaseId = currentPhaseId();
      if (phaseId === null) return report(err({ code: 'phase-not-found', phaseId: '' } as const));
      return report(revealPhase(doc, phaseId, context));
    },

    startVoting(settings: VotingSettings = {}) {
      const phaseId = currentPhaseId();
      if (phaseId === null) return report(err({ code: 'phase-not-found', phaseId: '' } as const));
      return report(startVoting(doc, phaseId, settings, context));
    },
    closeVoting() {
      const phaseId = currentPhaseId();
      if (phaseId === null) return report(err({ code: 'phase-not-found', phaseId: '' } as const));
      return report(closeVoting(doc, phaseId, context));
    },
    setShowLive(showLive: boolean) {
      const phaseId = currentPhaseId();
      if (phaseId === null) return report(err({ code: 'phase-not-found', phaseId: '' } as const));
      return report(setShowLive(doc, phaseId, showLive, context));
    },
    addVote: (itemId: string) => report(addVote(doc, itemId, voterKey, context)),
    removeVote: (itemId: string) => report(removeVote(doc, itemId, voterKey, context)),

    /** A new theme in the phase on screen; its id, to focus its name. */
    addTheme(name = ''): Result<string, SessionError> {
      const phaseId = currentPhaseId();
      if (phaseId === null) return report(err({ code: 'phase-not-found', phaseId: '' }));
      return report(addTheme(doc, phaseId, name, context));
    },
    deleteTheme: (themeId: string) => report(deleteTheme(doc, themeId, context)),
    renameTheme: (themeId: string, name: string) => renameTheme(doc, themeId, name, null, context),
    /** The live name of a theme for its editor (renames by two people merge). */
    themeName(themeId: string): ItemTextModel | null {
      const known = themeNames.get(themeId);
      if (known) return known;
      const text = themeName(doc, themeId);
      if (!text) return null;
      const model = liveTextModel(text, (next, origin) =>
        renameTheme(doc, themeId, next, origin, context),
      );
      themeNames.set(themeId, model);
      return model;
    },
    /** Puts an insight in a theme, or takes it out with ''. */
    setItemTheme: (itemId: string, themeId: string) =>
      report(setItemTheme(doc, itemId, themeId, context)),

    /** Shares drafts whose phase was revealed while this device was away (call once opened). */
    catchUp: () => shareRevealed(snapshot.peek()),
    destroy() {
      device.off('update', onDeviceUpdate);
      stopWatching();
      for (const model of themeNames.values()) model.destroy();
      themeNames.clear();
    },
  };
}

function sameVotes(a: MyVotes | null, b: MyVotes | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.used !== b.used || a.left !== b.left || a.budget !== b.budget) return false;
  if (a.byItem.size !== b.byItem.size) return false;
  for (const [id, count] of a.byItem) if (b.byItem.get(id) !== count) return false;
  return true;
}
