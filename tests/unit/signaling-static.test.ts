import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { maxHeaderSize } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH } from '../../signaling/static';
import { startServer, TestClient, until } from '../helpers/signaling';
import { rawGet as get, INDEX, makeWebRoot, ROOM, raw, SECRET } from '../helpers/web-root';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

// Made at collection time: the traversal table below names the absolute base path.
const { base, root, remove } = makeWebRoot();
afterAll(remove);

async function webServer() {
  const server = await startServer({}, { webRoot: root });
  return { ...server, http: `http://127.0.0.1:${server.port}` };
}

describe('the web app on the signaling port: paths', () => {
  it.each([
    ['/../secret.txt', 404],
    ['/assets/../../secret.txt', 404],
    ['/%2e%2e/secret.txt', 404],
    ['/%2E%2E/%2e%2e/secret.txt', 404],
    ['/%252e%252e/secret.txt', 404],
    ['/..%2fsecret.txt', 404],
    ['/%2e%2e%2fsecret.txt', 404],
    ['/assets%2f..%2f..%2fsecret.txt', 404],
    ['/..\\secret.txt', 404],
    ['/%5c..%5csecret.txt', 404],
    ['/index.html%00', 404],
    ['/%00', 404],
    ['/%c0%ae%c0%ae/secret.txt', 400], // overlong UTF-8 for '.': not UTF-8 at all
    ['/%', 400],
    ['/%zz', 400],
    ['//secret.txt', 404],
    [`/${base.slice(1)}/secret.txt`, 404],
    ['/leak.txt', 404], // a symlink out of the root
    ['/leakdir/secret.txt', 404], // a folder symlink out of the root
    ['/.env', 404], // dotfiles inside the root are not served either
    ['http://127.0.0.1/../secret.txt', 400], // absolute-form
  ])('GET %s → %i, nothing from outside the root', async (target, status) => {
    const { port } = await webServer();
    const response = await get(port, target);
    expect(response.status).toBe(status);
    expect(response.body).not.toContain(SECRET);
    expect(response.headers['content-security-policy']).toBe(CSP);
  });

  it('never serves anything but a file of the root, whatever the path is made of', async () => {
    const { port } = await webServer();
    const piece = fc.constantFrom(
      ...['..', '.', '%2e%2e', '.%2e', '%2E.', '%252e%252e', '%2f', '%2F', '%5c', '\\', '%00'],
      ...['%c0%ae', '%25', '/', '//', 'web', 'outside', 'leakdir', 'leak.txt', 'secret.txt'],
      ...['assets', 'room.html', '.env', base.slice(1)],
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const response = await get(port, `/${pieces.join('')}`);
        expect(response.body).not.toContain(SECRET);
        expect([200, 400, 404]).toContain(response.status);
        if (response.status === 200) {
          expect(response.body).toBe(readFileSync(join(root, 'room.html'), 'utf8'));
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(['secret.txt', '/\0', '/../secret.txt\0', '/.. /secret.txt'])(
    "GET %j is refused by Node's parser before it reaches the handler",
    async (target) => {
      const { port, http } = await webServer();
      expect(await get(port, target)).toMatchObject({ status: 400, body: '' });
      expect((await fetch(`${http}/`)).status).toBe(200);
    },
  );

  it('serves what is inside, including a symlink that stays inside (the raw client works)', async () => {
    const { port } = await webServer();
    expect(await get(port, '/')).toMatchObject({
      status: 200,
      body: expect.stringContaining('Kring'),
    });
    expect(await get(port, '/alias.html')).toMatchObject({
      status: 200,
      body: expect.stringContaining('Room'),
    });
    expect((await get(port, '/assets/%61pp-Ab1_x.js')).status).toBe(200); // %61 is 'a'
  });

  it.each(['/nope', '/assets/', '/assets', '/sub/', '/sub', '/leakdir/', '/index.html/', '/room'])(
    'GET %s → 404 with a small plain body, no listing',
    async (path) => {
      const { http } = await webServer();
      const response = await fetch(`${http}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe('Not found\n');
    },
  );

  it('answers 414 to a path over the limit and ignores the query for lookup', async () => {
    const { http } = await webServer();
    expect((await fetch(`${http}/${'a'.repeat(MAX_PATH_LENGTH)}`)).status).toBe(414);
    const withQuery = await fetch(`${http}/room.html?${'q'.repeat(MAX_PATH_LENGTH * 2)}`);
    expect(withQuery.status).toBe(200);
  });
});

describe('the web app on the signaling port: methods and headers', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/room.html', 'text/html; charset=utf-8'],
    ['/assets/app-Ab1_x.js', 'text/javascript; charset=utf-8'],
    ['/assets/chunk-Cd2.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/style-Ef3.css', 'text/css; charset=utf-8'],
    ['/assets/logo-Gh4.svg', 'image/svg+xml; charset=utf-8'],
    ['/assets/qr-Ij5.png', 'image/png'],
    ['/favicon.ico', 'image/x-icon'],
    ['/data.json', 'application/json; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['/assets/font-Kl6.woff2', 'font/woff2'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/assets/blob-Mn7.bin', 'application/octet-stream'],
  ])('GET %s is %s', async (path, type) => {
    const { http } = await webServer();
    const response = await fetch(`${http}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('caches hashed assets for a year and revalidates the rest, with 304s', async () => {
    const { http } = await webServer();
    const asset = await fetch(`${http}/assets/app-Ab1_x.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${http}/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${http}/assets/missing-Zz9.js`)).headers.get('cache-control')).toBe(
      'no-cache',
    );

    const etag = page.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await fetch(`${http}/`, { headers: { 'If-None-Match': `"x", ${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBe(CSP);
    const since = page.headers.get('last-modified') ?? '';
    expect((await fetch(`${http}/`, { headers: { 'If-Modified-Since': since } })).status).toBe(304);
    expect((await fetch(`${http}/`, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('sends the security headers on every response', async () => {
    const { http } = await webServer();
    for (const [path, method] of [
      ['/', 'GET'],
      ['/nope', 'GET'],
      ['/', 'POST'],
    ] as const) {
      const { headers } = await fetch(`${http}${path}`, { method });
      expect(headers.get('content-security-policy')).toBe(CSP);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('permissions-policy')).toMatch(
        /camera=\(\), microphone=\(\), geolocation=\(\)/,
      );
    }
  });

  it('HEAD answers the headers of GET and no body', async () => {
    const { port } = await webServer();
    const got = await get(port, '/assets/style-Ef3.css');
    const head = await raw(port, 'HEAD /assets/style-Ef3.css HTTP/1.1');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('3');
    for (const name of ['content-type', 'content-length', 'etag', 'cache-control']) {
      expect(head.headers[name]).toBe(got.headers[name]);
    }
    expect(await raw(port, 'HEAD /nope HTTP/1.1')).toMatchObject({ status: 404, body: '' });
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('%s → 405 with Allow', async (method) => {
    const { http } = await webServer();
    const response = await fetch(`${http}/index.html`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 431 to huge headers and serves the next request', async () => {
    const { port, http } = await webServer();
    const huge = await raw(port, `GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(maxHeaderSize + 1)}`);
    expect(huge.status).toBe(431);
    expect((await fetch(`${http}/`)).status).toBe(200);
  });
});

describe('the web app next to signaling', () => {
  it('keeps /health, and WebSocket signaling on the same port', async () => {
    const { http, url } = await webServer();
    const health = await fetch(`${http}/health`);
    expect(health.headers.get('content-type')).toBe('application/json');
    expect(await health.json()).toMatchObject({ status: 'ok', connections: 0 });
    const post = await fetch(`${http}/health`, { method: 'POST' });
    expect([post.status, await post.json()]).toEqual([405, { error: 'method-not-allowed' }]);

    const [a, b] = await Promise.all([TestClient.open(url), TestClient.open(`${url}/room.html`)]);
    a.subscribe('t');
    b.subscribe('t');
    await Promise.all([a.sync(), b.sync()]);
    a.publish('t', 'hello');
    expect(await b.next()).toMatchObject({ type: 'publish', data: 'hello' });
  });

  it('logs method, served path, status and size only: never a query or fragment', async () => {
    const { port, http, lines, events } = await webServer();
    await fetch(`${http}/?code=ABCD-EFGH-JK`);
    await get(port, '/room.html?room=ABCD-EFGH-JK#ABCD-EFGH-JK');
    await get(port, '/index.html#ABCD-EFGH-JK');
    await get(port, '/ABCD-EFGH-JK'); // someone typed the code after the host name
    await get(port, '/..%2fABCD-EFGH-JK?ABCD-EFGH-JK');
    await fetch(`${http}/room.html?ABCD-EFGH-JK`, { method: 'POST' });
    await until(() => events.filter((event) => event.event === 'http-request').length === 6);
    expect(lines.join('')).not.toMatch(/ABCD|\?|#/);
    const logged = events.filter((event) => event.event === 'http-request');
    expect(logged.map(({ event, ...rest }) => rest)).toEqual([
      { method: 'GET', path: '/', status: 200, bytes: INDEX.length },
      { method: 'GET', path: '/room.html', status: 200, bytes: ROOM.length },
      { method: 'GET', path: '/index.html', status: 200, bytes: INDEX.length },
      { method: 'GET', status: 404, bytes: 10 },
      { method: 'GET', status: 404, bytes: 10 },
      { method: 'POST', status: 405, bytes: 19 },
    ]);
  });

  it('without a built web app answers 404, says so once after listening, and still signals', async () => {
    const missing = join(base, 'not-built-yet');
    const { port, url, events } = await startServer({}, { webRoot: missing });
    await until(() => events.length >= 2);
    expect(events.slice(0, 2)).toEqual([
      expect.objectContaining({ event: 'listening' }),
      { event: 'web-root-missing', root: missing, hint: 'run `npm run build:web`' },
    ]);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    const client = await TestClient.open(url);
    client.send({ type: 'ping' });
    expect(await client.next()).toEqual({ type: 'pong' });

    mkdirSync(missing); // a build that lands later is served without a restart
    writeFileSync(join(missing, 'index.html'), 'late');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('late');
  });
});
