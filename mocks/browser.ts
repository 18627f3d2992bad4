import { setupWorker, type SetupWorker } from 'msw/browser';
import { DeskguardMock, type MockConfig } from './mock.js';

export * from './index.js';

export interface BrowserMockOptions {
  baseUrl?: string;
  /** Where the service worker file is served; `/mockServiceWorker.js` by default. */
  serviceWorkerUrl?: string;
  /** Log every mocked request to the console. */
  verbose?: boolean;
}

/** Starts the mock backend in a browser page through a service worker. */
export async function startBrowserMock(
  config: Partial<MockConfig> = {},
  options: BrowserMockOptions = {},
): Promise<{ mock: DeskguardMock; worker: SetupWorker }> {
  const mock = new DeskguardMock(config);
  const worker = setupWorker(...mock.handlers(options.baseUrl));
  await worker.start({
    quiet: !options.verbose,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  return { mock, worker };
}
