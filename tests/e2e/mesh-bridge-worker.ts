/**
 * The browser side of the mesh bridge (mesh-bridge.ts), in a worker thread of its own so that
 * the test's thread can wait for a page's answer synchronously (Atomics.wait), as the Channel
 * interface needs: one Chromium per peer slot, each with the mesh page (pages/mesh-channel.ts)
 * served from loopback; the page's events are pulled in order and posted to the test's thread.
 *
 * mesh-bridge.ts bundles this file with esbuild and runs it as an eval'd CommonJS worker.
 */
import { createServer, type Server } from 'node:http';
import { type MessagePort, workerData } from 'node:worker_threads';
import { type Browser, type CDPSession, chromium, type Page } from 'playwright-core';
import type { MeshPageApi, MeshPageEvent } from './pages/mesh-channel';

export interface BridgeWorkerData {
  /** Int32 flag: the worker sets it to 1 once a synchronous answer is on `syncPort`. */
  readonly flag: SharedArrayBuffer;
  readonly syncPort: MessagePort;
  readonly eventPort: MessagePort;
  readonly pageScript: string;
  readonly chromiumPath: string;
  readonly chromiumFlags: readonly string[];
  readonly headed: boolean;
}

/** From the test's thread: a page call (answered on syncPort) or a job (on eventPort). */
export type BridgeRequest =
  | {
      readonly kind: 'sync';
      readonly id: number;
      readonly slot: number;
      readonly method: string;
      readonly args: unknown[];
    }
  | { readonly kind: 'launch'; readonly id: number; readonly slots: number }
  | { readonly kind: 'errors'; readonly id: number }
  | { readonly kind: 'close'; readonly id: number };

export type BridgeAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** On eventPort: answers to jobs, and each slot's page events (frames decoded to bytes). */
export type BridgeMessage =
  | ({ readonly type: 'answer' } & BridgeAnswer)
  | { readonly type: 'events'; readonly slot: number; readonly events: readonly DecodedEvent[] };

export type DecodedEvent = readonly [handle: number, event: string, ...args: unknown[]];

const data = workerData as BridgeWorkerData;
const flag = new Int32Array(data.flag);
const browsers: Browser[] = [];
/** Per slot: the CDP session of its page, for the synchronous calls. */
const sessions: CDPSession[] = [];
const errors: string[] = [];
let server: Server | null = null;
let closing = false;

type Api = { mesh: MeshPageApi };

/**
 * Calls `globalThis.mesh[method](...args)` over a CDP session of the page's own: about a third
 * of the time `page.evaluate` takes per call (measured here: 1.6 against 5.4 ms), and the
 * contract makes thousands of calls.
 */
async function callPage(cdp: CDPSession, method: string, args: unknown[]): Promise<unknown> {
  const expression = `globalThis.mesh[${JSON.stringify(method)}](...${JSON.stringify(args)})`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) {
    throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  }
  return result.value;
}

/** Pulls one page's events for as long as it lives, in the order the page queued them. */
async function pump(slot: number, page: Page): Promise<void> {
  while (!closing) {
    let batch: MeshPageEvent[];
    try {
      batch = await page.evaluate(() => (globalThis as unknown as Api).mesh.next());
    } catch (error) {
      if (!closing) errors.push(`slot ${slot}: event pump stopped: ${String(error)}`);
      return;
    }
    const events = batch.map((event): DecodedEvent => {
      if (event[1] !== 'frame') return event;
      const bytes = Buffer.from(event[3], 'base64');
      return [
        event[0],
        'frame',
        event[2],
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      ];
    });
    data.eventPort.postMessage({ type: 'events', slot, events } satisfies BridgeMessage);
  }
}

async function serve(): Promise<string> {
  const html =
    '<!doctype html><title>mesh channel</title><script type="module" src="/mesh.js"></script>';
  server = createServer((request, response) => {
    const script = request.url?.startsWith('/mesh.js');
    response.writeHead(200, {
      'content-type': script ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    response.end(script ? data.pageScript : html);
  });
  const listening = server;
  await new Promise<void>((done) => listening.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(listening.address() as { port: number }).port}/`;
}

/** One Chromium per slot, one after the other (two cores: parallel launches only compete). */
async function launch(slots: number): Promise<void> {
  const url = await serve();
  for (let slot = 0; slot < slots; slot++) {
    const browser = await chromium.launch({
      executablePath: data.chromiumPath,
      headless: !data.headed,
      args: [...data.chromiumFlags],
    });
    browsers.push(browser);
    const context = await browser.newContext();
    // Loopback ICE candidates need camera/microphone permission (TESTING.md).
    await context.grantPermissions(['camera', 'microphone']);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`slot ${slot} pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`slot ${slot} console: ${message.text()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => 'mesh' in globalThis);
    sessions.push(await context.newCDPSession(page));
    void pump(slot, page);
  }
}

async function close(): Promise<void> {
  closing = true;
  await Promise.allSettled(browsers.map((browser) => browser.close()));
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
}

async function answerOf(id: number, job: () => Promise<unknown>): Promise<BridgeAnswer> {
  try {
    return { id, ok: true, value: await job() };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

data.syncPort.on('message', async (request: BridgeRequest) => {
  if (request.kind === 'sync') {
    const cdp = sessions[request.slot];
    const answer = await answerOf(request.id, async () => {
      if (!cdp) throw new Error(`mesh bridge: no browser in slot ${request.slot}`);
      return callPage(cdp, request.method, request.args);
    });
    // The answer is on the port before the flag says so (receiveMessageOnPort then finds it).
    data.syncPort.postMessage(answer);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    return;
  }
  const job =
    request.kind === 'launch'
      ? () => launch(request.slots)
      : request.kind === 'errors'
        ? async () => [...errors]
        : close;
  const answer = await answerOf(request.id, job);
  data.eventPort.postMessage({ type: 'answer', ...answer } satisfies BridgeMessage);
});
