import type { MaskingSettings } from '../../core/types.js';

export interface MaskingChangeDetail {
  /** The stored choice as saved. */
  enabled: boolean;
  /** Whether masking applies now (stored choice on a premium plan). */
  effective: boolean;
  settings: MaskingSettings;
}

/** Fired by `<masking-settings>` after a change to the masking setting is saved. */
export class MaskingChangeEvent extends Event {
  static readonly eventName = 'masking-change';
  readonly detail: MaskingChangeDetail;

  constructor(settings: MaskingSettings) {
    super(MaskingChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = { enabled: settings.enabled, effective: settings.effective, settings };
  }
}

declare global {
  interface HTMLElementEventMap {
    'masking-change': MaskingChangeEvent;
  }
}
