import { loadConfig } from '../config/env.ts';
import type { Store } from '../store/store.ts';

/**
 * Opens the store named by `LATCHKEY_DATABASE_URL` (the server's own), brings its schema up to
 * date, runs `fn` and closes it, also when `fn` throws.
 * @throws ConfigError for a bad environment (exit 2); the store's errors otherwise (exit 1).
 */
export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Loaded on use: the SQLite driver is a slow import that `doctor` and `--help` do not need.
  const { openStore } = await import('../store/open.ts');
  const store = openStore(config.databaseUrl, { poolSize: config.databasePoolSize });
  try {
    await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}
