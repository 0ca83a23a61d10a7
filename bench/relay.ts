import type { Page } from 'playwright-core';
import { formatRoomCode, generateRoomCode } from '../lib/room/code';
import { deriveRoomSecrets } from '../lib/room/keys';
import { closeAll, launchWebPeer, WEB_DIR, type WebPeer } from '../tests/e2e/harness';
import { joinFromLink, questionEditor } from './kring-driver';
import { editWithMarker, installVisibilityHook, seenAt } from './latency';
import {
  DevicesProcess,
  hasRedisServer,
  type Redis,
  ServerProcess,
  startRedis,
} from './relay-processes';
import { relayLines } from './relay-report';
import { relaySession } from './relay-session';
import type { Line } from './report';
import { until } from './wait';

/**
 * The relay at the size issue 10 is for: 2 signaling server instances (each a child process,
 * relay-server.ts) sharing a real redis-server, N devices running Kring's real relay channel
 * and sync layer in Node (relay-devices.ts; several processes, split evenly over the two
 * instances), and 2 browsers on the participants' web page, one opened from each instance (the
 * page uses the server that served it). The session says "Large group", so the pages find the
 * room on the relay. The devices join, the session grows to 1,000 items, the browsers join;
 * browser A types and we time until the edit is visible in browser B and in every Node
 * device; then a fresh Node device's catch-up on the 1,000-item session, the
 * servers' CPU over the edits and memory per connection, and the bytes on the wire per edit.
 */
export interface RelayOptions {
  readonly peers: number;
  readonly edits: number;
  readonly items: number;
  readonly chars: number;
  readonly lateJoins: number;
  readonly processes: number;
  /** Devices each process starts at once while the room fills (relay-devices.ts, `join`). */
  readonly joiningAtOnce: number;
}

const JOIN_MS = 90_000;
/** 200 devices joining (a small session) took 5–12 s here; a loaded machine gets headroom. */
const ROOM_JOIN_MS = 120_000;
const EDIT_MS = 10_000;
/** Between edits, so that each is its own update (typing makes several a second). */
const EDIT_GAP_MS = 100;

