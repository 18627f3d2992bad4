/**
 * The one thing `PostgresStorage` needs of a driver: parameterised queries, transactions
 * and (to seed quickly) bulk loading. Two drivers are wrapped here: PGlite (Postgres in
 * WebAssembly, embedded, no server) and postgres.js (a PostgreSQL server). Neither is
 * imported: a host passes the instance it made.
 */

export interface SqlClient {
  /** Runs one statement with `$1`-style parameters. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs `work` in one transaction: every statement lands, or none does. */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  /** Loads rows in bulk (`COPY … FROM` in CSV), where the driver can. */
  copy?(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

/** A value as a CSV cell `COPY` reads: `NULL` unquoted, text quoted, objects as JSON. */
function copyCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'object' && !(value instanceof Date)
      ? Array.isArray(value) && value.every((v) => typeof v !== 'object')
        ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
        : JSON.stringify(value)
      : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows as the CSV text `COPY … FROM … WITH (FORMAT csv)` reads. */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(copyCell).join(',')).join('\n') + (rows.length ? '\n' : '');
}

/** What `fromPGlite` needs of a PGlite instance (`new PGlite()` of `@electric-sql/pglite`). */
export interface PGliteLike {
  query<T>(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: T[] }>;
  transaction<T>(
    work: (tx: { query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>,
  ): Promise<T>;
}

/** A PGlite database as a `SqlClient`. */
export function fromPGlite(db: PGliteLike): SqlClient {
  const client = (run: PGliteLike['query'], inTransaction: boolean): SqlClient => ({
    query: (text, params = []) => run(text, [...params]),
    transaction: (work) =>
      inTransaction
        ? work(client(run, true))
        : db.transaction((tx) => work(client(tx.query.bind(tx) as PGliteLike['query'], true))),
    copy: async (table, columns, rows) => {
      if (!rows.length) return;
      await run(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([copyText(rows)]),
      });
    },
  });
  return client(db.query.bind(db) as PGliteLike['query'], false);
}

/** What `fromPostgres` needs of a postgres.js `sql` (`postgres(url)`). */
export interface PostgresJsLike {
  unsafe<T>(text: string, params?: unknown[]): Promise<T[]> & { writable?: () => Promise<NodeWritableLike> };
  begin<T>(work: (sql: PostgresJsLike) => Promise<T>): Promise<T>;
}

interface NodeWritableLike {
  write(chunk: string): boolean;
  end(callback?: () => void): void;
  once(event: 'drain' | 'finish' | 'error', listener: (error?: Error) => void): void;
}

/**
 * Whether an error means the connection is gone: postgres.js's own codes, a socket's, or a
 * server's FATAL error (after which it closes the connection).
 */
function connectionClosed(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  return (
    severity === 'FATAL' ||
    (typeof code === 'string' &&
      (/^CONNECTION_(CLOSED|ENDED|DESTROYED)$/.test(code) ||
        /^(ECONNRESET|EPIPE|ETIMEDOUT)$/.test(code) ||
        code.startsWith('08')))
  );
}

/** A postgres.js connection pool (`postgres(url)`) as a `SqlClient`. */
export function fromPostgres(sql: PostgresJsLike): SqlClient {
  /**
   * `ended` holds the error once a transaction's connection has closed. postgres.js then ends
   * `begin` at once while the work goes on; and any statement sent to the closed connection
   * afterwards, the work's own or the ROLLBACK that `begin` sends when the work fails, throws
   * where no caller can catch it (porsager/postgres#1208), ending the process. So each of the
   * work's statements after the close fails here, as a connection error; and when the work
   * fails for the close, it is left unsettled, so that `begin` sends nothing more (the server
   * rolled the transaction back as the connection closed; `begin` has already rejected).
   */
  const client = (db: PostgresJsLike, ended?: { error?: unknown }): SqlClient => ({
    query: async <T>(text: string, params: readonly unknown[] = []) => {
      if (ended?.error) throw ended.error;
      return { rows: [...(await db.unsafe<T>(text, [...params]))] };
    },
    transaction: async (work) => {
      if (ended) return work(client(db, ended));
      const state: { error?: unknown } = {};
      const close = (cause: unknown) =>
        (state.error ??= Object.assign(new Error('The transaction ended: its connection closed', { cause }), {
          code: '08006',
        }));
      try {
        return await db.begin((tx) =>
          work(client(tx, state)).catch((error: unknown) => {
            if (!state.error && !connectionClosed(error)) throw error;
            close(error);
            return new Promise<never>(() => {});
          }),
        );
      } catch (error) {
        if (connectionClosed(error)) close(error);
        throw error;
      }
    },
    copy: async (table, columns, rows) => {
      if (ended?.error) throw ended.error;
      if (!rows.length) return;
      const stream = await db.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`).writable!();
      const done = new Promise<void>((resolve, reject) => {
        stream.once('finish', () => resolve());
        stream.once('error', (error) => reject(error));
      });
      for (let i = 0; i < rows.length; i += 5_000)
        if (!stream.write(copyText(rows.slice(i, i + 5_000))))
          await new Promise<void>((drained) => stream.once('drain', () => drained()));
      stream.end();
      await done;
    },
  });
  return client(sql);
}
