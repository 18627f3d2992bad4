import type { LoginRecord, SessionRecord, StaffRecord } from '../records.js';

/** What the access room (one person's login, sign-in and sessions) needs of storage. */
export interface AccessStorage {
  staff(id: string): Promise<StaffRecord | undefined>;
  staffByIds(ids: readonly string[]): Promise<StaffRecord[]>;
  /** Staff with login access whose username has this key (`usernameKey`): more than one when a login is shared. */
  staffByUsername(key: string): Promise<StaffRecord[]>;
  /** Staff with login access, but `exceptId`, whose username looks like one with this skeleton (`usernameSkeleton`). */
  lookAlikes(skeleton: string, exceptId: string): Promise<StaffRecord[]>;
  /** Replaces a staff member's record when its access version is still `expectedVersion`; `false` when it is not. */
  saveStaff(next: StaffRecord, expectedVersion: number): Promise<boolean>;
  /** Changes a login's sign-in facts (failures, lock, last sign-in, sessions) without a new access version. */
  saveLogin(staffId: string, login: LoginRecord): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  /** Ends a staff member's sessions at `at`: one (`sessionId`) or all. */
  endSessions(staffId: string, at: string, sessionId?: string): Promise<void>;
}
