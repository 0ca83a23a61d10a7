import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kilobytes, type Line } from './report';

export interface PageJs {
  readonly files: number;
  readonly raw: number;
  readonly gzip: number;
}

/**
 * Every JavaScript file a page of a build loads: the scripts its html names, and what those
 * import (statically or dynamically), followed file by file. Sizes are of the files as built,
 * gzipped at level 9 each, as a server would send them.
 */
export function pageJs(buildDir: string, htmlFile: string): PageJs {
  const html = readFileSync(join(buildDir, htmlFile), 'utf8');
  const htmlDir = dirname(htmlFile);
  // `/chunks/x.js` (WXT) is from the build's root; `./assets/x.js` (Vite) from the html's folder.
  const fromHtml = (src: string) =>
    src.startsWith('/') ? normalize(src.slice(1)) : normalize(join(htmlDir, src));
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((match) =>
    fromHtml(match[1] as string),
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[\w./-]+\.js)["']/g)) {
      queue.push(normalize(join(dirname(file), match[1] as string)));
    }
  }
  let raw = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = readFileSync(join(buildDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: seen.size, raw, gzip };
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

/** The table's rows: each page's JavaScript against the 90 KB goal (issues 1 and 7). */
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
    detail: `${kilobytes(js.raw)} raw, ${js.files} file(s)`,
    goal: '≤ 90 KB',
    met: js.gzip <= GOAL_BYTES,
    n: 1,
  }));
  return { lines, sizes };
}
