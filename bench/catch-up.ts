import type { Page } from 'playwright-core';
import { ITEMS_SHOWN_AT_ONCE } from '../lib/limits';
import { closeAll, launchPeer, type Peer } from '../tests/e2e/harness';
import { seedItems } from '../tests/e2e/seed';
import { fillJoin, joinButton, startSessionWith } from './kring-driver';
import { findRenderer, type MemoryPeak, sampleMemory } from './memory';
import { startProfile } from './profile';
import { type Line, megabytes, seconds } from './report';
import { median } from './stats';

/**
 * Late-joiner catch-up (issue 9): a facilitator's panel holds N items of M characters (seeded
 * as tests/e2e/seed.ts does: through IndexedDB, no test hooks), a fresh panel joins with the
 * code, and we time click "Join" → every item's editor on screen, and the joining panel's peak
 * memory (memory.ts). Sizes grow in one session: seeded to 1,000, joined; grown to 5,000,
 * joined. Every joiner is a new browser with an empty profile.
 */
export const CATCH_UP_TIMEOUT_MS = 180_000;
const INSIGHT = 'Insight';

export interface CatchUpSample {
  /** Click "Join" → every item on screen, ms on the page's clock. */
  readonly totalMs: number;
  /** Click → the session screen (keys derived, room opened). */
  readonly openMs: number;
  /** Session screen → the first "Receiving the session" progress (signaling, WebRTC, sync step 1). */
  readonly connectMs: number;
  /** First → last sight of the progress bar: the transfer. */
  readonly receiveMs: number;
  /** Last sight of the progress bar → every item on screen: apply and render. */
  readonly renderMs: number;
  readonly memory: MemoryPeak;
}

interface Marks {
  click?: number;
  session?: number;
  receiving?: number;
  receivingLast?: number;
  items?: number;
}

/**
 * Installed before the click: records on the page's own clock when each step shows. The DOM
 * is read every 20 ms (querySelectorAll, cheap even at 5,000 items), so a step is seen as soon
 * as the page is free to show it, without Playwright queries loading the busy page.
 */
function watchCatchUp(page: Page, expected: number): Promise<void> {
  // No named functions inside: tsx would wrap them in a `__name` helper the page lacks.
  return page.evaluate(
    ({ expected, insight, shownAtOnce }) => {
      const marks: Record<string, number> = {};
      Object.assign(globalThis, { benchCatchUp: marks });
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element).closest('button[type="submit"]')) {
            marks.click ??= performance.now();
          }
        },
        true,
      );
      const timer = setInterval(() => {
        if (marks.click === undefined) return;
        if (document.querySelector('[role="status"][aria-label="Connection"]')) {
          marks.session ??= performance.now();
        }
        if (document.querySelector('progress')) {
          marks.receiving ??= performance.now();
          marks.receivingLast = performance.now();
        }
        const counted = [...document.querySelectorAll('h3')]
          .map((h) => h.textContent?.match(new RegExp(`^${insight}s \\((\\d+)\\)$`))?.[1])
          .find(Boolean);
        // The heading counts every insight; the list shows the newest ITEMS_SHOWN_AT_ONCE.
        const editors = document.querySelectorAll(`textarea[aria-label="${insight}"]`).length;
        if (Number(counted ?? 0) >= expected && editors >= Math.min(expected, shownAtOnce)) {
          marks.items ??= performance.now();
          clearInterval(timer);
        }
      }, 20);
    },
    { expected, insight: INSIGHT, shownAtOnce: ITEMS_SHOWN_AT_ONCE },
  );
}

interface JoinMode {
  /** Also count the editors with Playwright's role query (once per size). */
  readonly check: boolean;
  /** Trace and profile the joining panel (profile.ts): slower, never a reported sample. */
  readonly profile: boolean;
}

async function joinOnce(code: string, size: number, name: string, mode: JoinMode) {
  const joiner = await launchPeer(name);
  try {
    await fillJoin(joiner.page, code);
    await watchCatchUp(joiner.page, size);
    // The panel's renderer: the extension process of this peer's own profile (harness.ts
    // names profiles kring-e2e-<name>-…).
    const pid = findRenderer([`kring-e2e-${name.toLowerCase()}-`, '--extension-process']);
    const sampler = await sampleMemory(joiner.page, pid);
    const profiler = mode.profile ? await startProfile(joiner.page) : null;
    await joinButton(joiner.page).click();
    await joiner.page.waitForFunction(
      () =>
        (globalThis as unknown as { benchCatchUp: { items?: number } }).benchCatchUp.items !==
        undefined,
      null,
      { timeout: CATCH_UP_TIMEOUT_MS, polling: 250 },
    );
    // Memory often peaks just after the render (the last garbage of the update): a moment more.
    await new Promise((done) => setTimeout(done, 1_000));
    const memory = await sampler.stop();
    const profile = (await profiler?.stop()) ?? null;
    const marks = (await joiner.page.evaluate(
      () => (globalThis as unknown as { benchCatchUp: Marks }).benchCatchUp,
    )) as Required<Pick<Marks, 'click' | 'items'>> & Marks;
    if (mode.check) {
      // Once per size: what the watcher counted is what a person (or a screen reader) finds.
      const heading = joiner.page.getByRole('heading', { level: 3, name: `${INSIGHT}s (${size})` });
      if ((await heading.count()) !== 1) throw new Error(`catch-up: no heading for ${size}`);
      const found = await joiner.page.getByRole('textbox', { name: INSIGHT, exact: true }).count();
      const expected = Math.min(size, ITEMS_SHOWN_AT_ONCE);
      if (found !== expected)
        throw new Error(`catch-up: ${found} of ${expected} editors on screen`);
    }
    const session = marks.session ?? marks.click;
    const receiving = marks.receiving ?? session;
    const receivingLast = marks.receivingLast ?? receiving;
    return {
      totalMs: marks.items - marks.click,
      openMs: session - marks.click,
      connectMs: receiving - session,
      receiveMs: receivingLast - receiving,
      renderMs: marks.items - receivingLast,
      memory,
      profile,
    } satisfies CatchUpSample & { profile: string | null };
  } finally {
    await closeAll([joiner]);
  }
}

