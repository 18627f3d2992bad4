import { DeskguardEvent } from '../../core/events.js';
import type { MaskingSettings } from '../../core/types.js';

export interface MaskingChangeDetail {
  /** The stored choice as saved. */
  enabled: boolean;
  /** Whether masking applies now (stored choice on a premium plan). */
  effective: boolean;
  settings: MaskingSettings;
}

/** Fired by `<masking-settings>` after a change to the masking setting is saved. */
export class MaskingChangeEvent extends DeskguardEvent<MaskingChangeDetail> {
  static readonly eventName = 'masking-change';
  constructor(settings: MaskingSettings) {
    super(MaskingChangeEvent.eventName, { enabled: settings.enabled, effective: settings.effective, settings });
  }
}

declare global {
  interface HTMLElementEventMap {
    'masking-change': MaskingChangeEvent;
  }
}
