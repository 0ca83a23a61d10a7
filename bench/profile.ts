import type { CDPSession, Page } from 'playwright-core';

/**
 * Where a page's main thread spends its time (KRING_BENCH_PROFILE=1): a DevTools trace of the
 * renderer (the Performance panel's categories) with the JS sampling profiler, summarised as
 * self time per trace event (JS, style, layout, paint, GC…) and the JS functions with the most
 * self time. Profiling slows the page: a profiled run is never one of the reported samples.
 */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string; data?: unknown };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Profiler {
  stop(): Promise<string>;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
];

async function readStream(session: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle });
  return text;
}

interface MainThread {
  /** Self time (ms) per event name. */
  readonly self: Map<string, number>;
  /** Occurrences per event name. */
  readonly count: Map<string, number>;
  /** The longest task (ms): the page could not respond to input for that long. */
  readonly longestTaskMs: number;
}

/** What the main thread of the page's renderer did, from the trace's complete events. */
function mainThread(events: readonly TraceEvent[]): MainThread {
  // A trace holds every renderer of the browser (a navigation can also change process): the
  // page's main thread is the busiest thread named CrRendererMain.
  const mains = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const busy = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'X' && mains.has(key)) busy.set(key, (busy.get(key) ?? 0) + (event.dur ?? 0));
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const complete = events
    .filter(
      (event) =>
        event.ph === 'X' && event.dur !== undefined && `${event.pid}:${event.tid}` === main,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const count = new Map<string, number>();
  let longestTaskMs = 0;
  const stack: { end: number; name: string; children: number; dur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= upTo) {
      const done = stack.pop() as (typeof stack)[number];
      self.set(done.name, (self.get(done.name) ?? 0) + (done.dur - done.children) / 1000);
      const parent = stack.at(-1);
      if (parent) parent.children += done.dur;
    }
  };
  for (const event of complete) {
    close(event.ts);
    count.set(event.name, (count.get(event.name) ?? 0) + 1);
    if (stack.length === 0) longestTaskMs = Math.max(longestTaskMs, (event.dur ?? 0) / 1000);
    stack.push({
      end: event.ts + (event.dur ?? 0),
      name: event.name,
      children: 0,
      dur: event.dur ?? 0,
    });
  }
  close(Number.POSITIVE_INFINITY);
  return { self, count, longestTaskMs };
}

function topFunctions(profile: CpuProfile, count: number): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? url;
    const key =
      `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

export async function startProfile(page: Page): Promise<Profiler> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES },
  });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await session.send('Profiler.stop')) as unknown as {
        profile: CpuProfile;
      };
      const complete = new Promise<string>((resolve) => {
        session.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? ''));
      });
      await session.send('Tracing.end');
      const trace = JSON.parse(await readStream(session, await complete)) as
        | { traceEvents: TraceEvent[] }
        | TraceEvent[];
      const events = Array.isArray(trace) ? trace : trace.traceEvents;
      await session.detach().catch(() => {});
      const thread = mainThread(events);
      const top = [...thread.self].sort((a, b) => b[1] - a[1]).slice(0, 15);
      return [
        `Main thread, self time by trace event (ms, ×occurrences); longest task ${thread.longestTaskMs.toFixed(0)} ms:`,
        ...top.map(
          ([name, value]) =>
            `  ${value.toFixed(0).padStart(7)}  ${name} ×${thread.count.get(name) ?? 0}`,
        ),
        'JS functions by self time (ms, sampling profiler):',
        ...topFunctions(profile, 20).map(
          ([name, value]) => `  ${value.toFixed(0).padStart(7)}  ${name}`,
        ),
      ].join('\n');
    },
  };
}
