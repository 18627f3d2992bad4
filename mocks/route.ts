/**
 * Browser end-to-end tests against the mock without a service worker or a server: the
 * test runner routes the page's requests for the REST contract to a mock in its own Node
 * process. Works with a Playwright or a Puppeteer page.
 *
 *   const { mock } = await routeToMock(page, { scenario: 'conflict', viewer: 'front-desk' });
 */
import { getResponse } from 'msw';
import { DeskguardMock, MOCK_BASE_URL, type MockConfig } from './mock.js';

export * from './index.js';

/** What routeToMock needs of a Playwright route. */
interface PlaywrightRoute {
  request(): { url(): string; method(): string; headers(): Record<string, string>; postDataBuffer(): Buffer | null };
  fulfill(answer: { status: number; headers: Record<string, string>; body: Buffer }): Promise<void>;
  fallback?(): Promise<void>;
  continue(): Promise<void>;
  abort(): Promise<void>;
}

/** What routeToMock needs of a Puppeteer request. */
interface PuppeteerRequest {
  url(): string;
  method(): string;
  headers(): Record<string, string>;
  postData(): string | undefined;
  respond(answer: { status: number; headers: Record<string, string>; body: Buffer }): Promise<void>;
  continue(): Promise<void>;
  abort(): Promise<void>;
  isInterceptResolutionHandled?(): boolean;
}

/** A Playwright page (`route`) or a Puppeteer page (`setRequestInterception`). */
export type RoutablePage =
  | {
      route(url: (url: URL) => boolean, handler: (route: PlaywrightRoute) => unknown): Promise<void>;
      unroute(url: (url: URL) => boolean): Promise<void>;
    }
  | {
      setRequestInterception(on: boolean): Promise<void>;
      on(event: 'request', handler: (request: PuppeteerRequest) => unknown): unknown;
      off(event: 'request', handler: (request: PuppeteerRequest) => unknown): unknown;
    };

export interface RouteOptions {
  /** Where the page sends the contract's requests: a path on any origin (`/api/deskguard`, the default) or a full URL. */
  baseUrl?: string;
}

/**
 * Answers the page's requests under `baseUrl` from a new mock backend with `config`;
 * every other request goes on as before. Resolves to the mock (to configure it, inject
 * faults and read `served`) and a `stop()` that lets the page's requests through again.
 */
export async function routeToMock(
  page: RoutablePage,
  config: Partial<MockConfig> = {},
  options: RouteOptions = {},
): Promise<{ mock: DeskguardMock; stop(): Promise<void> }> {
  const mock = new DeskguardMock(config);
  const base = (options.baseUrl ?? MOCK_BASE_URL).replace(/\/+$/, '');
  const handlers = mock.handlers(base.startsWith('/') ? `*${base}` : base);
  const matches = (url: URL): boolean =>
    base.startsWith('/') ? url.pathname.startsWith(`${base}/`) : url.href.startsWith(`${base}/`);

  async function answer(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: Uint8Array<ArrayBuffer> | undefined,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer } | 'network-error' | undefined> {
    const request = new Request(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || !body?.length ? undefined : body,
    });
    const response = await getResponse(handlers, request);
    if (!response) return undefined;
    // A network fault (the offline scenario) is no answer at all: the request fails.
    if (response.type === 'error') return 'network-error';
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  if ('route' in page) {
    const handler = async (route: PlaywrightRoute): Promise<void> => {
      const request = route.request();
      const data = request.postDataBuffer();
      const found = await answer(
        request.url(),
        request.method(),
        request.headers(),
        data
          ? new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)
          : undefined,
      );
      if (found === 'network-error') await route.abort();
      else if (found) await route.fulfill(found);
      else await (route.fallback ?? route.continue).call(route);
    };
    await page.route(matches, handler);
    return { mock, stop: () => page.unroute(matches) };
  }

  const onRequest = async (request: PuppeteerRequest): Promise<void> => {
    if (request.isInterceptResolutionHandled?.()) return;
    if (!matches(new URL(request.url()))) return void (await request.continue());
    const data = request.postData();
    const found = await answer(
      request.url(),
      request.method(),
      request.headers(),
      data === undefined ? undefined : (new TextEncoder().encode(data) as Uint8Array<ArrayBuffer>),
    );
    await (found === 'network-error' ? request.abort() : found ? request.respond(found) : request.continue());
  };
  await page.setRequestInterception(true);
  page.on('request', onRequest);
  return {
    mock,
    stop: async () => {
      page.off('request', onRequest);
      await page.setRequestInterception(false);
    },
  };
}
