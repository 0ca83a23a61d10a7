import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { EXTENSION_DIR, startSignaling, WEB_DIR } from '../tests/e2e/harness';
import { bigSessionPanel } from './big-session-panel';
import { bundleLines } from './bundle';
import { catchUp } from './catch-up';
import { editLatency } from './edit-latency';
import { facilitation } from './facilitation';
import { meshMessages } from './mesh-messages';
import { mixedPeers } from './mixed-peers';
import { phoneJoin } from './phone-join';
import { serveRawPage } from './raw-peers';
import { relayBench } from './relay';
import { type Line, ms, renderTable, timingLine } from './report';
import { envList, envNumber } from './wait';

/**
 * `npm run bench` (bench/run.sh): in a loopback-only network namespace, with the real signaling
 * server (which also serves the web page), measures what issues 7, 9 and 11 set goals for and
 * prints one table; raw samples go to bench/results/latest.json. Every count is an env var
 * (README, "Benchmarks"); KRING_BENCH_SECTIONS=facilitation,latency,mesh,mixed,phone,catchup,
 * bigsession,relay picks sections. `facilitation` runs in Node alone: with only it, no build or
 * browser is needed. `relay` brings its own servers (on free ports) and runs last, alone.
 */
const SECTIONS = new Set(
  (
    process.env.KRING_BENCH_SECTIONS ??
    'facilitation,latency,mesh,mixed,phone,catchup,bigsession,relay'
  ).split(','),
);
const BROWSER_SECTIONS = [
  'latency',
  'mesh',
  'mixed',
  'phone',
  'catchup',
  'bigsession',
  'relay',
].filter((s) => SECTIONS.has(s));
/** The sections that use the harness's signaling server on port 4444 (all but the relay's). */
const MESH_SECTIONS = BROWSER_SECTIONS.filter((s) => s !== 'relay');
const EDITS = envNumber('KRING_BENCH_EDITS', 50);
/** Each configuration runs this many times, interleaved, so a noisy minute hits all alike. */
const ROUNDS = envNumber('KRING_BENCH_ROUNDS', 2);

