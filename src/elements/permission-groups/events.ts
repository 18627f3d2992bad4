import { DeskguardEvent } from '../../core/events.js';
import type { GroupChange, PermissionGroups } from '../../core/types.js';

export interface PermissionGroupsChangeDetail {
  /** The groups as saved. */
  groups: PermissionGroups;
  /** The changes that were saved, in order. */
  changes: GroupChange[];
}

/** Fired when <permission-groups> saved changes to the groups. */
export class PermissionGroupsChangeEvent extends DeskguardEvent<PermissionGroupsChangeDetail> {
  static readonly eventName = 'permission-groups-change';
  constructor(detail: PermissionGroupsChangeDetail) {
    super(PermissionGroupsChangeEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'permission-groups-change': PermissionGroupsChangeEvent;
  }
}
