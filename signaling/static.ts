import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';
import {
  type IncomingMessage,
  METHODS,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { errorCode, type Logger } from './log';

/**
 * Serves the participants' web app (the `npm run build:web` output) next to signaling, so an
 * organisation runs one process behind one TLS proxy. Deliberately small and strict: the build
 * is a flat set of ASCII file names (`index.html`, `room.html`, `assets/<name>-<hash>.<ext>`),
 * so anything else a client asks for is refused rather than interpreted.
 *
 * Path safety in two layers. First the request path is split on `/` *before* percent-decoding
 * (so `%2f` cannot make a separator) and each decoded segment must match SEGMENT: no `.`, `..`
 * or dotfiles, no `%` left over (double encoding), no backslash, NUL or other control bytes.
 * Then the file's real path (symlinks resolved) must lie inside the root's real path; the file
 * is opened without following a final symlink and must be a regular file.
 */
export interface StaticFilesOptions {
  /** Folder to serve; resolved against the working directory. Checked on every request, so a
   *  build that appears after startup is served without a restart. */
  readonly root: string;
  readonly logger: Logger;
}

export interface StaticFiles {
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Logs whether the root exists; a missing root is not fatal (signaling still works). */
  announce(): Promise<void>;
}

/** Longest request path (without the query) looked up; longer ones get 414. */
export const MAX_PATH_LENGTH = 1_024;
const MAX_SEGMENTS = 16;
/** One path segment, decoded. A first character other than `.` rules out `.`, `..`, dotfiles. */
const SEGMENT = /^[A-Za-z0-9_~@+-][A-Za-z0-9._~@+-]{0,254}$/;

/** The page opens a same-origin room-view window and keeps a handle on it, so COOP is
 *  `same-origin` and no stricter. connect-src takes any ws:/wss: host: the signaling address is
 *  a user setting. The app needs neither camera nor microphone (data channels only). */
export const SECURITY_HEADERS: Readonly<OutgoingHttpHeaders> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
    "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; " +
    "form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), display-capture=(), payment=(), usb=(), ' +
    'serial=(), hid=(), bluetooth=(), midi=()',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content-hashed names change with their content, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (html above all) is revalidated on each use, which the ETag makes cheap. */
const REVALIDATE = 'no-cache';

const REFUSALS: Readonly<Record<number, string>> = {
  400: 'Bad request\n',
  404: 'Not found\n',
  405: 'Method not allowed\n',
  414: 'Path too long\n',
  500: 'Internal server error\n',
};

type Lookup = { readonly segments: readonly string[] } | { readonly status: 400 | 404 | 414 };

/** The path part of a request target: everything before `?` or `#`, which are never looked at
 *  and never logged. */
function pathOf(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** Maps a request path to root-relative segments, or says why it cannot be served. */
function lookup(path: string): Lookup {
  if (path.length > MAX_PATH_LENGTH) return { status: 414 };
  if (!path.startsWith('/')) return { status: 400 }; // absolute-form or `*`
  if (path === '/') return { segments: ['index.html'] };
  const parts = path.slice(1).split('/');
  if (parts.length > MAX_SEGMENTS) return { status: 404 };
  const segments: string[] = [];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { status: 400 }; // a stray `%`, or bytes that are not UTF-8 (`%c0%ae`)
    }
    // An empty segment is a directory (`/assets/`) or `//`: no listings.
    if (!SEGMENT.test(decoded)) return { status: 404 };
    segments.push(decoded);
  }
  return { segments };
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Whether the client's cached copy is still this one (RFC 9110 13.1.2 and 13.1.3). */
function notModified(request: IncomingMessage, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export function staticFiles(options: StaticFilesOptions): StaticFiles {
  const root = resolve(options.root);
  const { logger } = options;

  /**
   * One access-log line. Only the method, the status, the size, and the path of a file that was
   * actually served: a path that matched nothing is the client's free text (someone typing a
   * room code after the host name), so it is not logged; the query and fragment never are.
   */
  function log(method: string, status: number, bytes: number, path?: string): void {
    logger({
      event: 'http-request',
      method: METHODS.includes(method) ? method : 'OTHER',
      ...(path === undefined ? {} : { path }),
      status,
      bytes,
    });
  }

  function refuse(
    request: IncomingMessage,
    response: ServerResponse,
    status: keyof typeof REFUSALS,
    extra: OutgoingHttpHeaders = {},
  ): void {
    const body = REFUSALS[status] ?? '';
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      ...extra,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': REVALIDATE,
    });
    const head = request.method === 'HEAD';
    response.end(head ? undefined : body);
    log(request.method ?? '', status, head ? 0 : Buffer.byteLength(body));
  }

  /** The open file for `segments`, or undefined when there is no such file inside the root. */
  async function openInside(segments: readonly string[]): Promise<FileHandle | undefined> {
    let file: FileHandle | undefined;
    try {
      const realRoot = await realpath(root);
      const real = await realpath(join(realRoot, ...segments));
      if (!isInside(realRoot, real)) return undefined;
      file = await open(real, OPEN_FLAGS);
      if ((await file.stat()).isFile()) return file;
    } catch (error) {
      const code = errorCode(error);
      // Missing, a file used as a folder, a symlink loop, unreadable: simply not there.
      if (!['ENOENT', 'ENOTDIR', 'ELOOP', 'EACCES', 'EISDIR', 'ENAMETOOLONG'].includes(code)) {
        await file?.close().catch(() => {});
        throw error;
      }
    }
    await file?.close().catch(() => {});
    return undefined;
  }

  async function serve(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    segments: readonly string[],
  ): Promise<void> {
    const file = await openInside(segments);
    if (!file) return refuse(request, response, 404);
    const { size, mtimeMs, mtime } = await file.stat();
    const etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    const headers: OutgoingHttpHeaders = {
      ...SECURITY_HEADERS,
      'Cache-Control': segments[0] === 'assets' ? IMMUTABLE : REVALIDATE,
      ETag: etag,
      'Last-Modified': mtime.toUTCString(),
    };
    const method = request.method ?? '';
    if (notModified(request, etag, mtimeMs)) {
      await file.close();
      response.writeHead(304, headers);
      response.end();
      return log(method, 304, 0, path);
    }
    const type = CONTENT_TYPES[extname(segments.at(-1) ?? '').toLowerCase()];
    response.writeHead(200, {
      ...headers,
      'Content-Type': type ?? 'application/octet-stream',
      'Content-Length': size,
    });
    if (method === 'HEAD' || size === 0) {
      await file.close();
      response.end();
      return log(method, 200, 0, path);
    }
    log(method, 200, size, path);
    // Exactly the stated length, even if a rebuild rewrites the file meanwhile. pipeline closes
    // the file and the stream if the client goes away.
    pipeline(file.createReadStream({ start: 0, end: size - 1 }), response, (error) => {
      if (error && errorCode(error) !== 'ERR_STREAM_PREMATURE_CLOSE') {
        logger({ event: 'error', where: 'static', code: errorCode(error) });
      }
    });
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(request, response, 405, { Allow: 'GET, HEAD' });
      return;
    }
    const path = pathOf(request.url ?? '');
    const found = lookup(path);
    if ('status' in found) {
      refuse(request, response, found.status);
      return;
    }
    serve(request, response, path, found.segments).catch((error: unknown) => {
      logger({ event: 'error', where: 'static', code: errorCode(error) });
      if (!response.headersSent) refuse(request, response, 500);
      else response.destroy();
    });
  }

  async function announce(): Promise<void> {
    try {
      const real = await realpath(root);
      const file = await open(join(real, 'index.html'), OPEN_FLAGS);
      await file.close();
      logger({ event: 'web-root', root });
    } catch {
      logger({ event: 'web-root-missing', root, hint: 'run `npm run build:web`' });
    }
  }

  return { handle, announce };
}
