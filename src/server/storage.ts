/**
 * Where `deskguard/server` keeps its records: one interface a host implements over its
 * own database (or takes from the kit: memory, Postgres). Storage stores and queries;
 * every rule is decided by the server's rooms before a storage is asked to write. Each
 * room names what it needs of storage in its own `storage.ts`; this is their sum.
 */
import type { AccessStorage } from './access/storage.js';
import type { AlertsStorage } from './alerts/storage.js';
import type { AuditStorage } from './audit/storage.js';
import type { GiftCardStorage } from './giftcards/storage.js';
import type { GroupsStorage } from './groups/storage.js';
import type { LoginSecurityStorage } from './login-security/storage.js';
import type { MaskingStorage } from './masking/storage.js';
import type { IdempotencyRecord } from './records.js';
import type { ReportsStorage } from './reports/storage.js';
import type { VerificationStorage } from './verification/storage.js';

export interface IdempotencyStorage {
  /** The answer kept for a viewer's key, if any. */
  find(viewerId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Keeps an answer under its viewer and key; `false` when one is kept there already (a concurrent write won). */
  save(record: IdempotencyRecord): Promise<boolean>;
}

export interface Storage {
  masking: MaskingStorage;
  access: AccessStorage;
  groups: GroupsStorage;
  loginSecurity: LoginSecurityStorage;
  alerts: AlertsStorage;
  verification: VerificationStorage;
  giftCards: GiftCardStorage;
  reports: ReportsStorage;
  audit: AuditStorage;
  idempotency: IdempotencyStorage;
  /**
   * Runs `work` against a storage whose writes land together or not at all: when `work`
   * throws, nothing it wrote stays. Every write of the server goes through one.
   */
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>;
}