export interface CatchUpOptions {
  /** Item counts, ascending: the session grows from one to the next. */
  readonly sizes: readonly number[];
  readonly chars: number;
  readonly runs: (size: number) => number;
  /** One more, profiled join at the largest size (KRING_BENCH_PROFILE=1). */
  readonly profile: boolean;
}

export interface CatchUpResult {
  readonly lines: Line[];
  readonly samples: Record<number, CatchUpSample[]>;
  /** The profiled join's summary (profile.ts), when asked for. */
  readonly profile: string | null;
}

const formatMb = (bytes: readonly number[]) => bytes.map(megabytes).join(', ');

export async function catchUp(options: CatchUpOptions): Promise<CatchUpResult> {
  const host: Peer = await launchPeer('catchup-host');
  const samples: Record<number, CatchUpSample[]> = {};
  const lines: Line[] = [];
  try {
    const code = await startSessionWith(host.page, 'Lessons-learned harvest', 'Catch-up');
    let held = 0;
    for (const size of options.sizes) {
      await seedItems(host.page, { count: size - held, chars: options.chars });
      held = size;
      await host.page.waitForFunction(
        ({ size, insight }) =>
          Number(
            [...document.querySelectorAll('h3')]
              .map((h) => h.textContent?.match(new RegExp(`^${insight}s \\((\\d+)\\)$`))?.[1])
              .find(Boolean) ?? 0,
          ) >= size,
        { size, insight: INSIGHT },
        { timeout: CATCH_UP_TIMEOUT_MS, polling: 500 },
      );
      // Back in the room after the reload, before anyone joins.
      await host.page
        .getByRole('status', { name: 'Connection', exact: true })
        .getByText('Connected, waiting for others')
        .waitFor({ timeout: 30_000 });
      const runs: CatchUpSample[] = [];
      for (let run = 0; run < options.runs(size); run++) {
        const mode = { check: run === 0, profile: false };
        runs.push(await joinOnce(code, size, `joiner${size}r${run}`, mode));
        console.error(
          `bench: catch-up ${size} run ${run + 1}: ${runs.at(-1)?.totalMs.toFixed(0)} ms`,
        );
      }
      samples[size] = runs;
      lines.push(...catchUpLines(size, options.chars, runs));
    }
    let profile: string | null = null;
    if (options.profile && held > 0) {
      const mode = { check: false, profile: true };
      const run = await joinOnce(code, held, `joiner${held}profiled`, mode);
      profile = `Profiled late join, ${held} items (${seconds(run.totalMs)} with profiling on):\n${run.profile}`;
    }
    return { lines, samples, profile };
  } finally {
    await closeAll([host]);
  }
}

function catchUpLines(size: number, chars: number, runs: readonly CatchUpSample[]): Line[] {
  if (runs.length === 0) return [];
  const label = `${size.toLocaleString('en')} × ${chars.toLocaleString('en')} chars`;
  const pick = (key: 'openMs' | 'connectMs' | 'receiveMs' | 'renderMs') =>
    seconds(median(runs.map((run) => run[key])));
  const totals = runs.map((run) => run.totalMs);
  const heap = runs.map((run) => run.memory.jsHeapBytes);
  const renderer = runs.map((run) => run.memory.rendererBytes);
  const big = size >= 5_000;
  const MB200 = 200 * 2 ** 20;
  return [
    {
      measurement: `${label}: click Join → all items on screen`,
      median: seconds(median(totals)),
      p95: seconds(Math.max(...totals)),
      detail: `runs ${totals.map(seconds).join(', ')}; median split: keys + room ${pick('openMs')}, connect ${pick('connectMs')}, receive ${pick('receiveMs')}, apply + render ${pick('renderMs')}`,
      goal: big ? '≤ 10 s' : undefined,
      met: big ? median(totals) <= 10_000 : undefined,
      n: runs.length,
    },
    {
      measurement: `${label}: joining panel's peak JS heap (CDP JSHeapUsedSize)`,
      median: megabytes(median(heap)),
      p95: megabytes(Math.max(...heap)),
      detail: `runs ${formatMb(heap)}; polled every 100 ms between tasks: a lower bound`,
      goal: big ? '≤ 200 MB' : undefined,
      met: big ? Math.max(...heap) <= MB200 : undefined,
      n: runs.length,
    },
    {
      measurement: `${label}: joining panel's peak renderer memory (private RSS)`,
      median: megabytes(median(renderer)),
      p95: megabytes(Math.max(...renderer)),
      detail: `runs ${formatMb(renderer)}; the extension's renderer process, /proc smaps_rollup`,
      goal: big ? '≤ 200 MB' : undefined,
      met: big ? Math.max(...renderer) <= MB200 : undefined,
      n: runs.length,
    },
  ];
}
