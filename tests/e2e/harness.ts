import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { beforeEach, expect } from 'vitest';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { ConnectionCounts } from '../../lib/room/transport';
import { jsonLineLogger } from '../../signaling/log';
import { createSignalingServer } from '../../signaling/server';

/**
 * The end-to-end harness: our signaling server in-process behind a recording proxy, and peers
 * that each run the built extension in a Chromium of their own (../../../shared/TESTING.md).
 * Run through `npm run test:e2e` (run.sh), which builds the extension for SIGNALING_URL and
 * starts vitest in a network namespace of its own.
 */

/** The proxy's port: run.sh bakes SIGNALING_URL into the extension it builds for these tests. */
export const SIGNALING_PORT = 4444;
export const SIGNALING_URL = `ws://127.0.0.1:${SIGNALING_PORT}`;
export const EXTENSION_DIR = resolve('.output/chrome-mv3');
/** The participants' web app (`npm run build:web`, run.sh), served by the test server. */
export const WEB_DIR = resolve('.output/web');
/** The web page as the extension's invite link names it (derived from SIGNALING_URL). */
export const WEB_URL = `http://127.0.0.1:${SIGNALING_PORT}/`;
export const RESULTS_DIR = resolve('test-results/e2e');
const CHROMIUM = process.env.KRING_E2E_CHROMIUM ?? '/usr/bin/chromium';
/** KRING_E2E_HEADED=1 shows the browsers (needs a display); KRING_E2E_SLOWMO=250 slows them. */
const HEADED = process.env.KRING_E2E_HEADED === '1';
const SLOW_MO = Number(process.env.KRING_E2E_SLOWMO ?? 0) || undefined;

/**
 * run.sh gives the namespace, besides loopback, this address on one end of a veth pair whose
 * ends both stay inside, so that Chromium considers itself online (see run.sh).
 */
const NAMESPACE_INTERFACE = { name: 'kring0', address: '198.51.100.1' } as const;
/**
 * An address of the namespace that is not loopback: to Chromium a page there is on another
 * host, as a laptop's LAN address is to a phone (plain http:// there is no secure context).
 */
export const LAN_ADDRESS = NAMESPACE_INTERFACE.address;

/** Milliseconds for things that need the network: signaling, a WebRTC mesh, a sync. */
export const CONNECT_MS = 30_000;
/** Milliseconds for a change to reach the other peers of a connected mesh. */
export const SYNC_MS = 10_000;
/** Milliseconds for a change on this page's own screen. */
export const UI_MS = 5_000;

/**
 * Refuses to start where the tests would reach beyond this machine's loopback, or where the
 * extension was built for another signaling server; both would otherwise show up as timeouts.
 */
export function checkEnvironment(): void {
  if (process.env.KRING_E2E_ALLOW_HOST_NETWORK !== '1') {
    const outside = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
      (addresses ?? [])
        .filter(
          (address) =>
            !address.internal &&
            !(name === NAMESPACE_INTERFACE.name && address.address === NAMESPACE_INTERFACE.address),
        )
        .map((address) => `${name} ${address.address}`),
    );
    if (outside.length > 0) {
      throw new Error(
        `The e2e tests run in a loopback-only network namespace; this process sees ${outside.join(', ')}. ` +
          'Run them with `npm run test:e2e` (tests/e2e/run.sh), or set KRING_E2E_ALLOW_HOST_NETWORK=1 ' +
          'on a machine of your own.',
      );
    }
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run test:e2e\`.`);
  }
  const chunks = join(EXTENSION_DIR, 'chunks');
  const bundle = readdirSync(chunks)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(chunks, file), 'utf8'))
    .join('\n');
  if (!bundle.includes(`"${SIGNALING_URL}"`)) {
    throw new Error(
      `The extension in ${EXTENSION_DIR} was not built for ${SIGNALING_URL}: run \`npm run test:e2e\`, ` +
        `which builds it with KRING_SIGNALING_URL=${SIGNALING_URL}.`,
    );
  }
}

