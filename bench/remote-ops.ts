import * as Y from 'yjs';
import { watchArrivals } from '../lib/app/arrivals';
import { createItemTextModels } from '../lib/app/item-text-models';
import { phaseViewOf } from '../lib/app/phase-view';
import { phaseViewCache, sameItemIds } from '../lib/app/phase-view-cache';
import { ITEMS_SHOWN_AT_ONCE } from '../lib/limits';
import {
  addVote,
  createSnapshotReader,
  editItemText,
  type SessionSnapshot,
  snapshotSession,
  withRole,
} from '../lib/session';
import { benchContext, seededRandom, VOTING_PHASE, voterKeyFor } from './facilitation-session';

/**
 * The cost of one remote keystroke or dot in a big session, "snapshot to screen" in Node
 * (issue 11): another device makes the change; this device applies the update it sent and
 * derives what its screen shows: the snapshot and the phase view (lib/app/phase-view.ts).
 * Kring's way is the incremental reader the app keeps open (createSnapshotReader); the
 * baseline reads the whole snapshot again (snapshotSession) on a second replica that gets the
 * same updates. Both are timed per operation, on the same updates. Apart, and not in the goal:
 * what the session model (lib/app/session-model.ts) does besides on every update, with the
 * editors of the items a long list shows open: the arrivals watcher and the editors' clean-up.
 */
export type RemoteOp = 'keystroke' | 'vote';

export interface RemoteOpSamples {
  /** Apply + incremental read + phase view, per operation (ms). */
  readonly incremental: number[];
  /** Apply + full snapshotSession + phase view, per operation (ms). */
  readonly full: number[];
  /** The incremental path split: apply, read, view (ms, per operation). */
  readonly apply: number[];
  readonly read: number[];
  readonly view: number[];
  /** The session model's other per-update passes (arrivals, editors' clean-up), ms. */
  readonly app: number[];
}

const REMOTE = Symbol('remote peer');

function load(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update, REMOTE);
  return doc;
}

function mustRead(result: ReturnType<typeof snapshotSession>): SessionSnapshot {
  if (!result.ok) throw new Error(`remote ops: unreadable: ${result.error.code}`);
  return result.value;
}

/**
 * `ops` operations of `kind` (after `warmup` untimed ones, so the JIT has settled) made on a
 * remote replica of `stored`, each applied to the two local replicas in turn.
 */
export function remoteOps(
  stored: Uint8Array,
  itemIds: readonly string[],
  kind: RemoteOp,
  ops: number,
  warmup: number,
): RemoteOpSamples {
  const remote = load(stored);
  const local = load(stored);
  const baseline = load(stored);
  const reader = createSnapshotReader(local);
  const samples: RemoteOpSamples = {
    incremental: [],
    full: [],
    apply: [],
    read: [],
    view: [],
    app: [],
  };
  const first = mustRead(reader.read());
  const arrivals = watchArrivals({ isMine: () => false, onArrivals: () => {} });
  arrivals.update(first);
  const texts = createItemTextModels(local);
  for (const item of first.items.slice(-ITEMS_SHOWN_AT_ONCE)) texts.get(item.id);
  let update: Uint8Array | null = null;
  remote.on('update', (bytes: Uint8Array) => {
    update = bytes;
  });
  const random = seededRandom(kind === 'vote' ? 7 : 5);
  const context = withRole(benchContext('r'), 'participant');
  let voter = 0;
  let dots = 0;
  let typed: string | null = null;
  const act = (): Uint8Array => {
    update = null;
    const itemId = itemIds[Math.floor(random() * itemIds.length)] as string;
    if (kind === 'keystroke') {
      // A Backspace, then a letter typed in its place: a text at the length limit stays there.
      const edit =
        typed === null
          ? { index: 0, deleteCount: 1, insert: '' }
          : { index: 0, deleteCount: 0, insert: 'x' };
      const edited = editItemText(remote, typed ?? itemId, edit);
      if (!edited.ok) throw new Error(`remote ops: keystroke refused: ${edited.error.code}`);
      typed = typed === null ? itemId : null;
    } else {
      // A new voter every three dots, so every dot counts (nobody runs out of budget).
      if (dots === 3) {
        voter++;
        dots = 0;
      }
      const cast = addVote(remote, itemId, voterKeyFor('remote', voter), context);
      if (!cast.ok) throw new Error(`remote ops: dot refused: ${cast.error.code}`);
      dots++;
    }
    if (update === null) throw new Error('remote ops: the change made no update');
    return update;
  };
  const viewOf = phaseViewCache();
  let previous: SessionSnapshot | null = null;
  try {
    for (let op = 0; op < warmup + ops; op++) {
      const bytes = act();
      const t0 = performance.now();
      Y.applyUpdate(local, bytes, REMOTE);
      const t1 = performance.now();
      const snapshot = mustRead(reader.read());
      const t2 = performance.now();
      // As the session model does: the cached phase view, and the walks over every item only
      // when items came or went.
      const view = viewOf(snapshot, VOTING_PHASE);
      const t3 = performance.now();
      if (!previous || !sameItemIds(previous, snapshot)) {
        arrivals.update(snapshot);
        texts.forgetDeleted(snapshot);
      }
      previous = snapshot;
      const t4 = performance.now();
      Y.applyUpdate(baseline, bytes, REMOTE);
      const fullView = phaseViewOf(mustRead(snapshotSession(baseline)), VOTING_PHASE);
      const t5 = performance.now();
      if (!view || !fullView) throw new Error('remote ops: no phase on screen');
      if (op < warmup) continue;
      samples.apply.push(t1 - t0);
      samples.read.push(t2 - t1);
      samples.view.push(t3 - t2);
      samples.incremental.push(t3 - t0);
      samples.app.push(t4 - t3);
      samples.full.push(t5 - t4);
    }
    // The two ways must agree, or the comparison would be of different work.
    const last = JSON.stringify(mustRead(reader.read()));
    if (last !== JSON.stringify(mustRead(snapshotSession(baseline)))) {
      throw new Error('remote ops: the incremental snapshot differs from a fresh one');
    }
    return samples;
  } finally {
    arrivals.destroy();
    texts.destroy();
    reader.destroy();
    for (const doc of [remote, local, baseline]) doc.destroy();
  }
}
