import type { DeskguardAdapter } from '../core/adapter.js';
import { AdapterCall, type CallHost } from './adapter-call.js';

/** What an element loads, and from what. */
export interface LoaderOptions<T, A extends readonly unknown[]> {
  /** The load's arguments, read from the element: when one changes (by identity), it loads again. */
  args?: () => A;
  /** Whether the arguments are enough to load with (no staff id yet, dates the wrong way round). */
  ready?: (args: A) => boolean;
  /** Before each load that shows itself: what a new load clears (a failed save's error). */
  starting?: () => void;
  /** Asks the adapter. */
  load(adapter: DeskguardAdapter, args: A, signal: AbortSignal): Promise<T>;
  /** Takes the answer of the latest load, never one a newer load superseded. */
  loaded(value: T, args: A): void;
}

const same = (a: readonly unknown[], b: readonly unknown[] | undefined): boolean =>
  !!b && a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * What an element shows from its adapter, loaded in the manner of `@lit/task`: it loads
 * when the element gets an adapter (its own or a provider's, and again when that
 * changes), when one of its arguments changes, and on `reload()`. The latest load wins:
 * a newer one aborts the one before, so a stale answer never lands. `pending` and
 * `error` are state the template reads, as for any `AdapterCall`.
 */
export class Loader<T, A extends readonly unknown[] = []> extends AdapterCall {
  readonly #host: CallHost & { readonly isConnected: boolean };
  readonly #options: LoaderOptions<T, A>;
  /** The adapter and the arguments of the latest load. */
  #adapter: DeskguardAdapter | undefined;
  #args: A | undefined;

  constructor(host: CallHost & { readonly isConnected: boolean }, options: LoaderOptions<T, A>) {
    super(host);
    this.#host = host;
    this.#options = options;
  }

  /** Loads again with the arguments as they are now. A `quiet` load shows neither pending nor its error. */
  async reload({ quiet = false } = {}): Promise<void> {
    const { args, ready, starting, load, loaded } = this.#options;
    const now = args?.() ?? ([] as unknown as A);
    this.#args = now;
    this.#adapter = this.#host.currentAdapter;
    if (ready && !ready(now)) return;
    if (!quiet) starting?.();
    const result = await this.run((adapter, signal) => load(adapter, now, signal), { quiet });
    if (result?.ok) loaded(result.value, now);
  }

  /** Before each render: a new adapter or new arguments load again. */
  override hostUpdate(): void {
    super.hostUpdate();
    const adapter = this.#host.isConnected ? this.#host.currentAdapter : undefined;
    if (!adapter) this.#adapter = undefined;
    else if (adapter !== this.#adapter || !same(this.#options.args?.() ?? [], this.#args)) void this.reload();
  }

  /** Off the page, what was loaded from is forgotten: back on it, the element loads again. */
  override hostDisconnected(): void {
    super.hostDisconnected();
    this.#adapter = undefined;
  }
}
