import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StaticFiles } from './static';

/**
 * The server's plain HTTP requests (server.ts; WebSocket upgrades go elsewhere): `GET /health`
 * for monitoring and load balancers, and every other path the web app's (static.ts), or 404
 * without one. Health answers 503 while the server is not serving, so a load balancer stops
 * sending clients to an instance that is shutting down.
 */
export interface HttpRoutesOptions {
  readonly webApp: StaticFiles | undefined;
  /** Whether the server is listening and not shutting down. */
  readonly serving: () => boolean;
  /** The numbers `/health` reports next to `status: ok`. */
  readonly stats: () => object;
}

export function httpRoutes(
  options: HttpRoutesOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/health') {
      if (options.webApp) options.webApp.handle(request, response);
      else respond(response, 404, { error: 'not-found' });
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      respond(response, 405, { error: 'method-not-allowed' });
    } else if (!options.serving()) {
      respond(response, 503, { status: 'shutting-down' });
    } else {
      respond(response, 200, { status: 'ok', ...options.stats() });
    }
  };
}

function respond(response: ServerResponse, status: number, body: object): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  response.end(json);
}
