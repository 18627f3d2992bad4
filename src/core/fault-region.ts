import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from './errors.js';
import { describeFault, type FaultAction } from './faults.js';

/**
 * The error region every element shows for a failed call: announced (`role="alert"`),
 * saying what failed and why, with the way forward as its first button
 * (`data-action` names it) and any further choices after it.
 */
export function faultRegion(
  error: AdapterError,
  activity: 'loading' | 'saving',
  lead: string,
  act: (action: FaultAction) => void,
  more: TemplateResult | typeof nothing = nothing,
  /** A more specific name for a retry ("Try turning it on again"). */
  retryLabel?: string,
): TemplateResult {
  const fault = describeFault(error, activity);
  return html`<div part="error" class="error" role="alert">
    <p><strong>${lead}</strong> ${fault.message}</p>
    <div class="actions">
      ${
        fault.action === 'none'
          ? nothing
          : html`<button
              part="button"
              type="button"
              class="primary"
              data-action=${fault.action}
              @click=${() => act(fault.action)}
            >
              ${(fault.action === 'retry' && retryLabel) || fault.actionLabel}
            </button>`
      }
      ${more}
    </div>
  </div>`;
}
