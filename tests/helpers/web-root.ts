import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WAIT_MS, within } from './signaling';

/** Content that exists only outside the web root (and in a dotfile inside it). */
export const SECRET = 'secret-3b9e-outside-the-root';
export const INDEX = '<!doctype html><title>Kring</title>';
export const ROOM = '<!doctype html><title>Room</title>';

export interface WebRootFixture {
  /** `<base>/web` is the root; `<base>/secret.txt` and `<base>/outside/` must never be served. */
  readonly base: string;
  readonly root: string;
  remove(): void;
}

/** A temporary web build with one file of each type, plus symlinks into and out of it. */
export function makeWebRoot(): WebRootFixture {
  const base = mkdtempSync(join(tmpdir(), 'kring-static-'));
  const root = join(base, 'web');
  const files: Record<string, string> = {
    'index.html': INDEX,
    'room.html': ROOM,
    'favicon.ico': 'ico',
    'manifest.webmanifest': '{}',
    'data.json': '{}',
    'robots.txt': 'User-agent: *',
    '.env': SECRET,
    'assets/app-Ab1_x.js': 'export {};',
    'assets/chunk-Cd2.mjs': 'export {};',
    'assets/style-Ef3.css': 'p{}',
    'assets/logo-Gh4.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/qr-Ij5.png': 'png',
    'assets/font-Kl6.woff2': 'woff2',
    'assets/blob-Mn7.bin': 'bin',
    'sub/index.html': '<!doctype html>',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'secret.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'leakdir'));
  symlinkSync(join(root, 'room.html'), join(root, 'alias.html')); // stays inside: fine
  return { base, root, remove: () => rmSync(base, { recursive: true, force: true }) };
}

export interface RawResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends `head` (request line and any headers) exactly as written over TCP, so no client library
 * can normalise the path, and reads until the server closes (`Connection: close`).
 */
export function raw(port: number, head: string): Promise<RawResponse> {
  const text = new Promise<string>((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('end', () => done(received));
    socket.on('error', fail);
    // write, not end: Node's server may drop a half-closed connection before it answers.
    socket.write(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
  return within(text, WAIT_MS, 'no raw response').then((received) => {
    const split = received.indexOf('\r\n\r\n');
    const [statusLine = '', ...lines] = received.slice(0, split).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    return { status: Number(statusLine.split(' ')[1]), headers, body: received.slice(split + 4) };
  });
}

/** `GET <target>` over a raw socket. */
export function rawGet(port: number, target: string): Promise<RawResponse> {
  return raw(port, `GET ${target} HTTP/1.1`);
}
