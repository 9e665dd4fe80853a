import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config/env.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { runCli } from '../support/cli.ts';

/** Transport hygiene (issue 6 §5): security headers, no-store on codes and tokens, no plain HTTP in production. */
let lk: Latchkey;
before(async () => { lk = await startLatchkey(); });
after(async () => { await lk?.stop(); });

function assertSecurityHeaders(h: Headers, what: string): void {
  assert.equal(h.get('x-content-type-options'), 'nosniff', what);
  assert.equal(h.get('x-frame-options'), 'DENY', what);
  assert.equal(h.get('referrer-policy'), 'no-referrer', what);
  assert.equal(h.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", what);
}

function assertNoStore(h: Headers, what: string): void {
  assert.equal(h.get('cache-control'), 'no-store', what);
  assert.equal(h.get('pragma'), 'no-cache', what);
}

describe('response headers', () => {
  test('every response carries the security headers: success, client error, 404, OpenAPI', async () => {
    const responses = {
      healthz: await lk.get('/healthz'),
      openapi: await lk.get('/openapi.json'),
      notFound: await lk.get('/nowhere'),
      badAccount: await lk.get('/account', { authorization: 'Bearer nope' }),
      badJson: await lk.post('/connect/detect-provider', '{', { 'content-type': 'application/json' }),
    };
    for (const [what, r] of Object.entries(responses)) assertSecurityHeaders(r.headers, what);
    assert.equal(responses.healthz.status, 200);
    assert.equal(responses.notFound.status, 404);
  });

  test('authorize and token answers are never cached: with a code, a token, or an error', async () => {
    const missing = await lk.post('/connect/authorize', {});
    assert.equal(missing.status, 400);
    assertNoStore(missing.headers, 'authorize error');
    const refused = await lk.post('/connect/authorize', {
      client_id: lk.app.client_id, name: 'A', email_address: 'a@example.test', provider: 'imap',
      settings: { imap_host: '10.0.0.1', imap_port: 993, imap_password: 'x', smtp_host: '10.0.0.1', smtp_port: 465 },
    });
    assert.equal(refused.status, 422);
    assertNoStore(refused.headers, 'authorize refused');
    const token = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: 'lkc_nope' });
    assert.equal(token.status, 400);
    assertNoStore(token.headers, 'token error');
    assertSecurityHeaders(token.headers, 'token error');
    // Every other response too: management answers and a webhook's one-time signing secret included.
    assertNoStore((await lk.get('/healthz')).headers, 'healthz');
    assertNoStore((await lk.get(`/a/${lk.app.client_id}/accounts`)).headers, 'management 401');
  });
});

describe('NODE_ENV=production refuses plain HTTP on a reachable address', () => {
  const keys = `v1:${randomBytes(32).toString('base64')}`;
  const prod = (env: Record<string, string>) => ({ NODE_ENV: 'production', LATCHKEY_ENCRYPTION_KEYS: keys, LATCHKEY_DATABASE_URL: 'sqlite::memory:', LATCHKEY_EHLO_NAME: 'latchkey.example.test', ...env });

  test('0.0.0.0 without LATCHKEY_TRUST_PROXY is a configuration error; loopback or a declared proxy is fine', () => {
    assert.throws(() => loadConfig(prod({ LATCHKEY_HOST: '0.0.0.0' })), (err: unknown) => err instanceof ConfigError && /LATCHKEY_HOST=0\.0\.0\.0.*LATCHKEY_TRUST_PROXY/.test(err.message));
    assert.throws(() => loadConfig(prod({ LATCHKEY_HOST: '192.0.2.10' })), ConfigError);
    assert.equal(loadConfig(prod({ LATCHKEY_HOST: '127.0.0.1' })).production, true);
    assert.deepEqual(loadConfig(prod({ LATCHKEY_HOST: '0.0.0.0', LATCHKEY_TRUST_PROXY: '10.0.0.0/8, loopback' })).trustProxy, ['10.0.0.0/8', 'loopback']);
    // Development may listen anywhere (it warns about its key instead).
    assert.equal(loadConfig({ LATCHKEY_HOST: '0.0.0.0' }).host, '0.0.0.0');
  });

  test('LATCHKEY_TRUST_PROXY values are checked', () => {
    assert.throws(() => loadConfig({ LATCHKEY_TRUST_PROXY: 'proxy.internal' }), (err: unknown) => err instanceof ConfigError && /LATCHKEY_TRUST_PROXY/.test(err.message));
    assert.throws(() => loadConfig({ LATCHKEY_TRUST_PROXY: '10.0.0.0/33' }), ConfigError);
  });

  test('`latchkey serve` exits with the configuration error and never listens', async () => {
    const r = await runCli(['serve'], prod({ LATCHKEY_HOST: '0.0.0.0', LATCHKEY_PORT: '0' }));
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /LATCHKEY_TRUST_PROXY/);
  });
});

describe('LATCHKEY_TRUST_PROXY decides whose X-Forwarded-For counts for the per-IP limit', () => {
  const refused = (l: Latchkey, email: string) => ({
    client_id: l.app.client_id, name: 'A', email_address: email, provider: 'imap',
    settings: { imap_host: '10.0.0.1', imap_port: 993, imap_password: 'x', smtp_host: '10.0.0.1', smtp_port: 465 },
  });
  const tryAs = async (l: Latchkey, ip: string, email: string) => (await l.post('/connect/authorize', refused(l, email), { 'x-forwarded-for': ip, 'content-type': 'application/json' })).status;

  test('behind a declared proxy, each forwarded client has its own count', async () => {
    const l = await startLatchkey({ LATCHKEY_TRUST_PROXY: '127.0.0.1', LATCHKEY_LIMIT_IP_FAILURES: '2' });
    try {
      assert.deepEqual([await tryAs(l, '203.0.113.5', 'a1@x.test'), await tryAs(l, '203.0.113.5', 'a2@x.test'), await tryAs(l, '203.0.113.5', 'a3@x.test')], [422, 422, 429]);
      assert.equal(await tryAs(l, '203.0.113.6', 'a4@x.test'), 422);
    } finally {
      await l.stop();
    }
  });

  test('without one, X-Forwarded-For is ignored: a forged header does not escape the limit', async () => {
    const l = await startLatchkey({ LATCHKEY_LIMIT_IP_FAILURES: '2' });
    try {
      assert.deepEqual([await tryAs(l, '203.0.113.5', 'a1@x.test'), await tryAs(l, '203.0.113.6', 'a2@x.test'), await tryAs(l, '203.0.113.7', 'a3@x.test')], [422, 422, 429]);
    } finally {
      await l.stop();
    }
  });
});
