import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { within } from '../helpers/signaling';
import { makeWebRoot } from '../helpers/web-root';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const { base, root, remove } = makeWebRoot();
afterAll(remove);
/** Milliseconds to start tsx and the server (as in signaling-main.test.ts). */
const START_MS = 15_000;

function startMain(env: Record<string, string | undefined>, cwd: string): ChildProcess {
  const child = spawn(
    process.execPath,
    // tsx as a loader of this process, not its CLI: the CLI runs the server in a child of its
    // own, which the kill below would not reach (it kept running after the test).
    [
      '--import',
      pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href,
      join(REPO, 'signaling/main.ts'),
    ],
    {
      cwd,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return child;
}

/** The first `count` JSON log lines of `child`. */
function firstEvents(child: ChildProcess, count: number): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  return within(
    new Promise((done, fail) => {
      if (!child.stdout) return fail(new Error('no stdout'));
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        events.push(JSON.parse(line));
        if (events.length === count) done(events);
      });
      child.once('exit', (code) => fail(new Error(`exited with ${code}`)));
    }),
    START_MS,
    'too few log lines',
  );
}

describe('npm run signaling with WEB_ROOT', () => {
  it(
    'serves WEB_ROOT, and defaults to the repository .output/web wherever it starts',
    async () => {
      const served = startMain({ WEB_ROOT: root }, base);
      const [listening, announced] = await firstEvents(served, 2);
      expect(announced).toMatchObject({ event: 'web-root', root });
      const response = await fetch(`http://127.0.0.1:${listening?.port}/room.html`);
      expect(await response.text()).toContain('Room');

      const byDefault = startMain({ WEB_ROOT: undefined }, tmpdir());
      const [, fallback] = await firstEvents(byDefault, 2);
      expect(fallback?.root).toBe(resolve(REPO, '.output/web'));
    },
    START_MS * 3,
  );
});
