import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type PgModule from 'pg';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema.ts';
import { KyselyStore } from './kysely/store.ts';
import { DIALECTS } from './dialect.ts';
import { normalisingDialect } from './normalise.ts';
import type { Store } from './store.ts';
import { redactDatabaseUrl } from '../shared/redact-url.ts';

export interface OpenOptions {
  /** Most connections the PostgreSQL pool opens (LATCHKEY_DATABASE_POOL_SIZE; default 10). Ignored for SQLite. */
  poolSize?: number;
  /**
   * Longest wait, in ms, for a PostgreSQL connection — a new one (server not answering) or a free
   * one from a full pool — before the query fails with StoreUnavailable (default 10 000; 0 would
   * wait forever, node-postgres' own default). Ignored for SQLite.
   */
  connectTimeoutMs?: number;
}

export { redactDatabaseUrl };

/**
 * Opens the store named by a URL; the backend is chosen by the URL's scheme:
 * - `sqlite:PATH` (file, WAL mode, busy_timeout 5 s) or `sqlite::memory:` (better-sqlite3);
 * - `postgres://user:pass@host:port/db` or `postgresql://…` (node-postgres `Pool`, at most
 *   `poolSize` connections; libpq-style query parameters such as `sslmode` are understood by
 *   pg-connection-string).
 * Nothing is contacted yet for PostgreSQL: the first query (usually `migrate()`) connects.
 * @throws Error for an unsupported scheme.
 */
export function openStore(url: string, opts: OpenOptions = {}): Store {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Loaded only for a PostgreSQL URL: a SQLite node does not carry node-postgres (~2 MB, ~25 ms at start).
    const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      // int8 (bigint) columns hold ms/s timestamps and counts, all far below 2^53: read them as numbers.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server (restart, failover) must not crash the process; the next
    // query gets a fresh connection. pg-pool listens only while a client is idle: a client checked
    // out for a query (Kysely holds it for the query or transaction) that loses its connection
    // emits 'error' on itself with no listener, which ended the process (issue 18). So every client
    // gets its own listener as it is created; the query in flight still fails (pg rejects every
    // queued query with the error → StoreUnavailable at the store's edge), and the broken client is
    // dropped by the pool when released (it is no longer `_queryable`).
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    return new KyselyStore(
      new Kysely<Database>({ dialect: normalisingDialect(new PostgresDialect({ pool }), DIALECTS.postgres) }),
      DIALECTS.postgres,
      undefined,
      pool,
    );
  }
  const m = /^sqlite:(.*)$/.exec(url);
  if (!m) throw new Error(`unsupported database URL: ${redactDatabaseUrl(url)}`);
  const path = m[1] || ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return new KyselyStore(
    new Kysely<Database>({ dialect: normalisingDialect(new SqliteDialect({ database: withStatementCache(sqlite) }), DIALECTS.sqlite) }),
    DIALECTS.sqlite,
  );
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text (Kysely's SQLite driver prepares
 * every query afresh, which was the largest single cost of `GET /account` in a CPU profile).
 * The store issues a few dozen distinct statements, so the cache is bounded only as a guard.
 * Safe because better-sqlite3 runs each statement to completion synchronously.
 */
function withStatementCache(db: Sqlite.Database): Sqlite.Database {
  const cache = new Map<string, Sqlite.Statement>();
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      }
      return (sql: string) => {
        let stmt = cache.get(sql);
        if (!stmt) {
          if (cache.size >= 500) cache.clear();
          stmt = target.prepare(sql);
          cache.set(sql, stmt);
        }
        return stmt;
      };
    },
  });
}
