import * as Y from 'yjs';
import { phaseViewOf } from '../lib/app/phase-view';
import { harvestFile } from '../lib/export/harvest';
import { createSnapshotReader, type SessionSnapshot } from '../lib/session';
import { buildSession, type SessionShape } from './facilitation-session';
import { type RemoteOpSamples, remoteOps } from './remote-ops';
import { fixed, kilobytes, type Line, ms, timingLine } from './report';
import { median } from './stats';
import { voters } from './voters';

/**
 * The facilitation benchmarks of issue 11, all in Node (no browser, no network): many voters
 * at once over the real sync layer (voters.ts); loading and exporting a big session with
 * themes and votes; and what one remote keystroke or dot costs there (remote-ops.ts). Where a
 * baseline makes sense the row gives a ratio: the same items without themes and votes, or
 * the whole snapshot read again instead of the incremental reader.
 */
export interface FacilitationOptions {
  readonly voters: number;
  readonly voterItems: number;
  readonly budget: number;
  readonly voterRuns: number;
  readonly items: number;
  readonly chars: number;
  readonly themes: number;
  /** Voters whose dots the big session holds. */
  readonly bigVoters: number;
  readonly loadRuns: number;
  readonly ops: number;
}

export interface FacilitationResult {
  readonly lines: Line[];
  readonly samples: Record<string, unknown>;
}

interface LoadSamples {
  readonly apply: number[];
  readonly read: number[];
  readonly view: number[];
  readonly exportMs: number[];
  /** Of the last run's harvest (the same every run). */
  markdownBytes: number;
  readonly updateBytes: number;
}

function snapshotOrThrow(result: ReturnType<ReturnType<typeof createSnapshotReader>['read']>) {
  if (!result.ok) throw new Error(`facilitation: unreadable: ${result.error.code}`);
  return result.value;
}

/** Opens a stored session as the app does, then exports it; times each step once. */
function loadAndExportOnce(stored: Uint8Array) {
  const doc = new Y.Doc();
  const t0 = performance.now();
  Y.applyUpdate(doc, stored);
  const t1 = performance.now();
  const reader = createSnapshotReader(doc);
  const snapshot: SessionSnapshot = snapshotOrThrow(reader.read());
  const t2 = performance.now();
  const view = phaseViewOf(snapshot, snapshot.currentPhaseId);
  const t3 = performance.now();
  const file = harvestFile(snapshot);
  const t4 = performance.now();
  if (!view || snapshot.items.length === 0) throw new Error('facilitation: empty session');
  reader.destroy();
  doc.destroy();
  return {
    apply: t1 - t0,
    read: t2 - t1,
    view: t3 - t2,
    exportMs: t4 - t3,
    markdownBytes: Buffer.byteLength(file.markdown),
  };
}

/**
 * Opening each stored session as the app does (the stored update applied to a fresh document,
 * then the reader's first snapshot and the phase view), then its Markdown harvest. The
 * sessions take turns, run by run, so a noisy moment or a garbage collection hits all alike.
 */
function loadAndExport(stored: readonly Uint8Array[], runs: number): LoadSamples[] {
  const all: LoadSamples[] = stored.map((bytes) => ({
    apply: [],
    read: [],
    view: [],
    exportMs: [],
    markdownBytes: 0,
    updateBytes: bytes.length,
  }));
  // One untimed round first: module and JIT warm-up is not what a person waits for twice.
  for (let run = -1; run < runs; run++) {
    stored.forEach((bytes, index) => {
      const once = loadAndExportOnce(bytes);
      const samples = all[index] as LoadSamples;
      if (run < 0) return;
      samples.apply.push(once.apply);
      samples.read.push(once.read);
      samples.view.push(once.view);
      samples.exportMs.push(once.exportMs);
      samples.markdownBytes = once.markdownBytes;
    });
  }
  return all;
}

const sum = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));
const ratio = (a: readonly number[], b: readonly number[]) => fixed(median(a) / median(b), 2);

export function facilitation(options: FacilitationOptions): FacilitationResult {
  const lines: Line[] = [];
  const samples: Record<string, unknown> = {};

  const voterRuns = voters({
    peers: options.voters,
    items: options.voterItems,
    budget: options.budget,
    runs: options.voterRuns,
  });
  samples.voters = voterRuns;
  const converge = voterRuns.map((run) => run.convergeMs);
  lines.push(
    timingLine(
      `${options.voters} voters × ${options.budget} dots at once, ${options.voterItems} items: first dot → same totals on every device`,
      converge,
      ms,
      {
        detail: `in-memory peers, real sync layer, full mesh; all devices on one thread (≈ ${ms(median(converge) / options.voters)} each); ${voterRuns[0]?.frames ?? 0} frames`,
      },
    ),
  );
  console.error('bench: voters done');

  const shape: SessionShape = {
    items: options.items,
    chars: options.chars,
    themes: options.themes,
    voters: options.bigVoters,
    budget: options.budget,
  };
  const big = buildSession(shape);
  const stored = Y.encodeStateAsUpdate(big.doc);
  const plain = buildSession({ ...shape, themes: 0, voters: 0 });
  const plainStored = Y.encodeStateAsUpdate(plain.doc);
  plain.doc.destroy();
  const [loaded, plainLoaded] = loadAndExport([stored, plainStored], options.loadRuns) as [
    LoadSamples,
    LoadSamples,
  ];
  samples.load = loaded;
  samples.loadWithoutThemesOrVotes = plainLoaded;
  const label = `${options.items.toLocaleString('en')} items × ${options.chars} chars, ${options.themes} themes, ${options.bigVoters} × ${options.budget} dots`;
  const load = sum(loaded.apply, loaded.read);
  lines.push(
    timingLine(`${label}: load (apply stored update + first snapshot)`, load, ms, {
      detail: `apply ${ms(median(loaded.apply))} + snapshot ${ms(median(loaded.read))} (+ phase view ${ms(median(loaded.view))}); stored ${kilobytes(loaded.updateBytes)}; / no themes or votes: ${ratio(load, sum(plainLoaded.apply, plainLoaded.read))}`,
      goal: '≤ 300 ms',
      limit: 300,
    }),
    timingLine(`${label}: export (Markdown harvest of the snapshot)`, loaded.exportMs, ms, {
      detail: `${kilobytes(loaded.markdownBytes)} of Markdown; / no themes or votes: ${ratio(loaded.exportMs, plainLoaded.exportMs)}`,
      goal: '≤ 50 ms',
      limit: 50,
    }),
  );
  console.error('bench: load and export done');

  for (const kind of ['keystroke', 'vote'] as const) {
    const result: RemoteOpSamples = remoteOps(stored, big.itemIds, kind, options.ops, 20);
    samples[`remote-${kind}`] = result;
    const name = kind === 'keystroke' ? 'one remote keystroke' : 'one remote dot';
    lines.push(
      timingLine(`${label}: ${name}, update → snapshot + phase view`, result.incremental, ms, {
        detail: `apply ${ms(median(result.apply))} + read ${ms(median(result.read))} + view ${ms(median(result.view))}; whole snapshot again: ${ms(median(result.full))} (full/incremental ${ratio(result.full, result.incremental)}); besides, the session model's arrivals + editors' clean-up ${ms(median(result.app))}`,
        goal: '≤ 2 ms',
        limit: 2,
      }),
    );
  }
  big.doc.destroy();
  console.error('bench: remote keystroke and dot done');
  return { lines, samples };
}
