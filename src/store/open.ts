import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from './schema.ts';
import { KyselyStore } from './kysely-store.ts';
import type { Store } from './store.ts';

/**
 * Opens the store named by a URL: `sqlite:PATH` (file, WAL mode) or `sqlite::memory:`.
 * The backend is chosen by the URL's scheme, never by inspecting objects.
 * @throws Error for an unsupported scheme.
 */
export function openStore(url: string): Store {
  const m = /^sqlite:(.*)$/.exec(url);
  if (!m) throw new Error(`unsupported database URL: ${url.replace(/\/\/[^@]*@/, '//…@')}`);
  const path = m[1] || ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }));
}
