import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as standIn from '../../lib/platform/lib0-logging';

/**
 * The builds replace lib0/logging with lib/platform/lib0-logging.ts (vite.shared.ts). If a Yjs
 * update calls something the stand-in lacks, the built app would throw where Yjs logs: this
 * test names it first.
 */
describe('the stand-in for lib0/logging', () => {
  it('has every name Yjs uses from lib0/logging, and lib0/logging has them too', async () => {
    // The file the builds bundle (yjs's `exports` for `import`).
    const yjs = readFileSync(resolve(__dirname, '../../node_modules/yjs/dist/yjs.mjs'), 'utf8');
    expect(yjs).toContain("import * as logging from 'lib0/logging';");
    const used = new Set([...yjs.matchAll(/\blogging\.(\w+)/g)].map((match) => match[1] as string));
    expect(used.size).toBeGreaterThan(0);
    const real = await import('lib0/logging');
    for (const name of used) {
      expect(Object.keys(standIn), name).toContain(name);
      expect(Object.keys(real), name).toContain(name);
    }
  });

  it('prints the text without the style markers', () => {
    const printed: unknown[][] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => printed.push(args);
    try {
      standIn.print(
        standIn.ORANGE,
        standIn.BOLD,
        '[yjs] ',
        standIn.UNBOLD,
        'Changed the client-id',
      );
    } finally {
      console.log = log;
    }
    expect(printed).toEqual([['[yjs] ', 'Changed the client-id']]);
  });
});
