import * as Y from 'yjs';
import {
  createSnapshotReader,
  type DraftSelection,
  isRevealed,
  mineOf,
  type Role,
  readDrafts,
  type SessionContext,
  type SessionSnapshot,
  type SnapshotReader,
  shareDrafts,
  voterKeyOf,
} from '../../lib/session';
import { fixedContext } from './context';
import type { DraftLedger } from './fuzz-drafts';

/**
 * One device in the session fuzz: its copy of the shared document, its device-local state
 * (drafts, own items, voter key: lib/session/device-state.ts) in a Y.Doc of its own that no
 * network ever sees, its role, and a snapshot reader kept for the whole run as a screen keeps
 * one. It reacts to what arrives as the session model does (lib/app/facilitation-moves.ts):
 * drafts of a phase whose private moment is over are shared as soon as the device sees it.
 */
export class FuzzPeer {
  readonly device: Y.Doc;
  readonly context: SessionContext;
  readonly voterKey: string;
  readonly reader: SnapshotReader;

  constructor(
    readonly index: number,
    readonly doc: Y.Doc,
    readonly role: Role,
    private readonly ledger: DraftLedger,
    /** Another tab of the same device votes under the same key. */
    sameVoterAs?: FuzzPeer,
  ) {
    this.device = new Y.Doc({ guid: `device-${index}` });
    this.context = { ...fixedContext(`f${index}-`), role };
    this.voterKey = sameVoterAs?.voterKey ?? voterKeyOf(this.device);
    this.reader = createSnapshotReader(doc);
  }

  /** The incremental snapshot, as the screens see it. */
  snapshot(): SessionSnapshot {
    const result = this.reader.read();
    if (!result.ok) throw new Error(`peer ${this.index} cannot read: ${result.error.code}`);
    return result.value;
  }

  /** Shares drafts (Share now, or a phase's at the reveal) and checks none went astray. */
  share(selection: DraftSelection): void {
    const mineBefore = mineOf(this.device);
    shareDrafts(this.doc, this.device, selection, this.context);
    this.ledger.noteShared(this.index, this.doc, this.device, mineBefore);
  }

  /** What the session model does after every change it sees: share what was revealed. */
  shareRevealed(): void {
    const drafts = readDrafts(this.device);
    if (drafts.length === 0) return;
    const session = this.snapshot();
    if (session.status !== 'running' || session.readOnly) return;
    for (const phaseId of new Set(drafts.map((draft) => draft.phaseId))) {
      if (isRevealed(this.doc, phaseId)) this.share({ phaseId });
    }
  }

  destroy(): void {
    this.reader.destroy();
    this.device.destroy();
  }
}

/** Peers 0 and 1 facilitate (two facilitator devices, as with a co-facilitator); the rest take part. */
export const FACILITATORS = 2;

/**
 * The peers of a run. The last is a second tab of the one before it: the same voter key on
 * another replica, so its clicks can race past the budget, which the tally must still contain.
 */
export function fuzzPeers(docs: readonly Y.Doc[], ledger: DraftLedger): FuzzPeer[] {
  const peers: FuzzPeer[] = [];
  docs.forEach((doc, index) => {
    const role = index < FACILITATORS ? 'facilitator' : 'participant';
    const tabOf = index === docs.length - 1 && index > FACILITATORS ? peers[index - 1] : undefined;
    peers.push(new FuzzPeer(index, doc, role, ledger, tabOf));
  });
  return peers;
}
