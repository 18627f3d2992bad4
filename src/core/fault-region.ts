import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from './errors.js';
import { SignInRequestEvent, UpgradeRequestEvent } from './events.js';
import { describeFault } from './faults.js';

/** What an element does for the two ways forward that are its own; the host handles upgrade and sign-in. */
export interface FaultWays {
  retry(): void;
  reload(): void;
}

/**
 * The error region every element shows for a failed call: announced (`role="alert"`),
 * saying what failed and why, with the way forward as its first button
 * (`data-action` names it) and any further choices after it. Upgrade and sign-in fire
 * `UpgradeRequestEvent` and `SignInRequestEvent` from the button; they bubble out of the
 * shadow root to the host.
 */
export function faultRegion(
  error: AdapterError,
  activity: 'loading' | 'saving',
  lead: string,
  ways: FaultWays,
  more: TemplateResult | typeof nothing = nothing,
  /** A more specific name for a retry ("Try turning it on again"). */
  retryLabel?: string,
): TemplateResult {
  const fault = describeFault(error, activity);
  const go = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    if (fault.action === 'upgrade') button.dispatchEvent(new UpgradeRequestEvent(error.requiredPlan ?? 'premium'));
    else if (fault.action === 'sign-in') button.dispatchEvent(new SignInRequestEvent());
    else if (fault.action === 'retry') ways.retry();
    else ways.reload();
  };
  return html`<div part="error" class="error" role="alert">
    <p><strong>${lead}</strong> ${fault.message}</p>
    <div class="actions">
      ${
        fault.action === 'none'
          ? nothing
          : html`<button part="button" type="button" class="primary" data-action=${fault.action} @click=${go}>
              ${(fault.action === 'retry' && retryLabel) || fault.actionLabel}
            </button>`
      }
      ${more}
    </div>
  </div>`;
}