async function main(): Promise<void> {
  const startedAt = Date.now();
  const load = loadavg()[0] ?? 0;
  // The built pages are measured with the browser sections, which use the same build.
  const bundle =
    BROWSER_SECTIONS.length > 0 ? bundleLines(EXTENSION_DIR, WEB_DIR) : { lines: [], sizes: {} };
  const latency: Line[] = [];
  const facilitationLines: Line[] = [];
  /** Kring's 2-peer edit → visible in a small session, the big session's baseline. */
  let smallSession: number[] | undefined;
  const joining: Line[] = [];
  const catchUpLines: Line[] = [];
  const meshLines: Line[] = [];
  const relayLines: Line[] = [];
  const samples: Record<string, unknown> = {};
  let profile: string | null = null;

  // First, while no browser runs: these are CPU-bound and time one thread.
  if (SECTIONS.has('facilitation')) {
    const voterCount = envNumber('KRING_BENCH_VOTERS', 30);
    const result = facilitation({
      voters: voterCount,
      voterItems: envNumber('KRING_BENCH_VOTER_ITEMS', 20),
      budget: 3,
      voterRuns: envNumber('KRING_BENCH_VOTER_RUNS', 10),
      items: envNumber('KRING_BENCH_FACILITATION_ITEMS', 5_000),
      chars: envNumber('KRING_BENCH_FACILITATION_CHARS', 200),
      themes: envNumber('KRING_BENCH_FACILITATION_THEMES', 50),
      bigVoters: voterCount,
      loadRuns: envNumber('KRING_BENCH_FACILITATION_RUNS', 10),
      ops: envNumber('KRING_BENCH_REMOTE_OPS', 200),
    });
    facilitationLines.push(...result.lines);
    samples.facilitation = result.samples;
  }

  const signaling = MESH_SECTIONS.length > 0 ? await startSignaling() : null;
  const raw = MESH_SECTIONS.length > 0 ? await serveRawPage(8123) : null;
  try {
    if (SECTIONS.has('latency')) {
      const result = await editLatency({
        peerCounts: envList('KRING_BENCH_PEERS', '2,5,10'),
        edits: EDITS,
        rounds: ROUNDS,
        joins: envNumber('KRING_BENCH_JOINS', 5),
        rawUrl: raw?.url ?? '',
      });
      latency.push(...result.lines);
      joining.push(timingLine('Side panel: click Join → session on screen', result.joins, ms));
      samples.latency = result.samples;
      samples.joins = result.joins;
      smallSession = (result.samples['kring-2'] as { latencies: number[] } | undefined)?.latencies;
    }
    if (SECTIONS.has('mesh')) {
      const result = await meshMessages({
        peerCounts: envList('KRING_BENCH_MESH_PEERS', '2,5,10'),
        edits: envNumber('KRING_BENCH_MESH_EDITS', 20),
        rawUrl: raw?.url ?? '',
      });
      meshLines.push(...result.lines);
      samples.meshMessages = result.samples;
    }
    if (SECTIONS.has('mixed')) {
      const result = await mixedPeers({
        webPeers: envNumber('KRING_BENCH_MIXED_WEB', 4),
        edits: EDITS,
        rounds: ROUNDS,
        rawUrl: raw?.url ?? '',
      });
      latency.push(...result.lines);
      samples.mixed = result.samples;
    }
    if (SECTIONS.has('phone')) {
      const result = await phoneJoin({
        runs: envNumber('KRING_BENCH_PHONE_RUNS', 10),
        cpuRate: envNumber('KRING_BENCH_PHONE_CPU', 4),
      });
      joining.push(...result.lines);
      samples.phone = result.runs;
    }
    if (SECTIONS.has('catchup')) {
      const large = envNumber('KRING_BENCH_CATCHUP_RUNS_LARGE', 2);
      const small = envNumber('KRING_BENCH_CATCHUP_RUNS', 3);
      const result = await catchUp({
        sizes: envList('KRING_BENCH_CATCHUP_SIZES', '1000,5000'),
        chars: envNumber('KRING_BENCH_CATCHUP_CHARS', 2_000),
        runs: (size) => (size >= 5_000 ? large : small),
        profile: process.env.KRING_BENCH_PROFILE === '1',
      });
      catchUpLines.push(...result.lines);
      samples.catchUp = result.samples;
      profile = result.profile;
    }
    if (SECTIONS.has('bigsession')) {
      const result = await bigSessionPanel({
        items: envNumber('KRING_BENCH_BIG_ITEMS', 5_000),
        chars: envNumber('KRING_BENCH_BIG_CHARS', 200),
        edits: EDITS,
        smallSession,
        profile: process.env.KRING_BENCH_PROFILE === '1',
      });
      facilitationLines.push(...result.lines);
      samples.bigSession = { keystrokes: result.keystrokes, dots: result.dots };
      if (result.profile) profile = profile ? `${profile}\n\n${result.profile}` : result.profile;
    }
  } finally {
    await raw?.close();
    await signaling?.close();
  }
  // Last and alone: 2 server processes, Redis and hundreds of devices load both cores.
  if (SECTIONS.has('relay')) {
    // A relay run that fails (a deadline passed) is a row of the table, not a lost table.
    const result = await relayBench({
      peers: envNumber('KRING_BENCH_RELAY_PEERS', 200),
      edits: envNumber('KRING_BENCH_RELAY_EDITS', 30),
      items: envNumber('KRING_BENCH_RELAY_ITEMS', 1_000),
      chars: envNumber('KRING_BENCH_RELAY_CHARS', 200),
      lateJoins: envNumber('KRING_BENCH_RELAY_JOINS', 5),
      processes: envNumber('KRING_BENCH_RELAY_PROCESSES', 4),
      joiningAtOnce: envNumber('KRING_BENCH_RELAY_JOINING', 5),
    }).catch((error: unknown) => {
      console.error(error);
      const failed: Line = {
        // The first line only: Playwright's messages go on with a call log.
        measurement: `relay: failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
        median: '–',
        p95: '–',
        n: 0,
      };
      return { lines: [failed], samples: {} };
    });
    relayLines.push(...result.lines);
    samples.relay = result.samples;
  }

  const sections: [string, Line[]][] = [
    ['JavaScript loaded, gzipped', bundle.lines],
    [`Edit → visible latency (${ROUNDS} interleaved rounds × ${EDITS} edits × receivers)`, latency],
    [
      'Mesh traffic (issue 10): data-channel messages and bytes per edit, all pages summed',
      meshLines,
    ],
    ['Joining', joining],
    [
      'Late joiner catch-up (a fresh side panel joins a panel that holds the session)',
      catchUpLines,
    ],
    [
      'Facilitation (issue 11): in Node with in-memory peers, then in the side panel',
      facilitationLines,
    ],
    [
      `Relay (issue 10): Node devices on 2 server instances + Redis, 2 web pages (one per instance)`,
      relayLines,
    ],
  ];
  const lines = sections.flatMap(([section, rows]) =>
    rows.length === 0 ? [] : [{ section }, ...rows],
  );
  // Debian's wrapper script complains on stderr about its own test; only the version matters.
  const chromium = execFileSync(
    process.env.KRING_E2E_CHROMIUM ?? '/usr/bin/chromium',
    ['--version'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  )
    .toString()
    .trim();
  const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromium}; load average ${load.toFixed(1)} at the start; ${minutes} min`;
  const table = [
    `Machine: ${machine}`,
    'One browser per peer, loopback only. p95 of fewer than 20 samples is their maximum.',
    '',
    renderTable(lines),
  ].join('\n');
  console.log(table);
  if (profile) console.log(`\n${profile}`);
  // KRING_BENCH_RESULTS: somewhere else, so that a partial run keeps the full run's files.
  const results = process.env.KRING_BENCH_RESULTS ?? 'bench/results';
  mkdirSync(results, { recursive: true });
  writeFileSync(
    `${results}/latest.json`,
    JSON.stringify({ machine, samples, bundle: bundle.sizes }, null, 2),
  );
  writeFileSync(`${results}/latest.md`, `${table}\n${profile ? `\n${profile}\n` : ''}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
