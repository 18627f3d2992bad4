import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeskguardAdapter } from '../core/adapter.js';
import { AdapterError, toAdapterError } from '../core/errors.js';
import { checkAnswer, MalformedResponse, type Check } from '../adapters/validate.js';

/** How a call ended: its value, or the error with (for a conflict) the record as it is now. */
export type CallResult<T, C> = { ok: true; value: T } | { ok: false; error: AdapterError; current: C | undefined };

/** What a call needs of its element: the adapter it resolves (own property or provider). */
export type CallHost = ReactiveControllerHost & { readonly currentAdapter: DeskguardAdapter | undefined };

/**
 * The shape of each adapter method's answer an element reads, by method: an element
 * declares its own as `static answers`, and every answer of those methods is checked
 * before the element sees it.
 */
export type AnswerChecks = { [M in keyof DeskguardAdapter]?: Check<unknown> };

/**
 * `adapter` with the answers of the methods in `checks` checked: an answer off the
 * contract (a field missing, of the wrong type) fails the call as `malformed`, naming the
 * method and the field, instead of reaching the element's render. Any adapter, the
 * host's own included, goes through it.
 */
export function checkedAdapter(adapter: DeskguardAdapter, checks: AnswerChecks | undefined): DeskguardAdapter {
  if (!checks) return adapter;
  return new Proxy(adapter, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      const check = checks[name as keyof AnswerChecks];
      if (!check || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const answer: unknown = await value.apply(target, args);
        try {
          return checkAnswer(check, answer, `${String(name)}()`);
        } catch (error) {
          if (!(error instanceof MalformedResponse)) throw error;
          throw new AdapterError('malformed', { message: error.message, cause: error });
        }
      };
    },
  });
}

/**
 * `Promise.all` for the calls of one load, failing with the first failure in the order
 * the calls are given rather than the first to arrive: the same fault always names the
 * same call. Waits for every call to settle.
 */
export async function allInOrder<T extends readonly unknown[]>(
  calls: readonly [...{ [K in keyof T]: Promise<T[K]> }],
): Promise<T> {
  const settled = await Promise.allSettled(calls);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** The checks `host`'s class declares for its adapter's answers. */
const checksOf = (host: CallHost) => (host.constructor as { answers?: AnswerChecks }).answers;

/**
 * One kind of call an element makes through its adapter, in the spirit of `@lit/task`:
 * the latest call wins (starting one aborts the one before, so a stale answer never
 * lands), leaving the page aborts it, and `pending` and `error` are state the template
 * reads. Elements never catch adapter errors themselves.
 *
 * `C` is what a `conflict` carries in `current` for this call (the record as it is now).
 */
/** Runs `work`; resolves to how it ended, or `undefined` when it was aborted. */
async function settle<T, C>(
  work: (adapter: DeskguardAdapter, signal: AbortSignal) => Promise<T>,
  adapter: DeskguardAdapter,
  { signal }: AbortController,
): Promise<CallResult<T, C> | undefined> {
  let result: CallResult<T, C>;
  try {
    result = { ok: true, value: await work(adapter, signal) };
  } catch (thrown) {
    const error = toAdapterError(thrown);
    // The user reads what to do; the developer needs what answered what (a wrong baseUrl, an off-contract body).
    if (error.kind === 'malformed') console.warn(`deskguard: ${error.message}`);
    result = { ok: false, error, current: error.kind === 'conflict' ? (error.current as C) : undefined };
  }
  return signal.aborted || (!result.ok && result.error.kind === 'aborted') ? undefined : result;
}

export class AdapterCall<C = unknown> implements ReactiveController {
  /** A call is in flight (quiet calls do not count). */
  pending = false;
  /** Why the last call failed, until the next starts or `clear()`. */
  error: AdapterError | undefined;
  #latest: AbortController | undefined;

  readonly #host: CallHost;

  constructor(host: CallHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Runs `work` with the adapter and an abort signal. Resolves to how it ended, or to
   * `undefined` when there is no adapter or a newer call (or leaving the page) took over.
   * A `quiet` call shows neither pending nor its error: a refresh behind the scenes.
   */
  async run<T>(
    work: (adapter: DeskguardAdapter, signal: AbortSignal) => Promise<T>,
    { quiet = false } = {},
  ): Promise<CallResult<T, C> | undefined> {
    const adapter = this.#host.currentAdapter;
    if (!adapter) return undefined;
    this.#latest?.abort();
    const controller = (this.#latest = new AbortController());
    if (!quiet) this.#set(true, undefined);
    const result = await settle<T, C>(work, checkedAdapter(adapter, checksOf(this.#host)), controller);
    if (!result) return undefined;
    this.#latest = undefined;
    if (!quiet) this.#set(false, result.ok ? undefined : result.error);
    return result;
  }

  /** Aborts the call in flight, if any; it resolves to `undefined` and changes nothing. */
  abort(): void {
    this.#latest?.abort();
    this.#latest = undefined;
    this.#set(false, this.error);
  }

  /** Forgets the error (the user dismissed it). */
  clear(): void {
    this.#set(this.pending, undefined);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** The adapter went (set to nothing, no provider): what was asked of it no longer counts. */
  hostUpdate(): void {
    if (this.#latest && !this.#host.currentAdapter) this.abort();
  }

  #set(pending: boolean, error: AdapterError | undefined): void {
    if (pending === this.pending && error === this.error) return;
    this.pending = pending;
    this.error = error;
    this.#host.requestUpdate();
  }
}

/**
 * Calls that run side by side, an action on each of several rows: none supersedes
 * another, each settles on its own and leaves its pending state and error to the
 * element; leaving the page or losing the adapter aborts them all.
 */
export class SideBySideCalls<C = unknown> implements ReactiveController {
  readonly #inFlight = new Set<AbortController>();

  readonly #host: CallHost;

  constructor(host: CallHost) {
    this.#host = host;
    host.addController(this);
  }

  async run<T>(
    work: (adapter: DeskguardAdapter, signal: AbortSignal) => Promise<T>,
  ): Promise<CallResult<T, C> | undefined> {
    const adapter = this.#host.currentAdapter;
    if (!adapter) return undefined;
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const result = await settle<T, C>(work, checkedAdapter(adapter, checksOf(this.#host)), controller);
    this.#inFlight.delete(controller);
    return result;
  }

  abort(): void {
    for (const controller of this.#inFlight) controller.abort();
    this.#inFlight.clear();
  }

  hostDisconnected(): void {
    this.abort();
  }

  hostUpdate(): void {
    if (this.#inFlight.size && !this.#host.currentAdapter) this.abort();
  }
}
