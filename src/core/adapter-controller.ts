import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeskguardAdapter } from './adapter.js';
import { adapterContext } from './context.js';

type Host = ReactiveControllerHost & HTMLElement & { adapter?: DeskguardAdapter | undefined };

/**
 * Resolves an element's adapter: its own `adapter` property wins, else the one a
 * `<deskguard-provider>` around it provides. Calls `onChange` whenever the resolved
 * adapter changes, and with `undefined` when the element leaves the page, so the
 * element can abort its requests and load again when it comes back.
 */
export class AdapterController implements ReactiveController {
  private provided: DeskguardAdapter | undefined;
  private current: DeskguardAdapter | undefined;
  private connected = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly onChange: (adapter: DeskguardAdapter | undefined) => void,
  ) {
    host.addController(this);
  }

  /** Answers the context request: a provider calls it now and again whenever its adapter changes. */
  private readonly receive = (value: DeskguardAdapter | undefined, unsubscribe?: () => void): void => {
    // A new unsubscribe function means another provider answered: let go of the old one.
    if (this.unsubscribe !== unsubscribe) this.unsubscribe?.();
    this.unsubscribe = unsubscribe;
    this.provided = value;
    this.sync();
  };

  get adapter(): DeskguardAdapter | undefined {
    return this.host.adapter ?? this.provided;
  }

  hostConnected(): void {
    this.connected = true;
    // The community context protocol's request, as @lit/context's ContextConsumer sends it, in a few bytes.
    this.host.dispatchEvent(
      Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
        context: adapterContext,
        contextTarget: this.host,
        callback: this.receive,
        subscribe: true,
      }),
    );
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.provided = undefined;
    this.connected = false;
    this.sync();
  }

  private sync(): void {
    const next = this.connected ? this.adapter : undefined;
    if (next === this.current) return;
    this.current = next;
    // The element renders differently with and without an adapter, whatever its own state.
    this.host.requestUpdate();
    this.onChange(next);
  }
}

/** One in-flight request at a time: starting the next aborts the last, so a stale answer never lands. */
export class LatestRequest {
  private controller: AbortController | undefined;

  next(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
