import type { Page } from 'playwright-core';
import { closeAll, launchPeer, type Peer } from '../tests/e2e/harness';
import { MESH_MS } from './edit-latency';
import { joinBenchSession, questionEditor, startBenchSession } from './kring-driver';
import { installVisibilityHook, measureLatency } from './latency';
import { launchRawPeer, type RawPeer } from './raw-peers';
import { fixed, type Line, ms } from './report';
import { median, percentile } from './stats';
import { until } from './wait';

/**
 * Messages and bytes per edit on the WebRTC data channels (issue 10), Kring's side panels
 * against raw y-webrtc with a password (as Kring's rooms always have), at each mesh size, with
 * the edit → visible latency of the same runs. Every page's `RTCDataChannel.prototype.send` is
 * wrapped once the mesh is up, so only the edit phase counts (presence included: it is part of
 * what an edit costs). Kring sends an edit once to each peer (N − 1); y-webrtc also sends every
 * update it receives on to all of its peers, so its count grows with N². Bytes lean against
 * the raw page: it replaces its whole (short) text on each edit (bench/pages/raw.ts), where
 * Kring's editor sends the inserted characters only.
 */
interface Traffic {
  readonly messages: number;
  readonly bytes: number;
}

interface Run extends Traffic {
  readonly latencies: number[];
}

async function countSends(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as { benchSent?: { messages: number; bytes: number } };
    if (scope.benchSent) return;
    const sent = { messages: 0, bytes: 0 };
    scope.benchSent = sent;
    const encoder = new TextEncoder();
    const send = RTCDataChannel.prototype.send;
    // Replaced on the prototype: channels opened before this still look `send` up there.
    RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: never) {
      sent.messages += 1;
      const value = data as string | Blob | ArrayBuffer | ArrayBufferView;
      sent.bytes +=
        typeof value === 'string'
          ? encoder.encode(value).length
          : value instanceof Blob
            ? value.size
            : value.byteLength;
      return send.call(this, data);
    };
  });
}

async function sent(pages: readonly Page[]): Promise<Traffic> {
  const counts = await Promise.all(
    pages.map((page) =>
      page.evaluate(
        () =>
          (globalThis as unknown as { benchSent: { messages: number; bytes: number } }).benchSent,
      ),
    ),
  );
  return {
    messages: counts.reduce((sum, c) => sum + c.messages, 0),
    bytes: counts.reduce((sum, c) => sum + c.bytes, 0),
  };
}

/** Counts every page's sends over `edits` edits by `writer`, received by the other pages. */
async function measure(writer: Page, write: () => Promise<number[]>, pages: readonly Page[]) {
  for (const page of pages) {
    if (page !== writer) await installVisibilityHook(page);
    await countSends(page);
  }
  const before = await sent(pages);
  const latencies = await write();
  // Whatever an edit set off (y-webrtc's forwarding) lands within a few ms on loopback.
  await new Promise((done) => setTimeout(done, 300));
  const after = await sent(pages);
  return {
    latencies,
    messages: after.messages - before.messages,
    bytes: after.bytes - before.bytes,
  };
}

async function kringRun(peers: number, edits: number): Promise<Run> {
  const launched: Peer[] = [];
  try {
    const facilitator = await launchPeer('mesh-facilitator');
    launched.push(facilitator);
    const code = await startBenchSession(facilitator.page);
    for (let i = 1; i < peers; i++) {
      const peer = await launchPeer(`mesh-p${i}`);
      launched.push(peer);
      await joinBenchSession(peer.page, code);
    }
    await until(
      async () =>
        (await Promise.all(launched.map((p) => p.connections()))).every(
          (c) => c.webrtc === peers - 1,
        ),
      MESH_MS,
      `a full mesh of ${peers} Kring peers`,
    );
    const pages = launched.map((p) => p.page);
    const receivers = pages.slice(1);
    return await measure(
      facilitator.page,
      () => measureLatency(questionEditor(facilitator.page), receivers, edits),
      pages,
    );
  } finally {
    await closeAll(launched);
  }
}

async function rawRun(peers: number, url: string, edits: number): Promise<Run> {
  const launched: RawPeer[] = [];
  try {
    const room = `mesh-${peers}-${Date.now()}`;
    for (let i = 0; i < peers; i++) {
      launched.push(
        await launchRawPeer(
          `${url}?room=${room}&signaling=ws://127.0.0.1:4444&password=bench-password`,
        ),
      );
    }
    const pages = launched.map((p) => p.page);
    await until(
      async () =>
        (
          await Promise.all(
            pages.map((page) =>
              page.evaluate(
                () =>
                  (
                    globalThis as unknown as { bench: { connections(): { webrtc: number } } }
                  ).bench.connections().webrtc,
              ),
            ),
          )
        ).every((webrtc) => webrtc === peers - 1),
      MESH_MS,
      `a full mesh of ${peers} raw peers`,
    );
    const [writer, ...receivers] = pages as [Page, ...Page[]];
    return await measure(
      writer,
      () => measureLatency(writer.locator('textarea'), receivers, edits),
      pages,
    );
  } finally {
    await Promise.allSettled(launched.map((p) => p.close()));
  }
}

export interface MeshMessagesOptions {
  readonly peerCounts: readonly number[];
  readonly edits: number;
  readonly rawUrl: string;
}

const perEdit = (run: Run, edits: number) =>
  `${fixed(run.messages / edits, 1)} msg / ${fixed(run.bytes / edits, 0)} B`;
const latency = (run: Run) =>
  `edit → visible p50 ${ms(median(run.latencies))}, p95 ${ms(percentile(run.latencies, 95))}`;

export async function meshMessages(options: MeshMessagesOptions) {
  const { edits } = options;
  const lines: Line[] = [];
  const samples: Record<string, Run> = {};
  for (const peers of options.peerCounts) {
    const kring = await kringRun(peers, edits);
    const raw = await rawRun(peers, options.rawUrl, edits);
    samples[`kring-${peers}`] = kring;
    samples[`raw-password-${peers}`] = raw;
    lines.push(
      {
        measurement: `${peers} peers: Kring (side panels), data-channel messages / bytes per edit`,
        median: perEdit(kring, edits),
        p95: '',
        detail: `N − 1 = ${peers - 1}; ${latency(kring)}`,
        n: edits,
      },
      {
        measurement: `${peers} peers: raw y-webrtc + password, same`,
        median: perEdit(raw, edits),
        p95: '',
        detail: `Kring/raw messages ${fixed(kring.messages / raw.messages, 2)}, bytes ${fixed(kring.bytes / raw.bytes, 2)}; ${latency(raw)}`,
        n: edits,
      },
    );
    console.error(`bench: mesh messages at ${peers} peers done`);
  }
  return { lines, samples };
}