/** The web app's build must exist too (run.sh builds it) for the tests that open the page. */
export function checkWebBuild(): void {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(
      `No built web app in ${WEB_DIR}: run \`npm run test:e2e\` (it runs build:web).`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Signaling: the real server, and a proxy in front of it that records every frame.

export interface RecordedFrame {
  /** Which proxied connection, counting from 1. */
  readonly connection: number;
  readonly direction: 'to-server' | 'to-client';
  readonly text: string;
  /** The WebSocket's request path, e.g. `/` (signaling) or `/relay`. */
  readonly path: string;
  /** Whether it was a binary frame; `bytes` holds it exactly (`text` is its UTF-8 reading). */
  readonly binary: boolean;
  readonly bytes: Buffer;
}

export interface Signaling {
  readonly url: string;
  /** Every log line of the server, as its JSON-lines logger prints them. */
  readonly logLines: readonly string[];
  /** Every frame the proxy forwarded, both ways, in order. */
  readonly frames: readonly RecordedFrame[];
  /**
   * The access log: `METHOD target` of every HTTP request the proxy passed to the server
   * (page loads and WebSocket upgrades alike), the request target exactly as the browser sent
   * it. The server's own `http-request` lines leave out paths it did not serve; this does not.
   */
  readonly accessLog: readonly string[];
  /** Connections the proxy has accepted so far. */
  accepted(): number;
  /** Problems of the proxy itself (a test fails on them in `close`). */
  readonly problems: readonly string[];
  close(): Promise<void>;
}

/** Close codes `ws` may send; 1005 and 1006 only describe what happened. */
function sendableCloseCode(code: number): number {
  const allowed = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011];
  return allowed.includes(code) || (code >= 3000 && code <= 4999) ? code : 1000;
}

function frameBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export interface SignalingOptions {
  /**
   * Addresses the proxy listens on (port SIGNALING_PORT); default 127.0.0.1 only. Add
   * LAN_ADDRESS to open the web page from "another host".
   */
  readonly hosts?: readonly string[];
}

/**
 * Starts `createSignalingServer` on 127.0.0.1 (a free port) with a capturing logger, serving
 * the web app from WEB_DIR, and the recording proxy on SIGNALING_PORT, where the extension and
 * the web page connect. The proxy passes plain HTTP requests through unchanged and records
 * their request lines; WebSocket frames it forwards one by one and records their text.
 */
export async function startSignaling(options: SignalingOptions = {}): Promise<Signaling> {
  const logLines: string[] = [];
  const frames: RecordedFrame[] = [];
  const accessLog: string[] = [];
  const problems: string[] = [];
  const server = createSignalingServer({
    host: '127.0.0.1',
    port: 0,
    logger: jsonLineLogger((line) => logLines.push(line)),
    webRoot: WEB_DIR,
  });
  const { port } = await server.listen();
  const upstreamOrigin = `127.0.0.1:${port}`;

  const sockets = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const listeners: Server[] = [];
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    accessLog.push(`${request.method} ${request.url}`);
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', (error) => {
      problems.push(`http upstream ${request.method} ${request.url}: ${error.message}`);
      response.destroy();
    });
    request.pipe(upstream);
  };
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    accessLog.push(`${request.method} ${request.url} (upgrade)`);
    socket.on('error', () => socket.destroy());
    sockets.handleUpgrade(request, socket, head, (client) =>
      sockets.emit('connection', client, request),
    );
  };
  try {
    for (const host of options.hosts ?? ['127.0.0.1']) {
      const listener = createServer(onRequest);
      listener.on('upgrade', onUpgrade);
      listeners.push(listener);
      await new Promise<void>((done, fail) => {
        listener.once('error', fail);
        listener.listen(SIGNALING_PORT, host, () => {
          listener.off('error', fail);
          done();
        });
      });
      listener.on('error', (error) => problems.push(`proxy ${host}: ${error.message}`));
    }
  } catch (error) {
    for (const listener of listeners) listener.close();
    await server.close();
    throw new Error(
      `The signaling proxy cannot listen on port ${SIGNALING_PORT}: ${String(error)}`,
    );
  }

  const open = new Set<WebSocket>();
  let accepted = 0;
  sockets.on('connection', (client: WebSocket, request: IncomingMessage) => {
    const connection = ++accepted;
    const upstream = new WebSocket(`ws://${upstreamOrigin}${request.url ?? '/'}`, {
      perMessageDeflate: false,
    });
    open.add(client).add(upstream);
    const pending: [RawData, boolean][] = [];
    const path = new URL(request.url ?? '/', 'ws://proxy').pathname;
    const record = (direction: RecordedFrame['direction'], data: RawData, binary: boolean) => {
      const bytes = frameBytes(data);
      frames.push({ connection, direction, text: bytes.toString('utf8'), path, binary, bytes });
    };

    client.on('message', (data, isBinary) => {
      record('to-server', data, isBinary);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary: isBinary });
      else pending.push([data, isBinary]);
    });
    upstream.on('open', () => {
      for (const [data, isBinary] of pending.splice(0)) upstream.send(data, { binary: isBinary });
    });
    upstream.on('message', (data, isBinary) => {
      record('to-client', data, isBinary);
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    });
    // Either side closing closes the other, passing the code on where the protocol allows it.
    const closeOther = (other: WebSocket, code: number, reason: Buffer) => {
      if (other.readyState === WebSocket.OPEN) other.close(sendableCloseCode(code), reason);
      else if (other.readyState === WebSocket.CONNECTING) other.terminate();
    };
    client.on('close', (code, reason) => {
      open.delete(client);
      closeOther(upstream, code, reason);
    });
    upstream.on('close', (code, reason) => {
      open.delete(upstream);
      closeOther(client, code, reason);
    });
    // A browser that goes away mid-frame is normal; the close handlers tidy up.
    client.on('error', () => client.terminate());
    upstream.on('error', (error) => {
      problems.push(`upstream ${connection}: ${error.message}`);
      upstream.terminate();
    });
  });

  return {
    url: SIGNALING_URL,
    logLines,
    frames,
    accessLog,
    problems,
    accepted: () => accepted,
    async close() {
      for (const socket of open) socket.terminate();
      await Promise.all(
        listeners.map(
          (listener) =>
            new Promise<void>((done) => {
              listener.close(() => done());
              listener.closeAllConnections();
            }),
        ),
      );
      await server.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Peers: one Chromium with its own profile each.

/** What every peer has, extension or web page: for diagnostics and closing. */
export interface Browsing {
  readonly name: string;
  readonly context: BrowserContext;
  /** Page errors and console errors of every page of this peer, for diagnostics. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

export interface Peer extends Browsing {
  readonly extensionId: string;
  /** The side-panel page the test drives; replaced by `reopen`. */
  readonly page: Page;
  /** Opens another tab on sidepanel.html (it is not made `page`). */
  openPanel(): Promise<Page>;
  /**
   * Closes `page` and opens sidepanel.html again in the same profile, running `between` in
   * between; returns the new page, which becomes `page`.
   */
  reopen(between?: () => Promise<void>): Promise<Page>;
  /** `globalThis.kring.connections()` of `page`: WebRTC and BroadcastChannel peers. */
  connections(): Promise<ConnectionCounts>;
  /** Lets `navigator.clipboard.readText()` work in the side panel (CDP; Playwright's
   * `grantPermissions` refuses extension origins). */
  allowClipboardRead(): Promise<void>;
  readClipboard(): Promise<string>;
}

/**
 * Flags per ../shared/TESTING.md, "Real browser tests", for any Chromium that takes part in a
 * room (the benchmarks' raw y-webrtc pages too).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  // Without both, Chromium gathers no ICE candidate on a loopback-only host.
  '--allow-loopback-in-peer-connection',
  '--use-fake-ui-for-media-stream',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CHROMIUM_PATH = CHROMIUM;

function chromiumArgs(locale: string): string[] {
  return [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    ...CHROMIUM_FLAGS,
    `--lang=${locale}`,
  ];
}

export interface PeerOptions {
  /** The browser's language (`--lang` and Playwright's locale); default en-GB, whose English
   * accessible names the helpers in kring.ts use. */
  readonly locale?: string;
}

/** Collects `name`'s page errors and console errors into `errors`, for every page it opens. */
function watchErrors(context: BrowserContext, name: string, errors: string[]): void {
  context.on('page', (page: Page) => {
    const where = () => new URL(page.url() || 'about:blank').pathname || page.url();
    page.on('pageerror', (error) => errors.push(`${name} ${where()} pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${name} ${where()} console: ${message.text()}`);
    });
  });
}