export async function relayBench(options: RelayOptions) {
  if (!hasRedisServer()) {
    const skipped: Line = {
      measurement: 'relay: skipped, redis-server is not installed (apt-get install redis-server)',
      median: '–',
      p95: '–',
      n: 0,
    };
    return { lines: [skipped], samples: {} };
  }
  let redis: Redis | undefined;
  const servers: ServerProcess[] = [];
  const devices: DevicesProcess[] = [];
  const browsers: WebPeer[] = [];
  try {
    redis = await startRedis();
    const url = redis.url;
    servers.push(...(await Promise.all([0, 1].map(() => ServerProcess.start(url, WEB_DIR)))));
    await until(
      async () =>
        (await Promise.all(servers.map((s) => s.stats()))).every((s) => s.bus === 'ready'),
      JOIN_MS,
      'both instances to reach Redis',
    );
    const idle = await Promise.all(servers.map((s) => s.stats(true)));

    const session = relaySession();
    const roomCode = generateRoomCode();
    // The page shows and links the grouped form, and derives the keys from the code itself.
    const code = formatRoomCode(roomCode);
    const secrets = await deriveRoomSecrets(roomCode);
    const base = {
      type: 'join',
      secrets,
      itemId: session.questionId,
      items: 1,
      atOnce: options.joiningAtOnce,
    } as const;
    const items = options.items + 1;
    const instanceOf = (device: number) => servers[device % 2] as ServerProcess;
    for (let i = 0; i < options.processes; i++) devices.push(new DevicesProcess());
    const late = new DevicesProcess();
    devices.push(late);
    const [first] = devices as [DevicesProcess];
    // The device that holds the session joins first: every later one finds it in the room.
    first.command({ ...base, urls: [instanceOf(0).url], seed: session.update });
    await first.next('ready', JOIN_MS);
    const joinStart = Date.now();
    await Promise.all(
      devices.slice(0, options.processes).map((child, index) => {
        const urls: string[] = [];
        for (let d = 1 + index; d < options.peers; d += options.processes)
          urls.push(instanceOf(d).url);
        child.command({ ...base, urls });
        return child.next('ready', ROOM_JOIN_MS).then(({ joinMs }) => {
          console.error(
            `bench: relay: process ${index + 1}: ${urls.length} devices in ${joinMs} ms`,
          );
        });
      }),
    );
    const joinMs = Date.now() - joinStart;
    console.error(`bench: relay: ${options.peers} Node devices in the room (${joinMs} ms)`);
    // The session grows to its size with everyone in, as over an evening: 200 devices joining a
    // 1,000-item session within seconds mostly ask each other while still empty, and the
    // broadcasts that heals with (relay-devices.ts, `join`) took minutes here.
    const beforeGrowth = await Promise.all(servers.map((s) => s.stats()));
    first.command({
      type: 'grow',
      items: options.items,
      chars: options.chars,
      batch: 100,
      gapMs: 500,
    });
    const { bytes: grownBytes } = await first.next('grown', JOIN_MS);
    const holding = devices.slice(0, options.processes).map((child) => {
      child.command({ type: 'hold', items });
      return child.next('holding', JOIN_MS);
    });
    await Promise.all(holding);
    const growMs = Date.now() - joinStart - joinMs;
    // The relay-stats line lags by up to 100 ms.
    await new Promise((done) => setTimeout(done, 300));
    const afterGrowth = await Promise.all(servers.map((s) => s.stats()));
    const growthOut = afterGrowth.reduce(
      (sum, s, i) => sum + s.relay.bytesOut - (beforeGrowth[i]?.relay.bytesOut ?? 0),
      0,
    );
    console.error(`bench: relay: every device holds ${items} items (${growMs} ms)`);

    for (const [index, server] of servers.entries()) {
      const peer = await launchWebPeer(`relay-${index ? 'b' : 'a'}`);
      browsers.push(peer);
      try {
        await joinFromLink(peer.page, `http://127.0.0.1:${server.port}/#${code}`);
        await peer.page
          .getByRole('status', { name: 'Connection', exact: true })
          .filter({ hasText: 'through the server' })
          .waitFor({ timeout: JOIN_MS });
      } catch (error) {
        const results = process.env.KRING_BENCH_RESULTS ?? 'bench/results';
        await peer.page.screenshot({ path: `${results}/relay-join-failure.png` }).catch(() => {});
        throw error;
      }
    }
    const [writer, reader] = browsers.map((b) => b.page) as [Page, Page];
    await installVisibilityHook(reader);

    // Edit → visible: every Node process reports a marker once all its devices have it.
    const seen = new Map<string, number[]>();
    const offs = devices.slice(0, options.processes).map((child) =>
      child.on((reply) => {
        if (reply.type === 'seen')
          seen.set(reply.id, [...(seen.get(reply.id) ?? []), ...reply.times]);
      }),
    );
    const before = await Promise.all(servers.map((s) => s.stats()));
    const editStart = Date.now();
    const nodeLatencies: number[] = [];
    const browserLatencies: number[] = [];
    const slowest: number[] = [];
    for (let id = 1; id <= options.edits; id++) {
      const start = await editWithMarker(questionEditor(writer), id);
      let browserAt: number | null = null;
      await until(
        async () => {
          browserAt ??= await seenAt(reader, id);
          return browserAt !== null && (seen.get(String(id))?.length ?? 0) >= options.peers;
        },
        EDIT_MS,
        `edit ${id} to reach browser B and ${options.peers} Node devices`,
        5,
      );
      const node = (seen.get(String(id)) ?? []).map((at) => at - start);
      const browser = (browserAt ?? Number.NaN) - start;
      nodeLatencies.push(...node);
      browserLatencies.push(browser);
      slowest.push(Math.max(browser, ...node));
      await new Promise((done) => setTimeout(done, EDIT_GAP_MS));
    }
    const editMs = Date.now() - editStart;
    for (const off of offs) off();
    // The last relay-stats line lags by up to 100 ms.
    await new Promise((done) => setTimeout(done, 300));
    const after = await Promise.all(servers.map((s) => s.stats()));
    console.error('bench: relay: edits done');

    const catchUp: number[] = [];
    for (let run = 0; run < options.lateJoins; run++) {
      late.command({
        type: 'late',
        url: instanceOf(run).url,
        secrets,
        items,
        timeoutMs: 60_000,
      });
      // A timed-out join is NaN, which IPC's JSON turns into null.
      catchUp.push((await late.next('late', 65_000)).ms ?? Number.NaN);
    }
    const full = await Promise.all(servers.map((s) => s.stats(true)));
    return relayLines({
      options,
      joinMs,
      growMs,
      grownBytes,
      growthOut,
      nodeLatencies,
      browserLatencies,
      slowest,
      editMs,
      catchUp,
      idle,
      before,
      after,
      full,
    });
  } finally {
    await closeAll(browsers);
    await Promise.all(devices.map((child) => child.leave()));
    await Promise.all(servers.map((server) => server.close()));
    await redis?.close();
  }
}
