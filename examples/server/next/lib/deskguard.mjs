// One deskguard server for the Next.js app (lib/deskguard.mjs).
import { createServer } from 'deskguard/server';
import { storage } from '../../storage.mjs';

export const deskguard = createServer({ storage, basePath: '/api/deskguard', secret: process.env.DESKGUARD_SECRET });
