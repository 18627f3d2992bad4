/**
 * The mock backend as a real HTTP server, for QA tools that cannot run MSW in their own
 * process (Cypress, Playwright against a dev server, mobile apps, curl): the same
 * handlers and seed as Storybook and the tests, answered over HTTP with CORS.
 *
 * Control endpoints, under `/__deskguard`:
 * - `GET /__deskguard/config`: the scenario, viewer, business and fault in force;
 * - `POST /__deskguard/config` with a JSON `MockConfig` (partial): reseeds with it;
 * - `POST /__deskguard/fault` with a JSON `Fault`, or `{}` to clear it: keeps the data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { DeskguardMock, MOCK_BASE_URL, type Fault, type MockConfig, type MockOptions } from './mock.js';

export * from './index.js';

export interface MockServerOptions {
  /** The port to listen on; 0 (the default) takes a free one. */
  port?: number;
  /** The interface to listen on; `127.0.0.1` by default. */
  host?: string;
  /** The scenario, viewer, business and fault to start with. */
  config?: Partial<MockConfig>;
  /** Where the REST contract is served on the server; `/api/deskguard` by default. */
  basePath?: string;
  /** A database to keep the records in instead of memory (`MockOptions.database`). */
  database?: MockOptions['database'];
  /** The business to keep them as, resumed when the database has it (`MockOptions.businessId`). */
  businessId?: string;
}

export interface MockServer {
  /** The contract's base URL on this server, e.g. `http://127.0.0.1:4010/api/deskguard`. */
  baseUrl: string;
  /** The server's origin, where the control endpoints live. */
  origin: string;
  mock: DeskguardMock;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Methods': 'GET, PUT, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, Idempotency-Key, Accept',
  'Access-Control-Max-Age': '600',
};

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function send(response: ServerResponse, answer: Response, origin: string | undefined): Promise<void> {
  const headers: Record<string, string> = { ...CORS, 'Access-Control-Allow-Origin': origin ?? '*', Vary: 'Origin' };
  answer.headers.forEach((value, name) => (headers[name] = value));
  response.writeHead(answer.status, headers);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Starts the mock backend as an HTTP server; resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const mock = new DeskguardMock(options.config, { database: options.database, businessId: options.businessId });
  await mock.ready;
  const basePath = (options.basePath ?? MOCK_BASE_URL).replace(/\/+$/, '');
  const handlers = mock.handlers(`*${basePath}`);

  const control = async (method: string, path: string, body: Buffer): Promise<Response> => {
    const input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    if (path === '/__deskguard/config' && method === 'GET') return json(mock.config);
    if (path === '/__deskguard/config' && method === 'POST') {
      mock.configure(input);
      await mock.ready;
      return json(mock.config);
    }
    if (path === '/__deskguard/fault' && method === 'POST')
      return json(mock.setFault(Object.keys(input).length ? (input as unknown as Fault) : undefined).config);
    return json({ error: { code: 'not_found', message: `No control endpoint ${method} ${path}` } }, 404);
  };

  const server = createServer(async (request, response) => {
    const origin = request.headers.origin;
    try {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
      const method = request.method ?? 'GET';
      if (method === 'OPTIONS') {
        response.writeHead(204, { ...CORS, 'Access-Control-Allow-Origin': origin ?? '*', Vary: 'Origin' });
        response.end();
        return;
      }
      const body = await bodyOf(request);
      if (url.pathname.startsWith('/__deskguard/')) {
        await send(response, await control(method, url.pathname, body), origin);
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string') headers.set(name, value);
      // The socket's address, as a host's server knows it, unless a test says otherwise.
      if (!headers.has('x-forwarded-for') && request.socket.remoteAddress)
        headers.set('x-forwarded-for', request.socket.remoteAddress);
      const fetchRequest = new Request(url, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' || !body.length ? undefined : new Uint8Array(body),
      });
      const answer =
        (await getResponse(handlers, fetchRequest)) ??
        json({ error: { code: 'not_found', message: `Nothing is served at ${method} ${url.pathname}` } }, 404);
      // A network fault (the offline scenario) is no answer at all: the connection drops.
      if (answer.type === 'error') return void request.socket.destroy();
      await send(response, answer, origin);
    } catch (error) {
      await send(response, json({ error: { code: 'server', message: String(error) } }, 500), origin);
    }
  });
  await new Promise<void>((listening) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    baseUrl: `${origin}${basePath}`,
    origin,
    mock,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
