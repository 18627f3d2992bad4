/**
 * `deskguard/server`: the REST contract as a handler a host mounts, over a storage of its
 * choosing. See `createServer`.
 */
export { createServer, type DeskguardServer, type ServerOptions } from './server.js';
export type { Identity } from './context.js';
export type { SignInAttempt, SignInResult } from './access/sign-in.js';
export { hashPassword, verifyPassword, PASSWORD_ITERATIONS } from './crypto.js';
export { entryFlags, flagHistory } from './audit/entries.js';
export { MemoryStorage } from './memory/index.js';
export type { Storage, IdempotencyStorage } from './storage.js';
export type { AccessStorage } from './access/storage.js';
export type { AlertsStorage } from './alerts/storage.js';
export type { AuditStorage } from './audit/storage.js';
export type { GiftCardStorage } from './giftcards/storage.js';
export type { GroupsStorage } from './groups/storage.js';
export type { LoginSecurityStorage } from './login-security/storage.js';
export type { MaskingStorage } from './masking/storage.js';
export type { ReportsStorage } from './reports/storage.js';
export type { VerificationStorage } from './verification/storage.js';
export type * from './records.js';
export type { StaffSearch } from './masking/storage.js';
export type { Membership } from './groups/storage.js';
export type { ShownKey } from './alerts/storage.js';
export type { RequestSearch } from './verification/storage.js';
export type {
  AccessRow,
  AccessSearch,
  ContactLogRow,
  ContactLogSearch,
  EntryRow,
  EntrySearch,
  Named,
  Position,
  Window,
  WindowPage,
} from './reports/storage.js';
export { ENTRY_ACTIONS, ACCESS_ACTIONS } from './reports/storage.js';
