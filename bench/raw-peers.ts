import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/harness';

/**
 * The baseline: raw y-webrtc (with its stock simple-peer) in plain Chromium pages, one browser
 * each, served from loopback. Same signaling server, same flags, same machine as Kring's peers.
 */
export interface RawPage {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveRawPage(port: number): Promise<RawPage> {
  const output = await build({
    entryPoints: [resolve('bench/pages/raw.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
  });
  const script = output.outputFiles[0]?.text ?? '';
  const server: Server = createServer((request, response) => {
    if (request.url?.startsWith('/raw.js')) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><title>raw y-webrtc</title><script type="module" src="/raw.js"></script>',
    );
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface RawPeer {
  readonly page: Page;
  close(): Promise<void>;
}

export async function launchRawPeer(url: string): Promise<RawPeer> {
  const profile = await mkdtemp(join(tmpdir(), 'kring-bench-raw-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 360, height: 600 },
    args: [...CHROMIUM_FLAGS],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
