import type { GroupsRecord } from '../records.js';

/** A staff member in a permission group, as the rules of change see them. */
export interface Membership {
  id: string;
  groupId: string | null;
  owner: boolean;
}

/** What the permission groups room needs of storage. */
export interface GroupsStorage {
  groups(): Promise<GroupsRecord>;
  /** The staff (with login access or not) in these groups: their own group, or their role's default. */
  members(groupIds: readonly string[]): Promise<Membership[]>;
  /** How many staff with login access each group has. */
  memberCounts(): Promise<Record<string, number>>;
  /**
   * Saves the groups and moves staff between them, together, when the groups are still at
   * `expectedVersion`; `false` when they are not.
   */
  saveGroups(
    next: GroupsRecord,
    expectedVersion: number,
    moves: readonly { staffId: string; groupId: string | null }[],
  ): Promise<boolean>;
}
