import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { redactDatabaseUrl } from '../shared/redact-url.ts';
import type { EnvReader } from './read.ts';

/** Where Latchkey keeps its data: the database, Redis, the development artefacts. */
export interface StoreConfig {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://…`. Default `sqlite:./data/latchkey.db`. */
  databaseUrl: string;
  /** Most PostgreSQL connections per node (LATCHKEY_DATABASE_POOL_SIZE, 1–1000, default 10). */
  databasePoolSize: number;
  /**
   * `LATCHKEY_REDIS_URL` (`redis://[user:pass@]host:port[/db]` or `rediss://…`): brute-force
   * counters and the detection cache are kept there, shared by every node. Undefined: in memory.
   */
  redisUrl: string | undefined;
  /** Where development artefacts (generated key, default SQLite file) live. Default `./data`. */
  dataDir: string;
}

/** `LATCHKEY_DATA_DIR`, `LATCHKEY_DATABASE_URL`, `LATCHKEY_DATABASE_POOL_SIZE`, `LATCHKEY_REDIS_URL`. */
export function readStore(read: EnvReader): StoreConfig {
  const { env, problems } = read;
  const dataDir = env.LATCHKEY_DATA_DIR || './data';
  const databaseUrl = env.LATCHKEY_DATABASE_URL || `sqlite:${dataDir}/latchkey.db`;
  if (!/^sqlite:/.test(databaseUrl) && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const shown = JSON.stringify(redactDatabaseUrl(databaseUrl));
    problems.push(`LATCHKEY_DATABASE_URL=${shown}: expected sqlite:PATH or postgres://…`);
  } else if (/^postgres/.test(databaseUrl)) {
    if (!URL.canParse(databaseUrl))
      problems.push('LATCHKEY_DATABASE_URL: not a valid postgres:// URL (percent-encode special characters in the password)');
  } else if (env.LATCHKEY_DATABASE_URL) {
    // The default ./data is created on first start; a path the operator gave must already have its directory.
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:' && path !== '' && !existsSync(dirname(path))) {
      problems.push(`LATCHKEY_DATABASE_URL=${JSON.stringify(databaseUrl)}: the directory ${dirname(path)} does not exist`);
    }
  }
  const redisUrl = read.text('LATCHKEY_REDIS_URL');
  if (redisUrl && !(/^rediss?:\/\//.test(redisUrl) && URL.canParse(redisUrl)))
    problems.push('LATCHKEY_REDIS_URL: expected redis://host:port or rediss://host:port');
  return { databaseUrl, databasePoolSize: read.int('LATCHKEY_DATABASE_POOL_SIZE', 10, 1, 1000), redisUrl, dataDir };
}
