import { RestAdapter } from './rest.js';

/** What `MemoryAdapter` needs of a server: `deskguard/server`'s `createServer` makes one. */
export interface InProcessServer {
  fetch(request: Request, identity?: { staffId: string } | null): Promise<Response>;
}

export interface MemoryAdapterOptions {
  /** Simulated latency of every call, in milliseconds (0 by default). */
  latencyMs?: number;
}

const ORIGIN = 'http://deskguard.in-process';

/**
 * The REST adapter over a `deskguard/server` in the same page or process, for demos,
 * Storybook and unit tests: every call is a `Request` the server answers by its own rules,
 * as the viewer `viewerId`, with no network in between.
 *
 *   const server = createServer({ storage: new MemoryStorage(createSeedData()) });
 *   element.adapter = new MemoryAdapter(server, 'staff-admin');
 */
export class MemoryAdapter extends RestAdapter {
  readonly server: InProcessServer;
  readonly #as: { viewerId: string };

  constructor(server: InProcessServer, viewerId: string, options: MemoryAdapterOptions = {}) {
    const as = { viewerId };
    super({
      baseUrl: ORIGIN,
      fetch: async (input, init) => {
        const signal = init?.signal ?? undefined;
        const latency = options.latencyMs ?? 0;
        await new Promise<void>((resolve, reject) => {
          const abort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
          if (signal?.aborted) return abort();
          const timer = setTimeout(resolve, latency);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            abort();
          });
        });
        const request = new Request(typeof input === 'string' || input instanceof URL ? input : input.url, init);
        return server.fetch(request, { staffId: as.viewerId });
      },
    });
    this.server = server;
    this.#as = as;
  }

  /** The staff member the adapter speaks for. */
  get viewerId(): string {
    return this.#as.viewerId;
  }

  set viewerId(id: string) {
    this.#as.viewerId = id;
  }
}
