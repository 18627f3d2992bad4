import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The focused element, looking into shadow roots: where focus goes back to on close. */
export function deepActiveElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}

export interface ModalOptions {
  /** The element's `<dialog>`, once rendered. */
  dialog(): HTMLDialogElement | null;
  /**
   * Staff pressed Escape, the browser closed the dialog by itself, or the element left
   * the page while the dialog was in use: the element decides what that means (usually
   * a cancel) and whether it may close now.
   */
  dismissed(why: 'escape' | 'forced' | 'removed'): void;
}

/**
 * One modal `<dialog>` of an element, as every deskguard dialog behaves: it remembers
 * what had focus when it was asked for, shows modally and moves focus in, keeps Tab
 * inside, turns Escape into the element's own cancel, closes with focus back where it
 * came from, and tells the element when it was closed or removed some other way. The
 * template binds `onCancel`, `onClose` and `onKeydown` on the `<dialog>`.
 */
export class ModalController implements ReactiveController {
  #opener: HTMLElement | null = null;
  #active = false;
  /** Set while our own close() is still to send its close event, which must not count as a dismissal. */
  #closing = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ModalOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ModalOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the dialog is in use (asked for and not yet closed), shown or about to be. */
  get isActive(): boolean {
    return this.#active;
  }

  /** Marks the dialog in use and remembers where focus is, to give it back on close. */
  begin(opener: HTMLElement | null = deepActiveElement()): void {
    this.#opener = opener;
    this.#active = true;
  }

  /** Shows the dialog modally (after the next render) and focuses what `focus` names, if anything. */
  async show(focus?: () => HTMLElement | null | undefined): Promise<void> {
    await this.#host.updateComplete;
    const dialog = this.#options.dialog();
    if (!this.#active || !dialog) return;
    if (!dialog.open) dialog.showModal();
    focus?.()?.focus();
  }

  /** Closes the dialog and gives focus back to the opener (or to `returnTo`). */
  close(returnTo: HTMLElement | null = this.#opener): void {
    const dialog = this.#options.dialog();
    this.#active = false;
    this.#opener = null;
    if (dialog?.open) {
      this.#closing = true;
      dialog.close();
    }
    if (returnTo?.isConnected) returnTo.focus();
  }

  /** The dialog's `cancel` event (Escape): never the browser's own close. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
    if (this.#active) this.#options.dismissed('escape');
  };

  /** The dialog's `close` event. */
  readonly onClose = (): void => {
    if (this.#closing) return void (this.#closing = false);
    if (this.#active) this.#options.dismissed('forced');
  };

  /** Tab and Shift+Tab wrap around inside the dialog instead of leaving for the browser's own controls. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const dialog = this.#options.dialog();
    if (event.key !== 'Tab' || !dialog) return;
    const items = [...dialog.querySelectorAll<HTMLElement>('textarea, input, button:not([disabled])')];
    const edge = event.shiftKey ? items[0] : items[items.length - 1];
    if (edge && this.#host.shadowRoot?.activeElement === edge) {
      event.preventDefault();
      (event.shiftKey ? items[items.length - 1] : items[0])!.focus();
    }
  };

  hostDisconnected(): void {
    if (this.#active) this.#options.dismissed('removed');
  }
}
