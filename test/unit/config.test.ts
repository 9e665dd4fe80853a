import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config/env.ts';
import { CODE_TTL_SECONDS } from '../../src/connect/authorize.ts';

test('defaults: SQLite under ./data, 127.0.0.1:8787, timeouts of DECISIONS (greeting ≥ 30 s, case C26)', () => {
  const c = loadConfig({});
  assert.equal(c.databaseUrl, 'sqlite:./data/latchkey.db');
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 8787);
  assert.deepEqual(c.timeouts, { connectMs: 10_000, greetingMs: 30_000, commandMs: 30_000, authorizeMs: 60_000 });
  assert.equal(CODE_TTL_SECONDS, 900);
  assert.equal(c.bodyLimitBytes, 65_536);
  assert.deepEqual([...c.allowedPorts].sort((a, b) => a - b), [25, 143, 465, 587, 993, 2525]);
});

test('every bad value is reported at once, each with its variable name', () => {
  try {
    loadConfig({
      LATCHKEY_PORT: 'eighty', LATCHKEY_DATABASE_URL: 'mysql://x', LATCHKEY_TLS_CA_FILE: '/nonexistent/ca.pem',
      LATCHKEY_ALLOWED_DESTINATIONS: 'everything', LATCHKEY_EHLO_NAME: '127.0.0.1', LATCHKEY_DNS_SERVERS: 'dns.google',
      LATCHKEY_GREETING_TIMEOUT_MS: '-5', LATCHKEY_LOG_LEVEL: 'loud', LATCHKEY_ALLOWED_PORTS: '99999',
    });
    assert.fail('should have thrown');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const text = err.message;
    for (const name of ['LATCHKEY_PORT', 'LATCHKEY_DATABASE_URL', 'LATCHKEY_TLS_CA_FILE', 'LATCHKEY_ALLOWED_DESTINATIONS', 'LATCHKEY_EHLO_NAME', 'LATCHKEY_DNS_SERVERS', 'LATCHKEY_GREETING_TIMEOUT_MS', 'LATCHKEY_LOG_LEVEL', 'LATCHKEY_ALLOWED_PORTS']) {
      assert.match(text, new RegExp(name), name);
    }
    assert.equal(err.problems.length, 9);
  }
});

test('NODE_ENV=production refuses to start without LATCHKEY_ENCRYPTION_KEYS', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /LATCHKEY_ENCRYPTION_KEYS is required when NODE_ENV=production/);
  assert.equal(loadConfig({ NODE_ENV: 'production', LATCHKEY_ENCRYPTION_KEYS: `v1:${Buffer.alloc(32, 7).toString('base64')}`, LATCHKEY_EHLO_NAME: 'latchkey.example.org' }).production, true);
});

