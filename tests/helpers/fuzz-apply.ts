import {
  addDraft,
  addItem,
  addPhase,
  addTheme,
  addVote,
  closeVoting,
  deleteDraft,
  deleteItem,
  deleteTheme,
  editDraft,
  editThemeName,
  type ItemKind,
  movePhase,
  type PhaseSnapshot,
  rememberMine,
  removePhase,
  removeVote,
  revealPhase,
  type SessionSnapshot,
  setItemTheme,
  startVoting,
  updatePhase,
  voterTally,
  writesDrafts,
} from '../../lib/session';
import { DraftLedger } from './fuzz-drafts';
import type { FuzzNetwork } from './fuzz-network';
import type { FuzzOperation } from './fuzz-operations';
import type { FuzzPeer } from './fuzz-peer';
import { applySessionOperation } from './session-operations';

/** Everything one fuzz run acts on. */
export interface FuzzWorld {
  readonly network: FuzzNetwork;
  readonly peers: readonly FuzzPeer[];
  readonly ledger: DraftLedger;
  /** Items some peer deleted: a shared draft may end up there and still not be lost. */
  readonly deletedItems: Set<string>;
  readonly counter: { n: number };
  /** Records per phase id in the document at the start (2 for a Kring 1 copy, else 1). */
  readonly phaseRecords: ReadonlyMap<string, number>;
}

function pick<T>(values: readonly T[], index: number): T | undefined {
  return values[index % Math.max(1, values.length)];
}

/**
 * Applies one operation. Results are deliberately ignored: refusals (an ended session, a phase
 * another facilitator removed, a full budget) are part of the fuzz. Returns the peer that acted,
 * whose reaction (sharing revealed drafts) and checks follow, or null for network operations.
 */
export function applyFuzzOperation(world: FuzzWorld, op: FuzzOperation): FuzzPeer | null {
  const { network, ledger } = world;
  if (op.type === 'deliver') {
    network.deliverOne(op.pick, op.duplicate);
    return null;
  }
  if (op.type === 'offline') {
    network.goOffline(op.peer);
    return null;
  }
  if (op.type === 'online') {
    network.reconnect(op.peer);
    return null;
  }
  const peer = world.peers[op.peer] as FuzzPeer;
  const { doc, device, context } = peer;
  const session = peer.snapshot();
  const phaseAt = (index: number): PhaseSnapshot | undefined => pick(session.phases, index);
  switch (op.type) {
    case 'add': {
      // As the session model's addItem: a draft on this device while the phase writes alone.
      const phase = phaseAt(op.phase);
      const kind: ItemKind | undefined = phase?.kinds[op.kind % phase.kinds.length];
      if (!phase || !kind) break;
      if (writesDrafts(doc, phase.id)) {
        const text = ledger.newText(peer.index, op.text);
        const made = addDraft(doc, device, { kind, phaseId: phase.id, text }, context);
        if (made.ok) ledger.noteDraft(peer.index, device, made.value);
      } else {
        const made = addItem(doc, { kind, phaseId: phase.id, text: op.text }, context);
        if (made.ok) rememberMine(device, [made.value]);
      }
      break;
    }
    case 'delete': {
      const item = pick(session.items, op.item);
      if (item && deleteItem(doc, item.id, null, context).ok) world.deletedItems.add(item.id);
      break;
    }
    case 'add-phase':
      addPhase(doc, { title: op.title, kinds: op.kinds }, phaseAt(op.after)?.id, context);
      break;
    case 'move-phase':
      movePhase(doc, phaseAt(op.phase)?.id ?? 'none', op.to, context);
      break;
    case 'remove-phase':
      removePhase(doc, phaseAt(op.phase)?.id ?? 'none', context);
      break;
    case 'update-phase':
      updatePhase(doc, phaseAt(op.phase)?.id ?? 'none', op.changes, context);
      break;
    case 'reveal': {
      // A phase still writing alone, where there is one: revealing another is mostly refused.
      const waiting = session.phases.filter((phase) => phase.privateWriting && !phase.revealedAt);
      revealPhase(doc, (pick(waiting, op.phase) ?? phaseAt(op.phase))?.id ?? 'none', context);
      break;
    }
    case 'start-voting': {
      const phase = phaseAt(op.phase);
      if (!phase) break;
      startVoting(
        doc,
        phase.id,
        {
          budget: op.budget,
          maxPerItem: op.maxPerItem === null ? null : Math.min(op.maxPerItem, op.budget),
          kinds: op.kinds.filter((kind) => phase.kinds.includes(kind)),
          showLive: op.showLive,
        },
        context,
      );
      break;
    }
    case 'close-voting':
      closeVoting(doc, phaseAt(op.phase)?.id ?? 'none', context);
      break;
    case 'vote': {
      // Takes a dot back from an item that has one of this peer's, where there is one.
      const candidates = votable(session).filter(
        (item) => !op.remove || voterTally(doc, item.phaseId, peer.voterKey).byItem.has(item.id),
      );
      const item = pick(candidates, op.item) ?? pick(session.items, op.item);
      if (!item) break;
      if (op.remove) removeVote(doc, item.id, peer.voterKey, context);
      else addVote(doc, item.id, peer.voterKey, context);
      break;
    }
    case 'add-theme':
      addTheme(doc, phaseAt(op.phase)?.id ?? 'none', op.name, context);
      break;
    case 'rename-theme': {
      const theme = pick(session.themes, op.theme);
      if (theme) editThemeName(doc, theme.id, op, null, context);
      break;
    }
    case 'delete-theme': {
      const theme = pick(session.themes, op.theme);
      if (theme) deleteTheme(doc, theme.id, context);
      break;
    }
    case 'set-theme': {
      const insight = pick(
        session.items.filter((item) => item.kind === 'insight'),
        op.item,
      );
      if (!insight) break;
      // Into a theme of its phase three times in four, else out of any theme.
      const themes = session.themes.filter((theme) => theme.phaseId === insight.phaseId);
      const themeId = op.theme % 4 === 0 ? '' : (pick(themes, op.theme)?.id ?? '');
      setItemTheme(doc, insight.id, themeId, context);
      break;
    }
    case 'edit-draft': {
      const draft = DraftLedger.pick(device, op.draft);
      if (!draft) break;
      const text = ledger.newText(peer.index, op.text);
      if (editDraft(device, draft.id, { text }).ok) ledger.noteDraft(peer.index, device, draft.id);
      break;
    }
    case 'delete-draft': {
      const draft = DraftLedger.pick(device, op.draft);
      if (draft && deleteDraft(device, draft.id).ok) ledger.noteDeleted(peer.index, draft.id);
      break;
    }
    case 'share-draft': {
      const draft = DraftLedger.pick(device, op.draft);
      if (draft) peer.share({ draftId: draft.id });
      break;
    }
    default:
      applySessionOperation(doc, op, world.counter, context);
  }
  return peer;
}

/** Items the peer could vote on now: voting open in their phase, and their kind voted on. */
function votable(session: SessionSnapshot) {
  const open = new Map(
    session.phases
      .filter((phase) => phase.voting.status === 'open')
      .map((phase) => [phase.id, phase.voting.kinds]),
  );
  return session.items.filter((item) => open.get(item.phaseId)?.includes(item.kind));
}
