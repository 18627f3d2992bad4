// deskguard/server in a Fastify 5 app: the body stays as it came, the route hands the request on.
import Fastify from 'fastify';
import { createServer } from 'deskguard/server';
import { toNodeListener } from 'deskguard/server/node';
import { storage } from './storage.mjs';

const deskguard = toNodeListener(
  createServer({ storage, basePath: '/api/deskguard', secret: process.env.DESKGUARD_SECRET }),
);
const app = Fastify();
// deskguard reads the body itself: Fastify leaves it unread.
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', (request, payload, done) => done(null));
app.all('/api/deskguard/*', (request, reply) => {
  reply.hijack();
  return deskguard(request.raw, reply.raw);
});

const url = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
console.log(`deskguard on fastify: ${url}/api/deskguard`);
