import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from '../core/errors.js';
import { SignInRequestEvent, UpgradeRequestEvent } from '../core/events.js';
import { describeFault } from './faults.js';
import { msg } from './localize.js';

/** What a failed call's error region says, and what its ways forward do (the host handles upgrade and sign-in). */
export interface FaultRegionOptions {
  /** What failed, in bold. */
  lead: string;
  /** Whether the call read or wrote: what its message and way forward say. Reading when omitted. */
  activity?: 'loading' | 'saving';
  /** Sends the failed call again. */
  retry(): void;
  /** Reads the data again, for a conflict or a refusal; the retry when omitted. */
  reload?: () => void;
  /** A more specific name for a retry ("Try turning it on again"). */
  retryLabel?: string;
  /** Further choices after the way forward. */
  more?: TemplateResult | typeof nothing;
}

/** What an error region says and its way forward. */
export interface ErrorRegionOptions {
  /** What failed, in bold. */
  lead: string;
  /** Why, and what to do: a sentence after the lead, or a template of blocks under it (none when the lead says it all). */
  detail?: string | TemplateResult;
  /** The way forward: its label, the `data-action` that names it, and what it does. */
  action?: { label: string; name: string; run(event: Event): void };
  /** Further choices after the way forward. */
  more?: TemplateResult | typeof nothing;
  id?: string;
}

/**
 * The error region every element shows, for a failed call or a problem of its own:
 * announced (`role="alert"`), saying what failed and why, with the way forward as its
 * first button (`data-action` names it) and any further choices after it.
 */
export function errorRegion({ lead, detail, action, more = nothing, id }: ErrorRegionOptions): TemplateResult {
  return html`<div id=${id ?? nothing} part="error" class="error" role="alert">
    <p><strong>${lead}</strong> ${typeof detail === 'string' ? detail : nothing}</p>
    ${typeof detail === 'string' ? nothing : detail}
    <div class="actions">
      ${
        action
          ? html`<button part="button" type="button" class="primary" data-action=${action.name} @click=${action.run}>
              ${action.label}
            </button>`
          : nothing
      }
      ${more}
    </div>
  </div>`;
}

/**
 * Why the viewer may not see this: a decision of the business, not a fault, so it is a
 * notice like every element's read-only notice, not an error. Its one button reloads, for
 * when an owner or admin has since granted the permission.
 */
export function refusalRegion(lead: string, reload: () => void): TemplateResult {
  return html`<div part="notice" class="notice" role="status">
    <p>${lead}</p>
    <button part="button" type="button" data-action="reload" @click=${reload}>${msg('Reload')}</button>
  </div>`;
}

/**
 * The error region for a failed adapter call, with the way forward its kind offers.
 * Upgrade and sign-in fire `UpgradeRequestEvent` and `SignInRequestEvent` from the
 * button; they bubble out of the shadow root to the host.
 */
export function faultRegion(
  error: AdapterError,
  { lead, activity = 'loading', retry, reload = retry, retryLabel, more = nothing }: FaultRegionOptions,
): TemplateResult {
  const fault = describeFault(error, activity);
  const run = (event: Event): void => {
    const button = event.currentTarget as HTMLElement;
    if (fault.action === 'upgrade') button.dispatchEvent(new UpgradeRequestEvent(error.requiredPlan ?? 'premium'));
    else if (fault.action === 'sign-in') button.dispatchEvent(new SignInRequestEvent());
    else if (fault.action === 'retry') retry();
    else reload();
  };
  const label = (fault.action === 'retry' && retryLabel) || fault.actionLabel;
  // An answer off the contract: what answered what, for whoever the user asks for support.
  const detail =
    error.kind === 'malformed'
      ? html`<p>${fault.message}</p>
          <p class="muted"><code translate="no" dir="ltr">${error.message}</code></p>`
      : fault.message;
  return errorRegion({ lead, detail, action: { label, name: fault.action, run }, more });
}
