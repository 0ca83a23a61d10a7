import { fakeRoomSecrets } from '../helpers/relay-ciphers';
import { hasRedisServer, sleep, startCluster, waitFor, within } from './cluster';
import { FAULTS, type FaultName, type FaultTimings } from './faults';
import { LiveRoom } from './room';

/**
 * The relay fault suite (issue 10): one room of real Kring devices (relay channel + sync layer,
 * tests/helpers/relay-peer.ts) spread over two server instances that share a real Redis, hit
 * by each fault in turn while every device keeps writing items. Per fault it counts the items
 * lost (written anywhere, missing on some device once the room has converged: must be 0) and
 * the time from the fault's end until every device holds every item. The unit test runs it
 * short (tests/unit/relay-faults.test.ts); `npm run faults` runs it long (cli.ts).
 */

export type { FaultName };
export { hasRedisServer };

export interface FaultSuiteOptions {
  /** Devices in the room at the start, split over the instances. */
  readonly devices: number;
  /** Items each device writes per fault: half before it starts, half while it lasts. */
  readonly itemsPerDevice: number;
  /** Times the whole list of faults runs, on the same room. */
  readonly rounds: number;
  /** Milliseconds the room may take to converge after a fault before its misses count as lost. */
  readonly convergeTimeoutMs?: number;
  readonly timings?: Partial<FaultTimings>;
  /** Milliseconds one step of a fault (setting it off, undoing it) may take; then the run
   *  stops with FaultSuiteStopped. Default 60 s. */
  readonly stepTimeoutMs?: number;
  /** Called with each result as it is measured (the CLI shows progress). */
  readonly onResult?: (result: FaultResult) => void;
  /** Called as each fault starts and ends, naming it (progress while a long run waits). */
  readonly onProgress?: (what: string) => void;
}

export interface FaultResult {
  readonly fault: FaultName;
  readonly round: number;
  /** Items written from just before the fault until its end. */
  readonly itemsWritten: number;
  /** Items written anywhere (in this fault or before) that some device lacks after the wait,
   *  not already counted as lost by an earlier fault. */
  readonly itemsLost: number;
  /** From the fault's end until every device held every item; null: not within the timeout. */
  readonly convergeMs: number | null;
  /** Bytes of frames channels refused from the fault's start until convergence (LiveRoom). */
  readonly refusedBytes: number;
}

const DEFAULT_TIMINGS: FaultTimings = {
  dropMs: 500,
  offlineMs: 3_000,
  refreshMs: 300,
  leftMs: 500,
  serverDownMs: 1_000,
  redisDownMs: 2_000,
};

/** A run that stopped because a step hung: what was measured before it, and which step. */
export class FaultSuiteStopped extends Error {
  constructor(
    message: string,
    readonly results: readonly FaultResult[],
  ) {
    super(message);
  }
}

/**
 * Items a second the whole room writes, at most. People type an idea every few seconds; a
 * faster pace in one Node process that hosts every device would measure its CPU (each device
 * decrypts every frame), not how the room recovers from the fault.
 */
const ROOM_ITEMS_PER_SECOND = 100;
/** Milliseconds between two writes of every device, and never less. */
const MIN_WRITE_GAP_MS = 50;

export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultResult[]> {
  const timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const convergeTimeoutMs = options.convergeTimeoutMs ?? 60_000;
  const stepMs = options.stepTimeoutMs ?? 60_000;
  const share = Math.max(1, Math.floor(options.devices / 10));
  const before = Math.ceil(options.itemsPerDevice / 2);
  const during = options.itemsPerDevice - before;
  const gapMs = Math.max(MIN_WRITE_GAP_MS, (options.devices * 1000) / ROOM_ITEMS_PER_SECOND);
  const cluster = await startCluster(2);
  const room = new LiveRoom(cluster, fakeRoomSecrets(`faults-${Date.now()}`));
  const results: FaultResult[] = [];
  const lost = new Set<string>();
  try {
    for (let i = 0; i < options.devices; i++) room.join(i % cluster.slots);
    await waitFor(() => room.allInRoom(), 'every device is in the room', 60_000);
    for (let round = 1; round <= options.rounds; round++) {
      for (const fault of FAULTS) {
        const writtenBefore = room.written.size;
        for (let n = 0; n < before; n++) {
          room.writeAll();
          await sleep(gapMs);
        }
        const refusedBefore = room.refused.bytes;
        const step = `round ${round}, ${fault.name}`;
        options.onProgress?.(`${step}: starts`);
        const { holdMs, end } = await within(
          fault.start({ room, cluster, timings, share, round }),
          stepMs,
          `${step}, setting the fault off`,
        );
        // The room keeps writing while the fault lasts (the cut-off devices too), spread over
        // at least holdMs at the room's pace.
        const heldUntil = Date.now() + holdMs;
        for (let n = 0; n < during; n++) {
          room.writeAll();
          await sleep(Math.max(gapMs, holdMs / during));
        }
        await sleep(heldUntil - Date.now());
        await within(end(), stepMs, `${step}, ending the fault`);
        options.onProgress?.(`${step}: ended, the room converges`);
        const endedAt = Date.now();
        const convergeMs = await convergence(room, convergeTimeoutMs, endedAt);
        if (convergeMs === null) {
          const lagging = room.lagging();
          const away = lagging.filter((d) => !d.inRoom).length;
          options.onProgress?.(
            `${step}: not converged; ${lagging.length} devices lack items (${away} not in the ` +
              `room): ${lagging.map((d) => `${d.name} lacks ${d.lacks}`).join(', ')}`,
          );
        }
        const missing = [...room.missing()].filter((key) => !lost.has(key));
        for (const key of missing) lost.add(key);
        const result: FaultResult = {
          fault: fault.name,
          round,
          itemsWritten: room.written.size - writtenBefore,
          itemsLost: missing.length,
          convergeMs,
          refusedBytes: room.refused.bytes - refusedBefore,
        };
        results.push(result);
        options.onResult?.(result);
      }
    }
    return results;
  } catch (error) {
    throw new FaultSuiteStopped(error instanceof Error ? error.message : String(error), results);
  } finally {
    for (const device of [...room.devices]) room.leave(device);
    await within(cluster.stop(), stepMs, 'stopping the instances and Redis');
  }
}

async function convergence(room: LiveRoom, timeoutMs: number, since: number) {
  try {
    await waitFor(() => room.converged(), 'every device holds every item', timeoutMs);
    return Date.now() - since;
  } catch {
    return null;
  }
}
