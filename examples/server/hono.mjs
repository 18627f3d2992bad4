// deskguard/server in a Hono app: both speak the Fetch API, so the request goes as it is.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { createServer } from 'deskguard/server';
import { storage } from './storage.mjs';

const deskguard = createServer({ storage, basePath: '/api/deskguard', secret: process.env.DESKGUARD_SECRET });
const app = new Hono();
// The socket's address goes with the request: sign-in and the entry logs record it.
app.all('/api/deskguard/*', (c) =>
  deskguard.fetch(c.req.raw, undefined, { address: c.env.incoming.socket.remoteAddress }),
);

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: '127.0.0.1' }, (info) =>
  console.log(`deskguard on hono: http://127.0.0.1:${info.port}/api/deskguard`),
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