export async function launchPeer(name: string, options: PeerOptions = {}): Promise<Peer> {
  const locale = options.locale ?? 'en-GB';
  const profile = await mkdtemp(join(tmpdir(), `kring-e2e-${name.toLowerCase()}-`));
  const errors: string[] = [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: !HEADED,
      slowMo: SLOW_MO,
      locale,
      viewport: { width: 360, height: 900 },
      acceptDownloads: true,
      args: chromiumArgs(locale),
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  watchErrors(context, name, errors);

  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const panelUrl = `chrome-extension://${extensionId}/sidepanel.html`;

  const openPanel = async () => {
    const page = await context.newPage();
    await page.goto(panelUrl);
    return page;
  };
  // The persistent context starts with one blank tab; the side panel takes its place.
  const blank = context.pages();
  let page = await openPanel();
  for (const other of blank) await other.close();

  return {
    name,
    context,
    extensionId,
    get page() {
      return page;
    },
    errors,
    openPanel,
    async reopen(between) {
      await page.close();
      await between?.();
      page = await openPanel();
      return page;
    },
    connections: () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { kring: { connections(): ConnectionCounts } }
        ).kring.connections(),
      ),
    async allowClipboardRead() {
      // Kept attached: Chromium drops a session's permission overrides when it detaches.
      const session = await context.newCDPSession(page);
      await session.send('Browser.setPermission', {
        permission: { name: 'clipboard-read' },
        setting: 'granted',
        origin: `chrome-extension://${extensionId}`,
      });
    },
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    async close() {
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}

/** A participant on the web page: a Chromium of its own (TESTING.md), one context, one page. */
export interface WebPeer extends Browsing {
  readonly browser: Browser;
  /** The page the test drives (blank until it goes somewhere); replaced by `reopen`. */
  readonly page: Page;
  /** Closes `page` (as closing the tab does), runs `between`, and opens `url` in a new page of
   * the same context (same storage); returns the new page, which becomes `page`. */
  reopen(url: string, between?: () => Promise<void>): Promise<Page>;
  /** `globalThis.kring.connections()` of `page` (web/main.tsx), as for the side panel. */
  connections(): Promise<ConnectionCounts>;
}

export interface WebPeerOptions extends PeerOptions {
  /** A phone: 390×844, touch, 2× pixels (TESTING.md). Otherwise a 1280×720 laptop screen. */
  readonly mobile?: boolean;
  /** More Chromium flags, e.g. `--host-resolver-rules=…`. */
  readonly args?: readonly string[];
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
} as const;

export async function launchWebPeer(name: string, options: WebPeerOptions = {}): Promise<WebPeer> {
  const locale = options.locale ?? 'en-GB';
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !HEADED,
    slowMo: SLOW_MO,
    args: [...CHROMIUM_FLAGS, `--lang=${locale}`, ...(options.args ?? [])],
  });
  const errors: string[] = [];
  let context: BrowserContext;
  let page: Page;
  try {
    context = await browser.newContext({
      locale,
      acceptDownloads: true,
      ...(options.mobile ? PHONE : { viewport: { width: 1280, height: 720 } }),
    });
    // Chromium lists loopback ICE candidates only for a page with camera/microphone
    // permission (TESTING.md). --use-fake-ui-for-media-stream gives it, unless the page's
    // Permissions-Policy says `camera=(), microphone=()`, as our server's does: then it
    // gathers no candidate at all on this loopback-only host (a phone on Wi-Fi would still
    // offer its default interface). A grant to the context outranks that policy (checked).
    await context.grantPermissions(['camera', 'microphone']);
    watchErrors(context, name, errors);
    page = await context.newPage();
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    name,
    browser,
    context,
    get page() {
      return page;
    },
    errors,
    async reopen(url, between) {
      await page.close();
      await between?.();
      page = await context.newPage();
      await page.goto(url);
      return page;
    },
    connections: () =>
      page.evaluate(() =>
        (
          globalThis as unknown as { kring: { connections(): ConnectionCounts } }
        ).kring.connections(),
      ),
    close: () => browser.close(),
  };
}

