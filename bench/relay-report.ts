import type { RelayOptions } from './relay';
import type { ServerStats } from './relay-server';
import { fixed, type Line, ms, timingLine } from './report';
import { median, percentile } from './stats';

/**
 * The relay benchmark's rows (bench/relay.ts). Server figures are per instance, "1 / 2";
 * bytes are TCP bytes the instances read and wrote over the edit phase (WebSocket framing and
 * the presence and keep-alives of that time included), divided by the edits and receivers.
 */
export interface RelayResult {
  readonly options: RelayOptions;
  readonly joinMs: number;
  /** The holder adds the items in batches of 100, 500 ms apart → every device holds them. */
  readonly growMs: number;
  /** The updates the holder made while growing, and the relay payload sent meanwhile. */
  readonly grownBytes: number;
  readonly growthOut: number;
  /** Every (edit, Node device) latency. */
  readonly nodeLatencies: readonly number[];
  /** Browser A → browser B, per edit. */
  readonly browserLatencies: readonly number[];
  /** Per edit, the last receiver's latency: until it is visible everywhere. */
  readonly slowest: readonly number[];
  readonly editMs: number;
  readonly catchUp: readonly number[];
  /** Server stats with nobody connected, before and after the edits, and with all in. */
  readonly idle: readonly ServerStats[];
  readonly before: readonly ServerStats[];
  readonly after: readonly ServerStats[];
  readonly full: readonly ServerStats[];
}

const GOAL = 'p50 ≤ 50 ms, p95 ≤ 200 ms';
const perInstance = (values: readonly number[], format: (value: number) => string) =>
  values.map(format).join(' / ');
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const bytes = (value: number) => `${fixed(value, 0)} B`;
const megabytes = (value: number) => `${fixed(value / 2 ** 20, 1)} MB`;

function latencyLine(measurement: string, samples: readonly number[]): Line {
  const line = timingLine(measurement, samples, ms, { goal: GOAL });
  const met = median(samples) <= 50 && percentile(samples, 95) <= 200;
  return { ...line, met };
}

export function relayLines(result: RelayResult): { lines: Line[]; samples: object } {
  const { options, before, after, full, idle } = result;
  const { peers, edits } = options;
  const receivers = peers + 1;
  const delta = (pick: (stats: ServerStats) => number) =>
    after.map((stats, i) => pick(stats) - pick(before[i] as ServerStats));
  const cpu = delta((s) => s.cpuMs);
  const bytesIn = sum(delta((s) => s.bytesIn));
  const bytesOut = sum(delta((s) => s.bytesOut));
  const framesIn = sum(delta((s) => s.relay.framesIn));
  const payloadOut = sum(delta((s) => s.relay.bytesOut));
  const connections = full.map((s) => s.relay.connections + s.connections);
  const perHundred = full.map(
    (s, i) =>
      ((s.rss - (idle[i] as ServerStats).rss) / Math.max(1, connections[i] as number)) * 100,
  );
  const lines: Line[] = [
    latencyLine(
      `edit in browser A → visible in browser B and all ${peers} Node devices (the last of them)`,
      result.slowest,
    ),
    latencyLine(`same, every (edit, Node device)`, result.nodeLatencies),
    latencyLine('same, browser A → browser B (opened from the other instance)', [
      ...result.browserLatencies,
    ]),
    {
      measurement: `${peers} Node devices join the room (${options.joiningAtOnce} at a time per process)`,
      median: ms(result.joinMs),
      p95: '',
      detail: `${options.processes} processes; the session has 1 item then`,
      n: 1,
    },
    {
      measurement: `${options.items} insights added (batches of 100, 500 ms apart) → on all ${peers} devices`,
      median: ms(result.growMs),
      p95: '',
      detail: `${options.chars} characters each; relay payload out meanwhile ${megabytes(result.growthOut)}, ${fixed(result.growthOut / (result.grownBytes * (peers - 1)), 1)}× the ${peers - 1} copies of the ${fixed(result.grownBytes / 1024, 0)} KB added`,
      n: 1,
    },
    timingLine(
      `late joiner, a fresh Node device: join → all ${options.items + 1} items`,
      result.catchUp.filter(Number.isFinite),
      ms,
      {
        detail: `${options.items} × ${options.chars} characters, alternating instances; ${
          result.catchUp.filter((value) => !Number.isFinite(value)).length
        } of ${result.catchUp.length} not caught up within 60 s`,
      },
    ),
    {
      measurement: 'server CPU over the edit phase, instance 1 / 2',
      median: perInstance(cpu, ms),
      p95: '',
      detail: `${perInstance(
        cpu.map((c) => (c / result.editMs) * 100),
        (v) => `${fixed(v, 0)} %`,
      )} of one core over ${fixed(result.editMs / 1000, 1)} s; ${fixed(sum(cpu) / edits, 2)} ms per edit in all`,
      n: edits,
    },
    {
      measurement: 'server memory (RSS) per 100 connections, instance 1 / 2',
      median: perInstance(perHundred, megabytes),
      p95: '',
      detail: `RSS ${perInstance(
        idle.map((s) => s.rss),
        megabytes,
      )} idle → ${perInstance(
        full.map((s) => s.rss),
        megabytes,
      )} with ${perInstance(connections, (c) => String(c))} connections`,
      n: 1,
    },
    {
      measurement: 'bytes in per edit (TCP, both instances)',
      median: bytes(bytesIn / edits),
      p95: '',
      detail: `${fixed(framesIn / edits, 1)} relay frames in per edit (bridged ones included)`,
      n: edits,
    },
    {
      measurement: `bytes out per edit per receiver (TCP, ${receivers} receivers)`,
      median: bytes(bytesOut / edits / receivers),
      p95: '',
      detail: `${bytes(bytesOut / edits)} per edit in all; relay payload ${bytes(payloadOut / edits / receivers)} per receiver`,
      n: edits,
    },
  ];
  return { lines, samples: { ...result, options: undefined } };
}
