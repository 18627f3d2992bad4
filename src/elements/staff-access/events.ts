import { DeskguardEvent } from '../../core/events.js';
import type { StaffAccess, StaffAccessAction } from '../../core/types.js';

export interface StaffAccessChangeDetail {
  action: StaffAccessAction;
  /** The access as saved. */
  access: StaffAccess;
}

/** Fired when <staff-access> changed a staff member's access. */
export class StaffAccessChangeEvent extends DeskguardEvent<StaffAccessChangeDetail> {
  static readonly eventName = 'staff-access-change';
  constructor(detail: StaffAccessChangeDetail) {
    super(StaffAccessChangeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'staff-access-change': StaffAccessChangeEvent;
  }
}
