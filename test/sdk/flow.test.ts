/**
 * The SDK against a real Latchkey server and a real Dovecot: the native flow end to end, and
 * each status class of the API surfacing as a LatchkeyError with its details. Rare provider
 * behaviour (a BYE greeting, a silent server) comes from the loopback peers in test/peers.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Latchkey, LatchkeyError, type AuthorizeSettings } from '../../packages/sdk/src/index.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startFakeImap } from '../peers/fake-imap.ts';
import { startSilent } from '../peers/blackhole.ts';
import { startLatchkey, type Latchkey as Server } from '../support/latchkey.ts';

let dovecot: DovecotPeer;
let server: Server;
let backend: Latchkey;
let browser: Latchkey;
const closers: Array<() => Promise<void>> = [];

before(async () => {
  dovecot = await startDovecot();
  server = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_GREETING_TIMEOUT_MS: '1500' });
  backend = new Latchkey({ baseUrl: `${server.url}/`, clientId: server.app.client_id, clientSecret: server.app.client_secret });
  browser = new Latchkey({ baseUrl: server.url, clientId: server.app.client_id });
});
after(async () => {
  for (const close of closers.splice(0)) await close();
  await server?.stop();
  await dovecot?.stop();
});

function settings(user: string, password: string, extra: Partial<AuthorizeSettings> = {}): AuthorizeSettings {
  return {
    imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_security: 'ssl', imap_username: user, imap_password: password,
    smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls', ...extra,
  };
}

/** Runs `fn`, which must reject with a LatchkeyError, and returns that error. */
async function failure(fn: () => Promise<unknown>): Promise<LatchkeyError> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof LatchkeyError, `expected a LatchkeyError, got ${String(err)}`);
    return err;
  }
  assert.fail('the call succeeded');
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('SDK native flow against Latchkey + Dovecot', () => {
  test('connect.authorize (no secret) → connect.token → account.get', async () => {
    const { code } = await browser.connect.authorize({ name: 'Alice', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'alice-secret'), scopes: 'email.read_only' });
    assert.match(code, /^lkc_/);
    const token = await backend.connect.token(code);
    assert.equal(token.object, 'account');
    assert.equal(token.email_address, 'alice@example.test');
    assert.equal(token.provider, 'imap');
    assert.equal(token.sync_state, 'running');
    assert.match(token.access_token, /^lkat_/);
    const account = await browser.account.get(token.access_token);
    assert.deepEqual(account, { id: token.id, object: 'account', account_id: token.account_id, name: 'Alice', email_address: 'alice@example.test', provider: 'imap', organization_unit: 'folder', sync_state: 'running', linked_at: token.linked_at, billing_state: 'paid' });
  });

  test('connect.detectProvider answers the detection of an address (built-in table: no lookup)', async () => {
    const d = await backend.connect.detectProvider('ada@yahoo.com');
    assert.equal(d.detected, true);
    assert.equal(d.auth_name, 'yahoo');
    assert.equal(d.source, 'builtin');
    assert.equal(d.settings?.imap_host, 'imap.mail.yahoo.com');
    await assert.rejects(browser.connect.detectProvider('ada@yahoo.com'), (err: Error) => err instanceof TypeError && /clientSecret/.test(err.message));
  });

  test('connect.token without a clientSecret is refused before any request', async () => {
    await assert.rejects(browser.connect.token('lkc_x'), (err: Error) => err instanceof TypeError && /clientSecret/.test(err.message));
  });
});

describe('SDK error mapping, one status class at a time', () => {
  test('400 missing_fields carries missingFields', async () => {
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: { imap_host: dovecot.host } }));
    assert.equal(err.status, 400);
    assert.equal(err.type, 'auth_error');
    assert.equal(err.reason, 'missing_fields');
    assert.deepEqual(err.missingFields, ['imap_port', 'imap_password', 'smtp_host', 'smtp_port']);
    assert.equal(err.name, 'LatchkeyError');
  });

  test('400 invalid_code for a code that was never issued', async () => {
    const err = await failure(() => backend.connect.token('lkc_not-a-code'));
    assert.deepEqual([err.status, err.type, err.reason], [400, 'api_error', 'invalid_code']);
  });

  test('401 invalid_client (wrong secret) and invalid_token (unknown access token)', async () => {
    const wrong = new Latchkey({ baseUrl: server.url, clientId: server.app.client_id, clientSecret: 'lkcs_wrong' });
    const client = await failure(() => wrong.connect.token('lkc_whatever'));
    assert.deepEqual([client.status, client.type, client.reason, client.message], [401, 'invalid_request_error', 'invalid_client', 'Could not verify access credential.']);
    const token = await failure(() => browser.account.get('lkat_unknown'));
    assert.deepEqual([token.status, token.reason], [401, 'invalid_token']);
  });

  test('403 invalid_credentials carries step and serverError', async () => {
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'wrong-password') }));
    assert.deepEqual([err.status, err.type, err.reason, err.step], [403, 'auth_error', 'invalid_credentials', 'imap.login']);
    assert.match(err.serverError ?? '', /AUTHENTICATIONFAILED/);
    assert.match(err.message, /rejected the username or password/);
  });

  test('404 account_not_found for an unknown reauth_account_id', async () => {
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'alice-secret'), reauth_account_id: 'nosuchaccount' }));
    assert.deepEqual([err.status, err.type, err.reason], [404, 'api_error', 'account_not_found']);
  });

  test('422 tls_mismatch: the STARTTLS port given as SSL', async () => {
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'alice-secret', { imap_port: dovecot.imapStartTlsPort }) }));
    assert.deepEqual([err.status, err.type, err.reason, err.step], [422, 'auth_error', 'tls_mismatch', 'imap.tls']);
  });

  test('502 connect_refused carries addressesTried', async () => {
    const port = await closedPort();
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'pw', { imap_host: '127.0.0.1', imap_port: port }) }));
    assert.deepEqual([err.status, err.type, err.reason, err.step], [502, 'provider_error', 'connect_refused', 'imap.connect']);
    assert.deepEqual(err.addressesTried, [`127.0.0.1:${port}`]);
    assert.equal(err.retryAfter, undefined);
  });

  test('503 provider_unavailable carries retryAfter from Retry-After', async () => {
    const bye = await startFakeImap({ byeGreeting: 'Too many connections, try again later' });
    closers.push(() => bye.close());
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'pw', { imap_host: '127.0.0.1', imap_port: bye.port, imap_security: 'starttls' }) }));
    assert.deepEqual([err.status, err.type, err.reason, err.step], [503, 'provider_error', 'provider_unavailable', 'imap.greeting']);
    assert.equal(err.retryAfter, 60);
    assert.match(err.serverError ?? '', /Too many connections/);
  });

  test('504 greeting_timeout: a server that accepts and never greets', async () => {
    const silent = await startSilent();
    closers.push(() => silent.close());
    const err = await failure(() => browser.connect.authorize({ name: 'A', email_address: 'alice@example.test', provider: 'imap', settings: settings('alice@example.test', 'pw', { imap_host: '127.0.0.1', imap_port: silent.port, imap_security: 'starttls' }) }));
    assert.deepEqual([err.status, err.type, err.reason, err.step], [504, 'provider_error', 'greeting_timeout', 'imap.greeting']);
  });
});
