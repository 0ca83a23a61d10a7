import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every JavaScript file the side panel loads: its entry chunk and what that imports. */
export function sidePanelJs(extensionDir: string): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(extensionDir, 'sidepanel.html'), 'utf8');
  const entries = [...html.matchAll(/src="\/?([^"]+\.js)"/g)].map((match) => match[1] as string);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(extensionDir, file), 'utf8');
    for (const match of code.matchAll(
      /(?:from|import)\s*\(?\s*["']\.{0,2}\/?((?:chunks\/)?[\w.-]+\.js)["']/g,
    )) {
      const name = match[1] as string;
      const path = name.startsWith('chunks/') ? name : join('chunks', name);
      queue.push(path);
    }
  }
  let raw = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = readFileSync(join(extensionDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: seen.size, raw, gzip };
}

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
