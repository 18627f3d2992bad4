/**
 * `deskguard/server/postgres`: `PostgresStorage`, the server's `Storage` in Postgres, over
 * PGlite (embedded, no server: the default of the demo and `deskguard-mock --db`) or a
 * PostgreSQL server (postgres.js). Queries are parameterised; a write of several rows is
 * one transaction; a unique key taken twice is a clean conflict, never a `500`.
 *
 *   const storage = await PostgresStorage.open(fromPGlite(new PGlite('./data')), { businessId: 'biz-1' });
 */
import { AdapterError } from '../../core/errors.js';
import type { Storage } from '../storage.js';
import type { SqlClient } from './client.js';
import { PostgresAlerts, PostgresGiftCards, PostgresIdempotency, PostgresVerification } from './desk.js';
import { PostgresAccess, PostgresGroups, PostgresLoginSecurity, PostgresMasking } from './people.js';
import { PostgresReports } from './reports.js';
import { migrate } from './schema.js';

/** Each part of the storage, made for a connection (or a transaction) and a business. */
export interface PostgresParts {
  masking: (db: SqlClient, businessId: string) => PostgresMasking;
  access: (db: SqlClient, businessId: string) => PostgresAccess;
  groups: (db: SqlClient, businessId: string) => PostgresGroups;
  loginSecurity: (db: SqlClient, businessId: string) => PostgresLoginSecurity;
  alerts: (db: SqlClient, businessId: string) => PostgresAlerts;
  verification: (db: SqlClient, businessId: string) => PostgresVerification;
  giftCards: (db: SqlClient, businessId: string) => PostgresGiftCards;
  reports: (db: SqlClient, businessId: string) => PostgresReports;
  idempotency: (db: SqlClient, businessId: string) => PostgresIdempotency;
}

const PARTS: PostgresParts = {
  masking: (db, id) => new PostgresMasking(db, id),
  access: (db, id) => new PostgresAccess(db, id),
  groups: (db, id) => new PostgresGroups(db, id),
  loginSecurity: (db, id) => new PostgresLoginSecurity(db, id),
  alerts: (db, id) => new PostgresAlerts(db, id),
  verification: (db, id) => new PostgresVerification(db, id),
  giftCards: (db, id) => new PostgresGiftCards(db, id),
  reports: (db, id) => new PostgresReports(db, id),
  idempotency: (db, id) => new PostgresIdempotency(db, id),
};

export interface PostgresStorageOptions {
  /** The business whose records this storage reads and writes: every row is keyed by it. */
  businessId: string;
  /**
   * Parts of the host's own, over its own tables (a subclass of the kit's part, say), in
   * place of the kit's: they are made for every transaction too.
   */
  parts?: Partial<PostgresParts>;
}

/** Postgres's code for a unique key taken twice. */
const UNIQUE_VIOLATION = '23505';
/** Postgres's code for a serialisation failure or deadlock: the transaction may be tried again. */
const RETRYABLE = new Set(['40001', '40P01']);

export class PostgresStorage implements Storage {
  readonly masking: PostgresMasking;
  readonly access: PostgresAccess;
  readonly groups: PostgresGroups;
  readonly loginSecurity: PostgresLoginSecurity;
  readonly alerts: PostgresAlerts;
  readonly verification: PostgresVerification;
  readonly giftCards: PostgresGiftCards;
  readonly reports: PostgresReports;
  readonly audit: PostgresReports;
  readonly idempotency: PostgresIdempotency;

  constructor(
    readonly db: SqlClient,
    readonly options: PostgresStorageOptions,
  ) {
    const business = options.businessId;
    const parts = { ...PARTS, ...options.parts };
    this.masking = parts.masking(db, business);
    this.access = parts.access(db, business);
    this.groups = parts.groups(db, business);
    this.loginSecurity = parts.loginSecurity(db, business);
    this.alerts = parts.alerts(db, business);
    this.verification = parts.verification(db, business);
    this.giftCards = parts.giftCards(db, business);
    this.reports = this.audit = parts.reports(db, business);
    this.idempotency = parts.idempotency(db, business);
  }

  /** Applies the schema's migrations (a no-op when they are applied) and opens the business's storage. */
  static async open(db: SqlClient, options: PostgresStorageOptions): Promise<PostgresStorage> {
    await migrate(db);
    return new PostgresStorage(db, options);
  }

  async transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction((client) => work(new PostgresStorage(client, this.options)));
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === UNIQUE_VIOLATION || RETRYABLE.has(String(code)))
        throw new AdapterError('conflict', {
          message: 'Someone else wrote the same record at the same moment: nothing was written, try again',
          cause: error,
        });
      throw error;
    }
  }
}

export { PostgresAlerts, PostgresGiftCards, PostgresIdempotency, PostgresVerification } from './desk.js';
export { Part, PostgresAccess, PostgresGroups, PostgresLoginSecurity, PostgresMasking } from './people.js';
export { PostgresReports } from './reports.js';
export { fromPGlite, fromPostgres, type SqlClient, type PGliteLike, type PostgresJsLike } from './client.js';
export { migrate, MIGRATIONS, statements } from './schema.js';
export { loadBusiness } from './load.js';
