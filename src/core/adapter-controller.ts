import { ContextConsumer } from '@lit/context';
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

  constructor(
    private readonly host: Host,
    private readonly onChange: (adapter: DeskguardAdapter | undefined) => void,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: adapterContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.sync();
      },
    });
  }

  get adapter(): DeskguardAdapter | undefined {
    return this.host.adapter ?? this.provided;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.current = undefined;
    this.onChange(undefined);
  }

  private sync(): void {
    const next = this.connected ? this.adapter : undefined;
    if (next === this.current) return;
    this.current = next;
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
