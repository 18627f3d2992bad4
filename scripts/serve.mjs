/**
 * A small static file server: `node scripts/serve.mjs [root] [port]`. It serves the plain
 * HTML example (from the repository root, so its import map reaches dist/ and
 * node_modules/) and the built examples in the examples check.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Starts serving `root` on `port` (0 for any free port), with `headers` on every answer;
 * `api`, when given, answers a request first (a fetch `Request` in, a `Response` or
 * nothing out). Resolves to the server's base URL and a close().
 */
export async function serve(root, port = 0, headers = {}, api = undefined) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    if (api && (await answerFromApi(api, request, response))) return;
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${path}`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...headers,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((done) => server.close(done)) };
}

/** Hands a Node request to `api` as a fetch Request; writes its Response back. False when it had none. */
async function answerFromApi(api, request, response) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const answer = await api(
    new Request(new URL(request.url ?? '/', `http://${request.headers.host}`), {
      method: request.method,
      headers: Object.entries(request.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : body,
    }),
  );
  if (!answer) return false;
  if (answer.type === 'error') {
    request.socket.destroy();
    return true;
  }
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = '.', port = '8080', path = '/'] = process.argv.slice(2);
  const { url } = await serve(root, Number(port));
  console.log(`Serving ${resolve(root)} at ${url}${path}`);
}
