import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core of lib/ runs in Node, in the side panel and in a plain web page alike (DESIGN.md,
 * "Pure core, thin shell"). This test walks every file the core reaches through relative
 * imports and fails on any import of a platform or transport module, or use of a DOM global.
 */
const ROOT = resolve(__dirname, '../..');
const CORE_ENTRIES = ['lib/session', 'lib/templates', 'lib/export', 'lib/room/code.ts'];

const FORBIDDEN_MODULES = [
  /^wxt($|\/)/,
  /^#imports$/,
  /^@wxt-dev\//,
  /^preact($|\/)/,
  /^@preact\//,
  /^y-webrtc$/,
  /^y-indexeddb$/,
  /^webextension-polyfill$/,
];
const FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'chrome',
  'browser',
  'HTMLElement',
  'RTCPeerConnection',
  'BroadcastChannel',
];

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true })
    .map((name) => join(full, String(name)))
    .filter((file) => /\.tsx?$/.test(file));
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function importsOf(source: string): string[] {
  return [
    ...source.matchAll(
      /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => (match[1] ?? match[2]) as string);
}

/** Every file reachable from the core entries, with the bare modules each imports. */
function reachableCore(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = CORE_ENTRIES.flatMap(sourceFiles);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    const source = stripComments(readFileSync(file, 'utf8'));
    const bare: string[] = [];
    for (const specifier of importsOf(source)) {
      if (!specifier.startsWith('.')) {
        bare.push(specifier);
        continue;
      }
      const target = resolve(dirname(file), specifier);
      for (const candidate of [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts'), target]) {
        if (/\.tsx?$/.test(candidate) && statSafe(candidate)) {
          queue.push(candidate);
          break;
        }
      }
    }
    seen.set(file, bare);
  }
  return seen;
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

describe('the pure core', () => {
  const files = reachableCore();

  it('reaches the session, templates, export and room-code modules', () => {
    const names = [...files.keys()].map((file) => relative(ROOT, file));
    for (const entry of ['lib/session/index.ts', 'lib/templates/types.ts', 'lib/room/code.ts']) {
      expect(names).toContain(entry);
    }
  });

  it('imports no browser, extension, UI or WebRTC module', () => {
    const offenders = [...files].flatMap(([file, modules]) =>
      modules
        .filter((m) => FORBIDDEN_MODULES.some((re) => re.test(m)))
        .map((m) => `${relative(ROOT, file)} imports ${m}`),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no DOM or extension global', () => {
    const offenders: string[] = [];
    for (const file of files.keys()) {
      const source = stripComments(readFileSync(file, 'utf8')).replace(
        /(['"`])(?:\\.|(?!\1).)*\1/g,
        '""',
      );
      for (const name of FORBIDDEN_GLOBALS) {
        if (new RegExp(`(?<![.\\w$])${name}\\s*[.([]`).test(source))
          offenders.push(`${relative(ROOT, file)} uses ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
