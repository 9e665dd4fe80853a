/**
 * Which driver errors the store's edge treats as "the database is unavailable" (→ 500
 * store_unavailable, never a bare `internal`), per dialect — a user mistake is never one of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../../src/store/dialect.ts';

const err = (code: string | undefined, message = 'x') => Object.assign(new Error(message), code ? { code } : {});

test('PostgreSQL: connection, shutdown, missing database and refused connections are unavailability; constraint errors are not', () => {
  const pg = DIALECTS.postgres;
  for (const e of [
    err('08006'), err('57P01'), err('57P03'), err('53300'), err('3D000', 'database "lk" does not exist'),
    err('55000', 'database "lk" is not currently accepting connections'), err('ECONNREFUSED'),
    err(undefined, 'Connection terminated unexpectedly'),
  ]) assert.equal(pg.isUnavailable(e), true, `${(e as { code?: string }).code} ${e.message}`);
  for (const e of [err('23505'), err('55000', 'object is in use'), err('42P01'), err(undefined, 'boom')]) {
    assert.equal(pg.isUnavailable(e), false, `${(e as { code?: string }).code} ${e.message}`);
  }
  assert.equal(pg.isUniqueViolation(err('23505')), true);
});

test('SQLite: busy, locked and unopenable files are unavailability; a constraint is a unique violation', () => {
  const lite = DIALECTS.sqlite;
  assert.equal(lite.isUnavailable(err('SQLITE_BUSY')), true);
  assert.equal(lite.isUnavailable(err('SQLITE_CANTOPEN')), true);
  assert.equal(lite.isUnavailable(err('SQLITE_CONSTRAINT_UNIQUE')), false);
  assert.equal(lite.isUniqueViolation(err('SQLITE_CONSTRAINT_UNIQUE')), true);
});
