/** One mock backend per test page (each test file runs in its own page). */
import { RestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import { startBrowserMock } from '../../mocks/browser.js';
import type { DeskguardMock, MockConfig } from '../../mocks/index.js';

export const BASE_URL = '/api/deskguard';

let started: ReturnType<typeof startBrowserMock> | undefined;

/** Starts the mock backend once for this page, then reconfigures and reseeds it. */
export async function useMock(config: Partial<MockConfig> = {}): Promise<DeskguardMock> {
  started ??= startBrowserMock({}, { baseUrl: BASE_URL });
  const { mock, worker } = await started;
  worker.resetHandlers();
  return mock.configure(config);
}

export async function worker() {
  started ??= startBrowserMock({}, { baseUrl: BASE_URL });
  return (await started).worker;
}

/** A REST adapter against the mock, with a short timeout so the timeout fault is quick. */
export function restAdapter(options: Partial<RestAdapterOptions> = {}): RestAdapter {
  return new RestAdapter({ baseUrl: BASE_URL, timeoutMs: 800, ...options });
}

/** The mock as the current test configured it (no reseeding). */
export async function currentMock(): Promise<DeskguardMock> {
  started ??= startBrowserMock({}, { baseUrl: BASE_URL });
  return (await started).mock;
}
