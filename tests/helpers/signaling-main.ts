import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { onTestFinished } from 'vitest';
import { within } from './signaling';

/** Milliseconds to start tsx and the server: a cold tsx start takes about a second here. */
export const START_MS = 15_000;

export interface MainProcess {
  readonly child: ChildProcess;
  /** The port from the `listening` line. */
  readonly port: number;
  /** Every stdout line so far (JSON log lines). */
  readonly lines: string[];
}

/**
 * `npm run signaling` without npm (signaling/main.ts under tsx) with `env` added, killed when the
 * test finishes; resolves once it logged `listening`.
 */
export async function startMain(env: Record<string, string>): Promise<MainProcess> {
  // tsx as a loader in this very process, not its CLI: that runs the server in a child of its
  // own, which a SIGKILL meant to simulate a crash would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', 'signaling/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines: string[] = [];
  const listening = new Promise<number>((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const event = JSON.parse(line) as { event?: unknown; port?: unknown };
      if (event.event === 'listening' && typeof event.port === 'number') resolve(event.port);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
  const port = await within(listening, START_MS, 'no listening line');
  return { child, port, lines };
}
