import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, SIGNALING_URL } from './harness';

/** A stock y-webrtc peer (pages/stock-peer.ts) in its own Chromium, served from loopback. */
export interface StockPeer {
  readonly page: Page;
  items(): Promise<string[] | null>;
  addInsight(text: string): Promise<boolean>;
  connections(): Promise<number>;
  close(): Promise<void>;
}

export async function launchStockPeer(code: string): Promise<StockPeer> {
  const bundle = await build({
    entryPoints: [resolve('tests/e2e/pages/stock-peer.ts')],
    bundle: true,
    format: 'esm',
    write: false,
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server: Server = createServer((request, response) => {
    if (request.url?.startsWith('/stock.js')) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><title>stock y-webrtc</title><script type="module" src="/stock.js"></script>',
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  const profile = await mkdtemp(join(tmpdir(), 'kring-e2e-stock-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: process.env.KRING_E2E_HEADED !== '1',
    args: [...CHROMIUM_FLAGS],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const query = new URLSearchParams({ code, signaling: SIGNALING_URL });
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  type Api = { stock: Record<string, (...args: never[]) => unknown> };
  const call = <T>(name: string, ...args: unknown[]) =>
    page.evaluate(
      ([method, rest]) =>
        (globalThis as unknown as Api).stock[method as string]?.(...(rest as never[])),
      [name, args] as const,
    ) as Promise<T>;
  return {
    page,
    items: () => call<string[] | null>('items'),
    addInsight: (text) => call<boolean>('addInsight', text),
    connections: () => call<number>('connections'),
    async close() {
      await context.close();
      server.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
