import { DeskguardEvent } from '../../core/events.js';
import type { AlertAction, AlertContext, AlertKind } from '../../core/types.js';

/**
 * How the dialog ended. `ignored` and `signed-in` mean go ahead (`signed-in` when a
 * threshold alert was overridden); `rejected` means do not sign the client in;
 * `cancelled` means staff backed out and nothing was recorded; `no-alerts` means no
 * alert applied, so the dialog never opened.
 */
export type AlertOutcomeStatus = 'no-alerts' | 'ignored' | 'signed-in' | 'rejected' | 'cancelled';

export interface AlertOutcome {
  status: AlertOutcomeStatus;
  clientId: string;
  context: AlertContext;
  /** What staff decided on each alert (empty unless resolved). */
  resolutions: { alertId: string; kind: AlertKind; action: AlertAction; reason: string | null }[];
  /** The contact logs the backend wrote, as the alert settings ask. */
  contactLogIds: string[];
  /** When the backend recorded the resolution, or null. */
  resolvedAt: string | null;
}

/** Fired by `<client-alert-dialog>` once per `open()`, with the same outcome the promise resolves to. */
export class ClientAlertOutcomeEvent extends DeskguardEvent<AlertOutcome> {
  static readonly eventName = 'client-alert-outcome';
  constructor(detail: AlertOutcome) {
    super(ClientAlertOutcomeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'client-alert-outcome': ClientAlertOutcomeEvent;
  }
}
