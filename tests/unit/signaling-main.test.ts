import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TestClient, within } from '../helpers/signaling';

/** Milliseconds to start tsx and the server: a cold tsx start takes about a second here. */
const START_MS = 15_000;

/** `npm run signaling` without npm: the same `tsx signaling/main.ts`, with our environment. */
function startMain(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'signaling/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before a line`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('signaling/main.ts', () => {
  it(
    'logs one listening line, serves, and shuts down cleanly on SIGTERM',
    async () => {
      const child = startMain({ HOST: '127.0.0.1', PORT: '0' });
      const line = await within(firstLine(child), START_MS, 'no listening line');
      const listening: unknown = JSON.parse(line);
      expect(listening).toMatchObject({
        event: 'listening',
        host: '127.0.0.1',
        time: expect.any(String),
      });
      const { port } = listening as { port: number };

      const client = await TestClient.open(`ws://127.0.0.1:${port}`);
      client.send({ type: 'ping' });
      expect(await client.next()).toEqual({ type: 'pong' });

      const exited = exitCode(child);
      child.kill('SIGTERM');
      expect(await client.closedWithin()).toEqual({ code: 1001, reason: 'server-shutdown' });
      expect(await within(exited, START_MS, 'did not exit')).toBe(0);
    },
    START_MS * 3,
  );

  it(
    'refuses a PORT that is not a port',
    async () => {
      const child = startMain({ PORT: 'http' });
      expect(await within(exitCode(child), START_MS, 'did not exit')).toBe(2);
    },
    START_MS * 2,
  );
});
