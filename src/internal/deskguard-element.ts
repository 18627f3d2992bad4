import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyDeclaration, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { DeskguardAdapter } from '../core/adapter.js';
import type { AnswerChecks } from './adapter-call.js';
import { card, noAdapterNotice, type CardOptions } from './card.js';
import { adapterContext } from '../core/context.js';
import { count, updateWhenLocaleChanges } from './localize.js';
import { tokens } from './styles.js';

/** Declares internal reactive state (as `@state()` does) for each name: `static properties = { ...states('page') }`. */
export function states(...names: string[]): Record<string, PropertyDeclaration> {
  return Object.fromEntries(names.map((name) => [name, { state: true }]));
}

/**
 * What every deskguard element shares: its adapter (its own `adapter` property, else
 * the one a `<deskguard-provider>` around it provides), re-rendering on a locale
 * switch, the design tokens, the heading level and the card with its no-adapter notice.
 * An element extends it and adds its own state, render and handlers.
 */
export class DeskguardElement extends LitElement {
  static override styles = [tokens];
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** What the element reads of each adapter method's answer, checked before it renders it. */
  static answers: AnswerChecks | undefined;

  /**
   * The kit's change events after which the element loads again when another element on
   * the page fires one (a deactivation makes someone former staff in a report, a masking
   * switch changes what a report may show): the elements tell each other through their
   * document, with no host code.
   */
  static refreshOn: readonly string[] = [];

  /** The data adapter; wins over one provided by a `<deskguard-provider>`. */
  adapter: DeskguardAdapter | undefined;

  /** The level of the element's heading (1–6), to fit the host page's outline. */
  headingLevel = 2;

  /** The adapter a `<deskguard-provider>` around the element provides, kept up to date while it is on the page. */
  readonly #provider = new ContextConsumer(this, {
    context: adapterContext,
    subscribe: true,
    callback: () => this.#syncAdapter(),
  });
  /** The adapter the element last told itself about (`adapterChanged`). */
  #resolved: DeskguardAdapter | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.addController({
      hostConnected: () => {
        this.#syncAdapter();
        for (const type of this.#refreshOn) this.ownerDocument.addEventListener(type, this.#refresh);
        // The page's first number formatter loads the locale's data (over 10 ms on a slow
        // machine): make it in a task of its own while the data loads, not in the render.
        setTimeout(() => this.isConnected && count(this, 0));
      },
      hostUpdate: () => this.#syncAdapter(),
      // The consumer stops listening to its provider; the one it provided no longer counts.
      hostDisconnected: () => {
        for (const type of this.#refreshOn) this.ownerDocument.removeEventListener(type, this.#refresh);
        this.#provider.value = undefined;
        this.#syncAdapter();
      },
    });
  }

  get #refreshOn(): readonly string[] {
    return (this.constructor as typeof DeskguardElement).refreshOn;
  }

  /** Another element changed what this one shows: load again (an element's own change it has already taken in). */
  readonly #refresh = (event: Event): void => {
    if (event.composedPath()[0] !== this) void (this as { reload?: () => Promise<void> }).reload?.();
  };

  /** The adapter in use now: the element's own, else its provider's. */
  get currentAdapter(): DeskguardAdapter | undefined {
    return this.adapter ?? this.#provider.value;
  }

  #syncAdapter(): void {
    const next = this.isConnected ? this.currentAdapter : undefined;
    if (next === this.#resolved) return;
    this.#resolved = next;
    // The element renders differently with and without an adapter, whatever its own state.
    this.requestUpdate();
    this.adapterChanged(next);
  }

  /**
   * Called when the adapter in use changes, and with `undefined` when it goes (the
   * element left the page): let go of what belonged to the old one. A `Loader` loads from
   * the new one by itself; calls in flight abort by themselves when the adapter goes.
   */
  protected adapterChanged(_adapter: DeskguardAdapter | undefined): void {}

  /** The element's card (`part="base"`), or the notice that says how to connect it. */
  protected card(options: Omit<CardOptions, 'headingLevel' | 'body'>, body: () => unknown): TemplateResult {
    return card({
      ...options,
      headingLevel: this.headingLevel,
      body: this.currentAdapter ? body() : noAdapterNotice(),
    });
  }
}
