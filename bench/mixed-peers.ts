import { type Browsing, closeAll, launchPeer, launchWebPeer, WEB_URL } from '../tests/e2e/harness';
import { MESH_MS, type Run, rawRun } from './edit-latency';
import { joinFromLink, questionEditor, startBenchSession } from './kring-driver';
import { installVisibilityHook, measureLatency } from './latency';
import { fixed, type Line, ms } from './report';
import { median, percentile } from './stats';
import { until } from './wait';

/**
 * Edit → visible with mixed peers (issue 7): the facilitator's side panel writes, four
 * participants on the web page (phone-sized, not slowed down: this compares sync paths, not
 * phones) receive, each in a Chromium of its own. Its baseline is raw y-webrtc with 5 peers,
 * run interleaved with it round by round.
 */
async function mixedRun(webPeers: number, edits: number): Promise<Run> {
  const launched: Browsing[] = [];
  try {
    const facilitator = await launchPeer('mixed-host');
    launched.push(facilitator);
    const code = await startBenchSession(facilitator.page);
    const web = [];
    for (let i = 0; i < webPeers; i++) {
      const peer = await launchWebPeer(`web${i + 1}`, { mobile: true });
      launched.push(peer);
      web.push(peer);
      await joinFromLink(peer.page, `${WEB_URL}#${code}`);
    }
    const everyone = [facilitator, ...web];
    const meshMs = await until(
      async () =>
        (await Promise.all(everyone.map((p) => p.connections()))).every(
          (c) => c.webrtc === webPeers && c.broadcast === 0,
        ),
      MESH_MS,
      `a full mesh of 1 panel and ${webPeers} web pages`,
    );
    const receivers = web.map((p) => p.page);
    for (const page of receivers) await installVisibilityHook(page);
    const latencies = await measureLatency(questionEditor(facilitator.page), receivers, edits);
    return { latencies, meshMs };
  } finally {
    await closeAll(launched);
  }
}

export interface MixedOptions {
  readonly webPeers: number;
  readonly edits: number;
  readonly rounds: number;
  readonly rawUrl: string;
}

export async function mixedPeers(options: MixedOptions) {
  const peers = options.webPeers + 1;
  const mixed: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    mixed.push(...(await mixedRun(options.webPeers, options.edits)).latencies);
    raw.push(...(await rawRun(peers, options.rawUrl, null, options.edits)).latencies);
  }
  console.error('bench: mixed peers done');
  const ratio = median(mixed) / median(raw);
  const lines: Line[] = [
    {
      measurement: `1 panel + ${options.webPeers} web pages: Kring`,
      median: ms(median(mixed)),
      p95: ms(percentile(mixed, 95)),
      detail: `Kring/raw ${fixed(ratio, 2)} (raw y-webrtc, ${peers} peers, the next row, same rounds)`,
      goal: 'ratio not worse than side panels only',
      n: mixed.length,
    },
    {
      measurement: `${peers} peers: raw y-webrtc (interleaved with the row above)`,
      median: ms(median(raw)),
      p95: ms(percentile(raw, 95)),
      n: raw.length,
    },
  ];
  return { lines, samples: { mixed, raw }, ratio };
}
