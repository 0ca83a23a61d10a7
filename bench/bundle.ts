import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kilobytes, type Line } from './report';

export interface PageJs {
  readonly files: number;
  readonly raw: number;
  readonly gzip: number;
  /** What the page fetches only when someone needs it (dynamic `import()`), not at start. */
  readonly onDemand: { readonly files: number; readonly raw: number; readonly gzip: number };
}

/** `import … from "./x.js"` and `import "./x.js"`: fetched before the importing file runs. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[\w./-]+\.js)["']/g;
/** `import("./x.js")`: fetched when the code gets there (components/lazy.ts). */
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'](\.{1,2}\/[\w./-]+\.js)["']\s*\)/g;
/** A language's core texts (lib/i18n/messages-<locale>.ts), built as `messages-en-<hash>.js`. */
const LANGUAGE_MODULE = /(?:^|\/)messages-[a-z]{2}-[\w-]+\.js$/;

/**
 * The JavaScript a page of a build loads at start: the scripts its html names and what those
 * import statically, followed file by file; and apart from it, what the page can fetch later
 * with a dynamic `import()` (and what that imports). Sizes are of the files as built, gzipped at
 * level 9 each, as a server would send them.
 *
 * A language's texts are a dynamic import too (lib/i18n/translate.ts), but every page fetches
 * one right at start, before it shows anything: so the largest language module (Dutch, as it
 * happens) and its imports count as loaded at start, not on demand; the others stay on demand.
 */
export function pageJs(buildDir: string, htmlFile: string): PageJs {
  const html = readFileSync(join(buildDir, htmlFile), 'utf8');
  const htmlDir = dirname(htmlFile);
  // `/chunks/x.js` (WXT) is from the build's root; `./assets/x.js` (Vite) from the html's folder.
  const fromHtml = (src: string) =>
    src.startsWith('/') ? normalize(src.slice(1)) : normalize(join(htmlDir, src));
  const atStart = follow(
    buildDir,
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((match) =>
      fromHtml(match[1] as string),
    ),
    new Set(),
  );
  const later = new Set<string>();
  for (;;) {
    const lazy = [...atStart, ...later].flatMap((file) => imports(buildDir, file, DYNAMIC_IMPORT));
    const found = follow(buildDir, lazy, new Set([...atStart, ...later]));
    if (found.size === 0) break;
    for (const file of found) later.add(file);
  }
  const languages = [...later].filter((file) => LANGUAGE_MODULE.test(file));
  // Without one, the rule above would quietly leave the start's texts out.
  if (languages.length === 0) throw new Error(`${htmlFile}: no language module (messages-*.js)`);
  const shown = languages.reduce((largest, file) =>
    sizes(buildDir, new Set([file])).gzip > sizes(buildDir, new Set([largest])).gzip
      ? file
      : largest,
  );
  for (const file of follow(buildDir, [shown], atStart)) {
    atStart.add(file);
    later.delete(file);
  }
  return { ...sizes(buildDir, atStart), onDemand: sizes(buildDir, later) };
}

/** The files `start` reaches by static imports, leaving out those in `known`. */
function follow(
  buildDir: string,
  start: readonly string[],
  known: ReadonlySet<string>,
): Set<string> {
  const queue = [...start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || known.has(file)) continue;
    seen.add(file);
    queue.push(...imports(buildDir, file, STATIC_IMPORT));
  }
  return seen;
}

function imports(buildDir: string, file: string, pattern: RegExp): string[] {
  const code = readFileSync(join(buildDir, file), 'utf8');
  return [...code.matchAll(pattern)].map((match) =>
    normalize(join(dirname(file), match[1] as string)),
  );
}

function sizes(buildDir: string, files: ReadonlySet<string>) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(buildDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}

/** The side panel of the built extension (.output/chrome-mv3). */
export const sidePanelJs = (extensionDir: string) => pageJs(extensionDir, 'sidepanel.html');

/** The participants' web page (`npm run build:web` → .output/web). */
export const webPageJs = (webDir: string) => pageJs(webDir, 'index.html');

/** All JavaScript in the built extension, for comparison (background script included). */
export function allJs(extensionDir: string): number {
  return readdirSync(join(extensionDir, 'chunks'))
    .filter((file) => file.endsWith('.js'))
    .reduce(
      (sum, file) =>
        sum + gzipSync(readFileSync(join(extensionDir, 'chunks', file)), { level: 9 }).length,
      0,
    );
}

const GOAL_BYTES = 90 * 1024;

/** The table's rows: each page's JavaScript at start against the 90 KB goal (issues 1 and 7). */
export function bundleLines(
  extensionDir: string,
  webDir: string,
): { lines: Line[]; sizes: Record<string, PageJs> } {
  const sizes = { panel: sidePanelJs(extensionDir), web: webPageJs(webDir) };
  const lines: Line[] = [
    ['Side panel', sizes.panel] as const,
    ['Web page (participants)', sizes.web] as const,
  ].map(([name, js]) => ({
    measurement: name,
    median: kilobytes(js.gzip),
    p95: '',
    detail: `${kilobytes(js.raw)} raw, ${js.files} file(s); on demand: ${kilobytes(js.onDemand.gzip)} in ${js.onDemand.files} file(s)`,
    goal: '≤ 90 KB',
    met: js.gzip <= GOAL_BYTES,
    n: 1,
  }));
  return { lines, sizes };
}