test('EHLO name: explicit FQDN wins; without one, localhost.localdomain with a warning', () => {
  assert.equal(loadConfig({ LATCHKEY_EHLO_NAME: 'mx.example.org' }).ehloName, 'mx.example.org');
  assert.equal(loadConfig({ HOSTNAME: 'node-3.example.org' }).ehloName, 'node-3.example.org');
  for (const HOSTNAME of ['buildbox', 'localhost.localdomain', 'web-1.localdomain', 'mac-mini.local']) {
    const c = loadConfig({ HOSTNAME });
    assert.equal(c.ehloName, 'localhost.localdomain', HOSTNAME);
    assert.match(c.ehloNameWarning ?? '', /Set LATCHKEY_EHLO_NAME to this server's public DNS name/, HOSTNAME);
  }
});

test('EHLO name with NODE_ENV=production (issue 13): no valid name and LATCHKEY_EHLO_NAME unset refuses to start, saying what to set', () => {
  const prod = { NODE_ENV: 'production', LATCHKEY_ENCRYPTION_KEYS: `v1:${Buffer.alloc(32, 7).toString('base64')}` };
  for (const HOSTNAME of ['buildbox', 'localhost.localdomain']) {
    assert.throws(() => loadConfig({ ...prod, HOSTNAME }), (err: unknown) => err instanceof ConfigError && err.problems.length === 1 && /LATCHKEY_EHLO_NAME is required when NODE_ENV=production .*set it to this server's public DNS name \(e\.g\. LATCHKEY_EHLO_NAME=latchkey\.example\.com\)/.test(err.message), HOSTNAME);
  }
  assert.equal(loadConfig({ ...prod, HOSTNAME: 'buildbox', LATCHKEY_EHLO_NAME: 'latchkey.example.org' }).ehloName, 'latchkey.example.org');
  const named = loadConfig({ ...prod, HOSTNAME: 'node-3.example.org' });
  assert.deepEqual([named.ehloName, named.ehloNameWarning], ['node-3.example.org', undefined]);
});

test('PostgreSQL, Redis and the metrics token: accepted when well-formed, named when not', () => {
  const c = loadConfig({ LATCHKEY_DATABASE_URL: 'postgres://lk:p%40ss@db.internal:5432/latchkey', LATCHKEY_DATABASE_POOL_SIZE: '25', LATCHKEY_REDIS_URL: 'redis://127.0.0.1:6379/2', LATCHKEY_METRICS_TOKEN: 'x'.repeat(24) });
  assert.equal(c.databaseUrl, 'postgres://lk:p%40ss@db.internal:5432/latchkey');
  assert.equal(c.databasePoolSize, 25);
  assert.equal(c.redisUrl, 'redis://127.0.0.1:6379/2');
  assert.equal(c.metricsToken, 'x'.repeat(24));
  assert.equal(loadConfig({}).databasePoolSize, 10);
  assert.equal(loadConfig({}).redisUrl, undefined);
  assert.throws(() => loadConfig({ LATCHKEY_DATABASE_URL: 'postgres://[bad' }), /LATCHKEY_DATABASE_URL: not a valid postgres:\/\/ URL/);
  assert.throws(() => loadConfig({ LATCHKEY_DATABASE_POOL_SIZE: '0' }), /LATCHKEY_DATABASE_POOL_SIZE="0": expected a whole number from 1 to 1000/);
  assert.throws(() => loadConfig({ LATCHKEY_REDIS_URL: 'http://127.0.0.1:6379' }), /LATCHKEY_REDIS_URL: expected redis:\/\/host:port/);
  assert.throws(() => loadConfig({ LATCHKEY_METRICS_TOKEN: 'short' }), /LATCHKEY_METRICS_TOKEN: expected at least 16 characters/);
});

test('a bad key ring, a missing providers file and a database directory that does not exist are configuration errors', () => {
  assert.throws(() => loadConfig({ LATCHKEY_ENCRYPTION_KEYS: 'foo' }), /LATCHKEY_ENCRYPTION_KEYS: entry 1 is not VERSION:BASE64/);
  assert.throws(() => loadConfig({ LATCHKEY_PROVIDERS_FILE: '/nonexistent/providers.json' }), /LATCHKEY_PROVIDERS_FILE=\/nonexistent\/providers.json: no such file/);
  assert.throws(() => loadConfig({ LATCHKEY_DATABASE_URL: 'sqlite:/nonexistent/dir/x.db' }), /the directory \/nonexistent\/dir does not exist/);
});

test('brute-force limits: DECISIONS defaults, and bad values named', () => {
  assert.deepEqual(loadConfig({}).limits, { pairFailures: 5, ipFailures: 30, windowSeconds: 900, lockSeconds: 900, maxLockSeconds: 86_400, clientRequestsPerMinute: 600 });
  assert.throws(() => loadConfig({ LATCHKEY_LIMIT_PAIR_FAILURES: '0', LATCHKEY_LIMIT_CLIENT_PER_MINUTE: 'many', LATCHKEY_LIMIT_LOCK_S: '600', LATCHKEY_LIMIT_LOCK_MAX_S: '60' }), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.deepEqual(err.problems.map((p) => p.split(/[=:]/)[0]), ['LATCHKEY_LIMIT_PAIR_FAILURES', 'LATCHKEY_LIMIT_CLIENT_PER_MINUTE', 'LATCHKEY_LIMIT_LOCK_MAX_S']);
    return true;
  });
});

test('a database URL of the wrong scheme is reported without its password (adversarial review, issue 7)', () => {
  for (const url of ['mysql://root:hunter2-secret@db.internal/latchkey', 'postgre://lk:p@ss-hunter2@db.internal/latchkey']) {
    assert.throws(() => loadConfig({ LATCHKEY_DATABASE_URL: url }), (e: Error) => {
      assert.match(e.message, /LATCHKEY_DATABASE_URL=.*expected sqlite:PATH or postgres:\/\//);
      assert.doesNotMatch(e.message, /hunter2/);
      return true;
    });
  }
});
