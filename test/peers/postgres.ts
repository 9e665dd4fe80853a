import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The machine's real PostgreSQL (127.0.0.1:5432, trust auth; `.ci/run` starts it). Each call
 * creates a database of its own (`lk_test_<pid>_<random>`) so test files running side by side
 * never share tables, and `drop()` removes it (WITH (FORCE): connections a crashed server left
 * behind do not keep it alive). User: `$PGUSER`, else `postgres`.
 */
export interface PgDatabase {
  /** `postgres://user@127.0.0.1:5432/lk_test_…` for LATCHKEY_DATABASE_URL. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

const HOST = '127.0.0.1:5432';
const user = () => process.env.PGUSER || 'postgres';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `postgres://${user()}@${HOST}/postgres` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createPgDatabase(): Promise<PgDatabase> {
  const name = `lk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: `postgres://${user()}@${HOST}/${name}`,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
