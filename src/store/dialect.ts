/**
 * What differs between the two databases Latchkey runs on, in one small table, so the Kysely
 * query code stays shared (store/kysely/) and each difference is named once.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface DialectCaps {
  name: DialectName;
  /**
   * True for a driver error that means "a UNIQUE or PRIMARY KEY constraint refused the row":
   * better-sqlite3's `SQLITE_CONSTRAINT_UNIQUE` / `SQLITE_CONSTRAINT_PRIMARYKEY`, PostgreSQL's
   * SQLSTATE 23505 (unique_violation; PostgreSQL docs, Appendix A "Error Codes").
   */
  isUniqueViolation(err: unknown): boolean;
  /**
   * True for a driver error that means "the database cannot be reached or is shutting down":
   * SQLITE_BUSY (another writer held the lock past busy_timeout), PostgreSQL class 08
   * (connection exception), 57P0x (admin shutdown, crash shutdown, cannot connect now), 53300
   * (too many connections), socket errors from `pg`, and `pg`'s pool connection timeout.
   */
  isUnavailable(err: unknown): boolean;
  /** Several processes may write to one database at once (PostgreSQL: yes; SQLite: one file, WAL, busy_timeout). */
  sharedAcrossHosts: boolean;
}

const code = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');

/** Messages of `pg` errors without a SQLSTATE that mean the connection is gone or never came (see `isUnavailable` below). */
const PG_CONNECTION_GONE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/i;

export const DIALECTS: Record<DialectName, DialectCaps> = {
  sqlite: {
    name: 'sqlite',
    isUniqueViolation: (err) => /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(code(err)),
    isUnavailable: (err) => /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR)/.test(code(err)),
    sharedAcrossHosts: false,
  },
  postgres: {
    name: 'postgres',
    isUniqueViolation: (err) => code(err) === '23505',
    // SQLSTATE (PostgreSQL Appendix A): 08 connection exceptions, 57P0x shutdown/cannot connect now,
    // 53300 too many connections, 3D000 the database does not exist, 55000 with "not currently
    // accepting connections" (ALLOW_CONNECTIONS false); node errors; pg's own "Connection terminated"
    // and "timeout exceeded when trying to connect" (connectionTimeoutMillis: no connection, or
    // every pooled one busy, in time), and a query on a client whose connection broke ("Client has
    // encountered a connection error and is not queryable").
    isUnavailable: (err) =>
      /^(08|57P0)/.test(code(err)) ||
      code(err) === '53300' ||
      code(err) === '3D000' ||
      (code(err) === '55000' && /not currently accepting connections/i.test(String((err as Error).message))) ||
      /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND)$/.test(code(err)) ||
      (!code(err) && PG_CONNECTION_GONE.test(String((err as Error | null)?.message ?? ''))),
    sharedAcrossHosts: true,
  },
};
