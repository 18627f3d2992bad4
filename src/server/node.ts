/**
 * `deskguard/server/node`: `deskguard/server` as a Node request listener, for Node's own
 * `http` server, Express and anything else that hands over `(req, res)`:
 *
 *   app.use('/api/deskguard', toNodeListener(server));
 *
 * The request becomes a Fetch `Request` (the original URL, headers and body), the socket's
 * address goes with it, and the `Response` is written back. Frameworks built on the Fetch
 * API (Hono, Next.js route handlers, Bun, Deno, workers) call `server.fetch` directly.
 */
import type { DeskguardServer } from './server.js';

/** What the listener reads of Node's `IncomingMessage`. */
export interface NodeRequest extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  /** Express keeps the path before its mount point here. */
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string; encrypted?: boolean };
}

/** What the listener writes of Node's `ServerResponse`. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(body?: Uint8Array | string): unknown;
}

export interface NodeListenerOptions {
  /**
   * Where a request comes from. The socket's address by default; behind a proxy you
   * trust, read its header instead (`(req) => req.headers['x-forwarded-for']`).
   */
  address?: (request: NodeRequest) => string | undefined;
}

/** Converts one Node request into a Fetch `Request`. */
export async function toRequest(req: NodeRequest): Promise<Request> {
  const host = typeof req.headers['host'] === 'string' ? req.headers['host'] : 'localhost';
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${req.socket?.encrypted ? 'https' : 'http'}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    const length = chunks.reduce((n, c) => n + c.length, 0);
    body = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.length;
    }
  }
  return new Request(url, { method, headers, body: body?.length ? body : undefined });
}

/** Writes a Fetch `Response` to a Node response. */
export async function writeResponse(response: Response, res: NodeResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(new Uint8Array(await response.arrayBuffer()));
}

/** The server as a Node `(req, res)` listener. */
export function toNodeListener(
  server: Pick<DeskguardServer, 'fetch'>,
  options: NodeListenerOptions = {},
): (req: NodeRequest, res: NodeResponse) => Promise<void> {
  const address = options.address ?? ((req: NodeRequest) => req.socket?.remoteAddress);
  return async (req, res) => {
    const from = address(req);
    const response = await server.fetch(await toRequest(req), undefined, from ? { address: from } : {});
    await writeResponse(response, res);
  };
}
