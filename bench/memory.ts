import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

/**
 * Peak memory of one page while something happens, two ways:
 * - JS heap: `JSHeapUsedSize` from the DevTools protocol's `Performance.getMetrics`, polled
 *   every `intervalMs`. The renderer answers between tasks, so a peak inside one long task
 *   (applying a 10 MB update) can be missed: a lower bound.
 * - Renderer memory: private (unshared) resident memory of the renderer process, from
 *   /proc/PID/smaps_rollup, read by this process every `intervalMs` however busy the page is:
 *   the JS heap plus DOM, layout and everything else the page keeps. Chromium's own
 *   "memory footprint" is close to this figure.
 */
export interface MemoryPeak {
  readonly jsHeapBytes: number;
  /** NaN when the renderer process was not found. */
  readonly rendererBytes: number;
  readonly samples: number;
}

export interface MemorySampler {
  stop(): Promise<MemoryPeak>;
}

function privateBytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    let kb = 0;
    for (const match of rollup.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB$/gm)) {
      kb += Number(match[1]);
    }
    return kb * 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * The renderer process whose command line holds every one of `parts` (e.g. the profile
 * directory and `--extension-process`); null when there is none or more than one.
 */
export function findRenderer(parts: readonly string[]): number | null {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let line: string;
    try {
      // Chromium rewrites its command line as one space-separated string (no NULs).
      line = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (!line.includes(' --type=renderer ')) continue;
    if (parts.every((part) => line.includes(part))) found.push(Number(entry));
  }
  return found.length === 1 ? (found[0] as number) : null;
}

export async function sampleMemory(
  page: Page,
  rendererPid: number | null,
  intervalMs = 100,
): Promise<MemorySampler> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  let jsHeap = 0;
  let renderer = rendererPid === null ? Number.NaN : 0;
  let samples = 0;
  let running = true;

  const readProcess = () => {
    if (rendererPid === null) return;
    const bytes = privateBytes(rendererPid);
    if (Number.isFinite(bytes)) renderer = Math.max(renderer, bytes);
  };
  const timer = setInterval(readProcess, intervalMs);
  const polling = (async () => {
    while (running) {
      try {
        const { metrics } = await session.send('Performance.getMetrics');
        const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
        jsHeap = Math.max(jsHeap, used);
        samples++;
      } catch {
        return;
      }
      await new Promise((done) => setTimeout(done, intervalMs));
    }
  })();
  readProcess();

  return {
    async stop() {
      running = false;
      clearInterval(timer);
      readProcess();
      await polling;
      await session.detach().catch(() => {});
      return { jsHeapBytes: jsHeap, rendererBytes: renderer, samples };
    },
  };
}
