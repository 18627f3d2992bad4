/** One mock backend per test page (each test file runs in its own page). */
import { RestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import { startBrowserMock } from '../../mocks/browser.js';
import { MOCK_BASE_URL, type DeskguardMock, type MockConfig } from '../../mocks/index.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory.js';
import type { AuditEvent, ContactLog } from '../../src/core/types.js';
import type { BackendData } from '../../src/server/records.js';
import { MemoryStorage } from '../../src/server/memory/index.js';
import { createServer, type DeskguardServer } from '../../src/server/server.js';

let started: ReturnType<typeof startBrowserMock> | undefined;

/** The page's mock and its service worker, started on first use. */
function start(): ReturnType<typeof startBrowserMock> {
  started ??= startBrowserMock({}, { baseUrl: MOCK_BASE_URL });
  return started;
}

/** Reconfigures and reseeds the mock, dropping any per-test handlers. */
export async function useMock(config: Partial<MockConfig> = {}): Promise<DeskguardMock> {
  const { mock, worker } = await start();
  worker.resetHandlers();
  return mock.configure(config);
}

export async function worker() {
  return (await start()).worker;
}

/** The mock as the current test configured it (no reseeding). */
export async function currentMock(): Promise<DeskguardMock> {
  return (await start()).mock;
}

/** A REST adapter against the mock, with a short timeout so the timeout fault is quick. */
export function restAdapter(options: Partial<RestAdapterOptions> = {}): RestAdapter {
  return new RestAdapter({ baseUrl: MOCK_BASE_URL, timeoutMs: 800, ...options });
}

/** The contact logs written since the seed: the seed's own history left out. */
export function written(backend: { data: BackendData }): ContactLog[] {
  // As the contract answers them: without the client's name the storage orders them by.
  return backend.data.contactLogs
    .filter((log) => !log.id.startsWith('seed-'))
    .map(({ clientName: _name, ...log }) => log);
}

/** The audit events recorded since the seed: the seed's sign-ins left out. */
export function recorded(backend: { data: BackendData }): AuditEvent[] {
  return backend.data.auditEvents.filter((event) => !event.id.startsWith('seed-'));
}

/** A backend in the page, without the service worker: the server over memory storage, and adapters to it. */
export interface InPage {
  storage: MemoryStorage;
  server: DeskguardServer;
  data: BackendData;
  adapter(viewerId: string, options?: MemoryAdapterOptions): MemoryAdapter;
}

export function inPage(data: BackendData, options: { now?: () => number } = {}): InPage {
  const storage = new MemoryStorage(data);
  const server = createServer({ storage, now: options.now, passwords: { iterations: 1_000 } });
  return { storage, server, data: storage.data, adapter: (viewerId, o) => new MemoryAdapter(server, viewerId, o) };
}