/** Launches peers one after the other (two cores: parallel launches only compete). */
export async function launchPeers(...names: string[]): Promise<Peer[]> {
  const peers: Peer[] = [];
  try {
    for (const name of names) peers.push(await launchPeer(name));
  } catch (error) {
    await closeAll(peers);
    throw error;
  }
  return peers;
}

export async function closeAll(peers: readonly (Browsing | undefined)[]): Promise<void> {
  const results = await Promise.allSettled(peers.map((peer) => peer?.close()));
  const failed = results.filter((result) => result.status === 'rejected');
  if (failed.length > 0) console.warn('e2e: closing peers failed', failed);
}

// ---------------------------------------------------------------------------------------------
// Steps that share browsers: diagnostics on failure, and the later steps skipped.

/**
 * For a describe whose `it`s are steps of one story on shared browsers: on a failure, each
 * peer's open pages are saved as screenshots in test-results/e2e/ and their page and console
 * errors printed; the steps after a failed one are skipped (they would fail for its reason and
 * only add timeouts), except those named in `evenAfterFailure`, which only read what was
 * recorded (the signaling traffic, the errors).
 */
export function steps(
  peers: () => readonly (Browsing | undefined)[],
  evenAfterFailure: readonly string[] = [],
): void {
  let failed: string | null = null;
  beforeEach((context) => {
    if (failed !== null && !evenAfterFailure.includes(context.task.name)) {
      context.skip(`an earlier step failed: ${failed}`);
      return;
    }
    context.onTestFailed(async () => {
      failed ??= context.task.name;
      await reportFailure(context.task.name, peers());
    });
  });
}

export async function reportFailure(testName: string, peers: readonly (Browsing | undefined)[]) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const slug = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
  const lines: string[] = [];
  for (const peer of peers) {
    if (!peer) continue;
    for (const [index, page] of peer.context.pages().entries()) {
      const file = join(RESULTS_DIR, `${slug}-${peer.name}-${index}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        lines.push(`screenshot ${file}`);
      } catch (error) {
        lines.push(`no screenshot of ${peer.name} tab ${index}: ${String(error)}`);
      }
    }
    lines.push(...peer.errors);
  }
  console.error(`e2e diagnostics for "${testName}":\n  ${lines.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// Waiting.

/** Polls `read` until it equals `expected`, failing after `timeout` ms with the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeout: number,
  message?: string,
): Promise<void> {
  await expect.poll(read, { timeout, interval: 100, message }).toEqual(expected);
}

/** Polls `read` until its text contains `expected`. */
export async function eventuallyContains(
  read: () => Promise<string | null>,
  expected: string,
  timeout: number,
  message?: string,
): Promise<void> {
  await expect.poll(read, { timeout, interval: 100, message }).toContain(expected);
}
