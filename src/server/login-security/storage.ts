import type { LoginSecurityRecord } from '../records.js';

export interface LoginSecurityStorage {
  loginSecurity(): Promise<LoginSecurityRecord>;
  /** Saves the login rules when they are still at `expectedVersion`; `false` when they are not. */
  saveLoginSecurity(next: LoginSecurityRecord, expectedVersion: number): Promise<boolean>;
}
