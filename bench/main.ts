import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import {
  closeAll,
  EXTENSION_DIR,
  launchPeer,
  type Peer,
  startSignaling,
} from '../tests/e2e/harness';
import { allJs, sidePanelJs } from './bundle';
import { joinBenchSession, questionEditor, startBenchSession } from './kring-driver';
import { installVisibilityHook, measureLatency } from './latency';
import { launchRawPeer, type RawPeer, serveRawPage } from './raw-peers';
import { median, percentile } from './stats';

/**
 * `npm run bench` (bench/run.sh): in a loopback-only network namespace, with the real signaling
 * server, measures edit → visible latency for Kring and for raw y-webrtc at 2, 5 and 10 peers
 * in the same run, the time from "Join" to the session on screen, and the side panel's
 * JavaScript size. Prints a table; raw samples go to bench/results/latest.json.
 */
const PEER_COUNTS = (process.env.KRING_BENCH_PEERS ?? '2,5,10').split(',').map(Number);
const EDITS = Number(process.env.KRING_BENCH_EDITS ?? 50);
const JOINS = Number(process.env.KRING_BENCH_JOINS ?? 5);
/** Each configuration runs this many times, interleaved, so a noisy minute hits all alike. */
const ROUNDS = Number(process.env.KRING_BENCH_ROUNDS ?? 2);
const MESH_MS = 60_000;

async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return Date.now() - start;
}

interface Run {
  readonly latencies: number[];
  readonly meshMs: number;
}

async function kringRun(peers: number): Promise<Run & { joins: number[] }> {
  const launched: Peer[] = [];
  try {
    const facilitator = await launchPeer('facilitator');
    launched.push(facilitator);
    const code = await startBenchSession(facilitator.page);
    const joins: number[] = [];
    for (let i = 1; i < peers; i++) {
      const peer = await launchPeer(`p${i}`);
      launched.push(peer);
      joins.push(await joinBenchSession(peer.page, code));
    }
    const meshMs = await until(
      async () =>
        (await Promise.all(launched.map((p) => p.connections()))).every(
          (c) => c.webrtc === peers - 1 && c.broadcast === 0,
        ),
      MESH_MS,
      `a full mesh of ${peers} Kring peers`,
    );
    const receivers = launched.slice(1).map((p) => p.page);
    for (const page of receivers) await installVisibilityHook(page);
    const latencies = await measureLatency(questionEditor(facilitator.page), receivers, EDITS);
    return { latencies, meshMs, joins };
  } finally {
    await closeAll(launched);
  }
}

async function rawRun(peers: number, url: string, password: string | null): Promise<Run> {
  const launched: RawPeer[] = [];
  try {
    const room = `bench-${peers}-${Date.now()}`;
    for (let i = 0; i < peers; i++) {
      const secret = password === null ? '' : `&password=${encodeURIComponent(password)}`;
      launched.push(
        await launchRawPeer(`${url}?room=${room}&signaling=ws://127.0.0.1:4444${secret}`),
      );
    }
    const meshMs = await until(
      async () =>
        (
          await Promise.all(
            launched.map((p) =>
              p.page.evaluate(() =>
                (
                  globalThis as unknown as { bench: { connections(): { webrtc: number } } }
                ).bench.connections(),
              ),
            ),
          )
        ).every((c) => c.webrtc === peers - 1),
      MESH_MS,
      `a full mesh of ${peers} raw peers`,
    );
    const [writer, ...others] = launched;
    if (!writer) throw new Error('no raw peers');
    const receivers = others.map((p) => p.page);
    for (const page of receivers) await installVisibilityHook(page);
    const latencies = await measureLatency(writer.page.locator('textarea'), receivers, EDITS);
    return { latencies, meshMs };
  } finally {
    await Promise.allSettled(launched.map((p) => p.close()));
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

async function main(): Promise<void> {
  const signaling = await startSignaling();
  const raw = await serveRawPage(8123);
  const rows: string[] = [];
  const samples: Record<string, unknown> = {};
  const joins: number[] = [];
  try {
    for (const peers of PEER_COUNTS) {
      const kring: Run & { joins: number[] } = { latencies: [], meshMs: 0, joins: [] };
      const plain: Run = { latencies: [], meshMs: 0 };
      const encrypted: Run = { latencies: [], meshMs: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const k = await kringRun(peers);
        kring.latencies.push(...k.latencies);
        kring.joins.push(...k.joins);
        plain.latencies.push(...(await rawRun(peers, raw.url, null)).latencies);
        // Kring always gives y-webrtc a password, which makes y-webrtc encrypt every update it
        // also sends over BroadcastChannel; the same password in the baseline isolates the cost
        // of Kring's own code from that of the y-webrtc feature it uses.
        encrypted.latencies.push(...(await rawRun(peers, raw.url, 'bench-password')).latencies);
      }
      joins.push(...kring.joins);
      samples[`kring-${peers}`] = kring;
      samples[`raw-${peers}`] = plain;
      samples[`raw-password-${peers}`] = encrypted;
      const k = median(kring.latencies);
      rows.push(
        `| ${peers} | ${ms(k)} / ${ms(percentile(kring.latencies, 95))} | ${ms(median(plain.latencies))} / ${ms(percentile(plain.latencies, 95))} | ${ms(median(encrypted.latencies))} / ${ms(percentile(encrypted.latencies, 95))} | ${(k / median(plain.latencies)).toFixed(2)} | ${(k / median(encrypted.latencies)).toFixed(2)} | ${kring.latencies.length} |`,
      );
      console.error(`bench: ${peers} peers done`);
    }
    // More joins for a steadier median, each a fresh browser joining a running session.
    const extra = await kringRun(Math.max(2, JOINS + 1 - joins.length));
    joins.push(...extra.joins);
  } finally {
    await raw.close();
    await signaling.close();
  }

  const bundle = sidePanelJs(EXTENSION_DIR);
  const chromium = execFileSync(process.env.KRING_E2E_CHROMIUM ?? '/usr/bin/chromium', [
    '--version',
  ])
    .toString()
    .trim();
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromium}`;
  const table = [
    `Machine: ${machine}`,
    `Edit → visible latency, ms (${ROUNDS} interleaved rounds × ${EDITS} sequential edits × receivers; one browser per peer, loopback)`,
    '',
    '| peers | Kring median / p95 | raw y-webrtc median / p95 | raw + password median / p95 | Kring/raw | Kring/(raw + password) | samples |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Join (click "Join" → session on screen): median ${ms(median(joins))} ms, p95 ${ms(percentile(joins, 95))} ms over ${joins.length} joins`,
    `Side panel JavaScript: ${(bundle.gzip / 1024).toFixed(1)} KB gzipped (${(bundle.raw / 1024).toFixed(1)} KB raw, ${bundle.files} file(s)); all extension JS ${(allJs(EXTENSION_DIR) / 1024).toFixed(1)} KB gzipped`,
  ].join('\n');
  console.log(table);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/latest.json',
    JSON.stringify({ machine, samples, joins, bundle }, null, 2),
  );
  writeFileSync('bench/results/latest.md', `${table}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
