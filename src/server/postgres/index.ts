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

export interface PostgresStorageOptions {
  /** The business whose records this storage reads and writes: every row is keyed by it. */
  businessId: string;
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
    this.masking = new PostgresMasking(db, business);
    this.access = new PostgresAccess(db, business);
    this.groups = new PostgresGroups(db, business);
    this.loginSecurity = new PostgresLoginSecurity(db, business);
    this.alerts = new PostgresAlerts(db, business);
    this.verification = new PostgresVerification(db, business);
    this.giftCards = new PostgresGiftCards(db, business);
    this.reports = this.audit = new PostgresReports(db, business);
    this.idempotency = new PostgresIdempotency(db, business);
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

export { fromPGlite, fromPostgres, type SqlClient, type PGliteLike, type PostgresJsLike } from './client.js';
export { migrate, MIGRATIONS } from './schema.js';
export { loadBusiness } from './load.js';
