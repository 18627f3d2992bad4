// deskguard/server in an Express 5 app: one line mounts the whole REST contract.
import express from 'express';
import { createServer } from 'deskguard/server';
import { toNodeListener } from 'deskguard/server/node';
import { storage } from './storage.mjs';

const deskguard = createServer({ storage, basePath: '/api/deskguard', secret: process.env.DESKGUARD_SECRET });
const app = express();
app.use('/api/deskguard', toNodeListener(deskguard));

const listener = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () =>
  console.log(`deskguard on express: http://127.0.0.1:${listener.address().port}/api/deskguard`),
);
