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

/** A postgres.js connection pool (`postgres(url)`) as a `SqlClient`. */
export function fromPostgres(sql: PostgresJsLike): SqlClient {
  const client = (db: PostgresJsLike, inTransaction: boolean): SqlClient => ({
    query: async <T>(text: string, params: readonly unknown[] = []) => ({
      rows: [...(await db.unsafe<T>(text, [...params]))],
    }),
    transaction: (work) => (inTransaction ? work(client(db, true)) : db.begin((tx) => work(client(tx, true)))),
    copy: async (table, columns, rows) => {
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
  return client(sql, false);
}
