import { closeAll, launchPeer, type Peer } from '../tests/e2e/harness';
import { joinBenchSession, questionEditor, startBenchSession } from './kring-driver';
import { installVisibilityHook, measureLatency } from './latency';
import { launchRawPeer, type RawPeer } from './raw-peers';
import { fixed, type Line, ms } from './report';
import { median, percentile } from './stats';
import { until } from './wait';

/**
 * Edit → visible latency for Kring (the side panel in the built extension) and for raw
 * y-webrtc (with and without a password, which Kring's rooms always have), at several mesh
 * sizes, interleaved round by round so that a noisy minute hits all alike.
 */
export const MESH_MS = 60_000;

export interface Run {
  readonly latencies: number[];
  readonly meshMs: number;
}

async function kringRun(peers: number, edits: number): Promise<Run & { joins: number[] }> {
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
    const latencies = await measureLatency(questionEditor(facilitator.page), receivers, edits);
    return { latencies, meshMs, joins };
  } finally {
    await closeAll(launched);
  }
}

/** `peers` raw y-webrtc pages in one room; the first one writes. */
export async function rawRun(
  peers: number,
  url: string,
  password: string | null,
  edits: number,
): Promise<Run> {
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
    const latencies = await measureLatency(writer.page.locator('textarea'), receivers, edits);
    return { latencies, meshMs };
  } finally {
    await Promise.allSettled(launched.map((p) => p.close()));
  }
}

export interface EditLatencyOptions {
  readonly peerCounts: readonly number[];
  readonly edits: number;
  readonly rounds: number;
  /** Joins to collect in all; missing ones come from an extra Kring run. */
  readonly joins: number;
  readonly rawUrl: string;
}

export interface EditLatencyResult {
  readonly lines: Line[];
  readonly joins: number[];
  readonly samples: Record<string, unknown>;
  /** Raw y-webrtc latencies by mesh size, for other sections to compare with. */
  readonly raw: Map<number, number[]>;
}

function latencyLine(label: string, samples: readonly number[], detail = ''): Line {
  return {
    measurement: label,
    median: ms(median(samples)),
    p95: ms(percentile(samples, 95)),
    detail,
    n: samples.length,
  };
}

export async function editLatency(options: EditLatencyOptions): Promise<EditLatencyResult> {
  const { edits, rounds, rawUrl } = options;
  const lines: Line[] = [];
  const samples: Record<string, unknown> = {};
  const raw = new Map<number, number[]>();
  const joins: number[] = [];
  for (const peers of options.peerCounts) {
    const kring: Run & { joins: number[] } = { latencies: [], meshMs: 0, joins: [] };
    const plain: Run = { latencies: [], meshMs: 0 };
    const encrypted: Run = { latencies: [], meshMs: 0 };
    for (let round = 0; round < rounds; round++) {
      const k = await kringRun(peers, edits);
      kring.latencies.push(...k.latencies);
      kring.joins.push(...k.joins);
      plain.latencies.push(...(await rawRun(peers, rawUrl, null, edits)).latencies);
      // Kring always gives its rooms a password, which makes y-webrtc encrypt signaling and
      // BroadcastChannel traffic; the same password in the baseline isolates the cost of
      // Kring's own code from that of the y-webrtc feature.
      encrypted.latencies.push(...(await rawRun(peers, rawUrl, 'bench-password', edits)).latencies);
    }
    joins.push(...kring.joins);
    raw.set(peers, plain.latencies);
    samples[`kring-${peers}`] = kring;
    samples[`raw-${peers}`] = plain;
    samples[`raw-password-${peers}`] = encrypted;
    const k = median(kring.latencies);
    const ratios = `Kring/raw ${fixed(k / median(plain.latencies), 2)}, Kring/(raw + password) ${fixed(k / median(encrypted.latencies), 2)}`;
    lines.push(
      latencyLine(`${peers} peers: Kring (side panels)`, kring.latencies, ratios),
      latencyLine(`${peers} peers: raw y-webrtc`, plain.latencies),
      latencyLine(`${peers} peers: raw y-webrtc + password`, encrypted.latencies),
    );
    console.error(`bench: edit → visible at ${peers} peers done`);
  }
  // More joins for a steadier median, each a fresh browser joining a running session.
  if (joins.length < options.joins) {
    // Its edits are not reported: one is enough to prove the peers are in the room.
    const extra = await kringRun(Math.max(2, options.joins + 1 - joins.length), 1);
    joins.push(...extra.joins);
  }
  return { lines, joins, samples, raw };
}
