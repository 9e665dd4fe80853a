/**
 * PostgreSQL that answers nothing, and a pool with every connection busy (adversarial review,
 * issue 7): a query waits at most the pool's connection timeout and then fails with
 * StoreUnavailable (HTTP 500 `store_unavailable`), instead of waiting forever — before the fix
 * node-postgres' default `connectionTimeoutMillis` of 0 left such requests hanging with no answer.
 * The `timeout` options below only keep a regression from hanging the suite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/open.ts';
import { StoreUnavailable } from '../../src/store/store.ts';
import { startSilent } from '../peers/blackhole.ts';
import { createPgDatabase } from '../peers/postgres.ts';

test('a PostgreSQL port that accepts TCP and never answers: StoreUnavailable, not a hang', { timeout: 30_000 }, async () => {
  const silent = await startSilent();
  const store = openStore(`postgres://postgres@127.0.0.1:${silent.port}/none`, { connectTimeoutMs: 300 });
  try {
    await assert.rejects(store.ping(), (err: unknown) => {
      assert.ok(err instanceof StoreUnavailable, String(err));
      return true;
    });
  } finally {
    await store.close();
    await silent.close();
  }
});

test('every pooled connection held by a transaction: another query fails StoreUnavailable, then the pool recovers', { timeout: 30_000 }, async () => {
  const db = await createPgDatabase();
  const store = openStore(db.url, { poolSize: 1, connectTimeoutMs: 300 });
  try {
    await store.migrate();
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let inside!: () => void;
    const entered = new Promise<void>((r) => { inside = r; });
    const tx = store.atomically(async () => { inside(); await held; });
    await entered;
    await assert.rejects(store.findToken('none'), (err: unknown) => {
      assert.ok(err instanceof StoreUnavailable, String(err));
      return true;
    });
    release();
    await tx;
    assert.equal(await store.findToken('none'), undefined);
  } finally {
    await store.close();
    await db.drop();
  }
});
