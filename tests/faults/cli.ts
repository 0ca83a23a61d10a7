import { parseArgs } from 'node:util';
import { killSpawnedRedis } from './cluster';
import { type FaultResult, FaultSuiteStopped, hasRedisServer, runFaultSuite } from './relay-faults';

/**
 * `npm run faults`: the long form of the relay fault suite (relay-faults.ts), by default 40
 * devices over two instances and Redis, 20 items each per fault, three rounds; all on
 * 127.0.0.1. Prints one Markdown table; exits 1 when an item was lost, a fault did not
 * converge, or redis-server is missing. `-- --devices 10 --items 6 --rounds 1` for a quick look.
 */

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '40' },
    items: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
  },
});
const count = (text: string, name: string) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 200) {
    throw new RangeError(`--${name} must be a whole number from 1 to 200`);
  }
  return value;
};

if (!hasRedisServer()) {
  console.error(
    'redis-server is not installed: the fault suite needs a real Redis (Debian: apt-get install redis-server).',
  );
  process.exit(1);
}

// Interrupted: no redis-server may outlive the run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killSpawnedRedis();
    process.exit(130);
  });
}

const devices = count(values.devices, 'devices');
const itemsPerDevice = count(values.items, 'items');
const rounds = count(values.rounds, 'rounds');
console.error(`${devices} devices, ${itemsPerDevice} items each per fault, ${rounds} round(s)`);
const started = Date.now();
let stopped = '';
const results = await runFaultSuite({
  devices,
  itemsPerDevice,
  rounds,
  onProgress: (what) => console.error(`${new Date().toISOString().slice(11, 19)} ${what}`),
  onResult: (r) =>
    console.error(
      `round ${r.round}, ${r.fault}: ${r.itemsWritten} written, ${r.itemsLost} lost, ` +
        `converged ${r.convergeMs === null ? 'never' : `in ${r.convergeMs} ms`}, ` +
        `${(r.refusedBytes / 1e6).toFixed(1)} MB of frames refused by channels`,
    ),
}).catch((error: unknown) => {
  if (!(error instanceof FaultSuiteStopped)) throw error;
  stopped = error.message;
  return [...error.results];
});
console.log(table(results));
const refused = results.reduce((sum, r) => sum + r.refusedBytes, 0);
console.log(
  `\nFrames the sync layer sent that channels refused (no socket, or a peer not routed to): ` +
    `${(refused / 1e6).toFixed(1)} MB over the run.`,
);
if (stopped) console.log(`\n**The run stopped**: ${stopped}.`);
console.log(
  `\n${devices} devices on 2 instances + Redis, ${itemsPerDevice} items per device per fault, ` +
    `${rounds} round(s); ${Math.round((Date.now() - started) / 1000)} s in all.`,
);
const passed = !stopped && results.every((r) => r.itemsLost === 0 && r.convergeMs !== null);
process.exit(passed ? 0 : 1);

function table(all: readonly FaultResult[]): string {
  const rows = ['| fault | items written | items lost | time to converge p50 / max |'];
  rows.push('| --- | ---: | ---: | ---: |');
  for (const fault of [...new Set(all.map((r) => r.fault))]) {
    const runs = all.filter((r) => r.fault === fault);
    const times = runs.map((r) => r.convergeMs ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
    const written = runs.reduce((sum, r) => sum + r.itemsWritten, 0);
    const lost = runs.reduce((sum, r) => sum + r.itemsLost, 0);
    const p50 = times[Math.floor((times.length - 1) / 2)] ?? Number.NaN;
    const max = times[times.length - 1] ?? Number.NaN;
    rows.push(`| ${fault} | ${written} | ${lost} | ${ms(p50)} / ${ms(max)} |`);
  }
  return rows.join('\n');
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return 'not converged';
  return value < 1_000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`;
}
