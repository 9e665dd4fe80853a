/**
 * Driver errors normalised at the store's edge (issue 7): a database that cannot be reached is
 * StoreUnavailable from the store — PostgreSQL refusing the connection, SQLite locked past its
 * busy timeout — and over HTTP the documented JSON shape with its own reason, `store_unavailable`
 * (500 `api_error`, as DECISIONS maps server-side failures; 503 is reserved for the provider's
 * side), never a bare `internal`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Sqlite from 'better-sqlite3';
import { openStore, redactDatabaseUrl } from '../../src/store/open.ts';
import { StoreUnavailable } from '../../src/store/store.ts';
import { startLatchkey } from '../support/latchkey.ts';

test('PostgreSQL that refuses connections: StoreUnavailable, with the driver error as cause', async () => {
  // Nothing listens on port 1 of loopback.
  const store = openStore('postgres://postgres@127.0.0.1:1/none');
  try {
    await assert.rejects(store.ping(), (err: unknown) => {
      assert.ok(err instanceof StoreUnavailable, String(err));
      assert.equal((err.cause as NodeJS.ErrnoException).code, 'ECONNREFUSED');
      return true;
    });
  } finally {
    await store.close();
  }
});

test('SQLite locked by another process past busy_timeout: store_unavailable over HTTP', async () => {
  const lk = await startLatchkey();
  const other = new Sqlite(lk.dbPath);
  try {
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    // A token exchange writes (consumes the code): it waits out the 5 s busy timeout, then fails.
    const r = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: 'lkac_no-such-code-0123456789' });
    assert.equal(r.status, 500, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, type: r.body.type }, { reason: 'store_unavailable', type: 'api_error' });
    assert.match(r.body.message, /cannot reach its database/);
    other.exec('ROLLBACK');
    const again = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: 'lkac_no-such-code-0123456789' });
    assert.equal(again.body.reason, 'invalid_code', 'answers normally once the lock is gone');
  } finally {
    other.close();
    await lk.stop();
  }
});

test('redactDatabaseUrl hides the whole password, even one with an unencoded @ (adversarial review, issue 7)', () => {
  assert.equal(redactDatabaseUrl('postgres://lk:p@ss-hunter2@db.internal:5432/latchkey'), 'postgres://lk:…@db.internal:5432/latchkey');
  assert.equal(redactDatabaseUrl('postgres://lk:s3cret@db.internal/latchkey?sslmode=require'), 'postgres://lk:…@db.internal/latchkey?sslmode=require');
  assert.equal(redactDatabaseUrl('postgres://db.internal/latchkey?user=a@b'), 'postgres://db.internal/latchkey?user=a@b');
});
