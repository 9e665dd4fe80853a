/**
 * Nylas v3 custom authentication and grants (issue 15, stage B) with the official `nylas` SDK 8.x
 * used unchanged against a running Latchkey and a real Dovecot: right and wrong passwords, the
 * re-authentication that keeps the grant id, grants.list/find/update/destroy, /v3/grants/me,
 * provider detection, and one account seen through v2 and v3 both ways.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic, connectAccount, dovecotSettings } from '../support/connect.ts';
import { NylasApiError, nylasClient, type NylasClient } from '../support/nylas-sdk.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';

let dovecot: DovecotPeer;
let lk: Latchkey;
let nylas: NylasClient;
let apiKey: string;

const USERS = { 'carol@example.test': 'carol-secret', 'dan@example.test': 'dan-secret', 'erin@example.test': 'erin-secret', 'fay@example.test': 'fay-secret' };

before(async () => {
  dovecot = await startDovecot({ users: USERS });
  const providersFile = join(dovecot.dir, 'providers.json');
  // A known password provider whose table entry points at the test Dovecot.
  writeFileSync(providersFile, JSON.stringify({
    yahoo: { imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' }, smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' }, domains: ['yahoo.com'] },
  }));
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_PROVIDERS_FILE: providersFile });
  apiKey = (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key;
  nylas = nylasClient(lk.url, apiKey);
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

/** v3 imap settings for a Dovecot user, as an application writes them for the SDK. */
const imap = (user: string, password: string) => dovecotSettings(dovecot, user, password);

describe('v3 custom authentication against a real Dovecot, through the official SDK', () => {
  test('imap, right password: the grant; the same address again keeps its id', async () => {
    const first = await nylas.auth.customAuthentication({ requestBody: { provider: 'imap', settings: imap('carol@example.test', 'carol-secret') } });
    const grant = first.data;
    assert.match(grant.id, /^[0-9a-z]{1,25}$/);
    assert.equal(grant.email, 'carol@example.test');
    assert.equal(grant.provider, 'imap');
    assert.equal(grant.grantStatus, 'valid');
    assert.equal(typeof grant.createdAt, 'number');
    assert.match(first.requestId, /^[0-9a-f-]{36}$/);

    const again = await nylas.auth.customAuthentication({ requestBody: { provider: 'imap', settings: imap('carol@example.test', 'carol-secret') } });
    assert.equal(again.data.id, grant.id, 're-authentication keeps the grant id');
    assert.equal((await nylas.grants.list({ queryParams: { email: 'carol@example.test' } })).data.length, 1);
  });

  test('imap, wrong password: NylasApiError with v3 type, message and the provider’s error; nothing stored', async () => {
    await assert.rejects(
      nylas.auth.customAuthentication({ requestBody: { provider: 'imap', settings: imap('dan@example.test', 'not-dans-password') } }),
      (err: unknown) => {
        assert.ok(err instanceof NylasApiError, String(err));
        assert.equal(err.statusCode, 403);
        assert.equal(err.type, 'api.provider_error');
        assert.match(err.message, /password|credentials/i);
        assert.equal(err.providerError.step, 'imap.login');
        assert.match(String(err.providerError.serverError), /AUTHENTICATIONFAILED|Authentication failed/i);
        assert.ok(!JSON.stringify(err.providerError).includes('not-dans-password'), 'the password is never echoed');
        return true;
      },
    );
    assert.equal((await nylas.grants.list({ queryParams: { email: 'dan@example.test' } })).data.length, 0);
  });

  test('missing settings and an address nowhere: missing_fields in v3’s shape; google without a connector: connector_not_found', async () => {
    const none = await lk.post('/v3/connect/custom', { provider: 'imap' }, { authorization: `Bearer ${apiKey}` });
    assert.equal(none.status, 400);
    assert.deepEqual(none.body.error.missing_fields, ['settings']);
    assert.equal(none.body.error.type, 'api.invalid_request_error');
    const noEmail = await lk.post('/v3/connect/custom', { provider: 'imap', settings: { imap_username: 'dan', imap_password: 'x' } }, { authorization: `Bearer ${apiKey}` });
    assert.deepEqual(noEmail.body.error.missing_fields, ['settings.email']);
    const google = await lk.post('/v3/connect/custom', { provider: 'google', settings: { refresh_token: 'r' } }, { authorization: `Bearer ${apiKey}` });
    assert.equal(google.status, 400, 'no address: missing_fields first');
    const googleNoConnector = await lk.post('/v3/connect/custom', { provider: 'google', settings: { refresh_token: 'r', email: 'g@gmail.test' } }, { authorization: `Bearer ${apiKey}` });
    assert.equal(googleNoConnector.status, 404);
    assert.equal(googleNoConnector.body.error.reason, 'connector_not_found');
    const zoom = await lk.post('/v3/connect/custom', { provider: 'zoom', settings: { email: 'z@example.test', password: 'p' } }, { authorization: `Bearer ${apiKey}` });
    assert.equal(zoom.body.error.reason, 'unsupported_provider');
    assert.equal((await lk.post('/v3/connect/custom', { provider: 'imap', settings: imap('dan@example.test', 'dan-secret') })).status, 401, 'no API key');
  });

  test('a known password provider (yahoo → the test Dovecot) with username/password', async () => {
    const res = await nylas.auth.customAuthentication({ requestBody: { provider: 'yahoo' as 'imap', settings: { email: 'erin@example.test', username: 'erin@example.test', password: 'erin-secret', name: 'Erin' } } });
    assert.equal(res.data.provider, 'yahoo');
    assert.equal(res.data.name, 'Erin');
  });
});

describe('v3 grants through the official SDK', () => {
  test('list with filters and paging, find, update (re-verified, same id), destroy', async () => {
    const made = (await nylas.auth.customAuthentication({ requestBody: { provider: 'imap', settings: imap('fay@example.test', 'fay-secret') } })).data;
    const all = await nylas.grants.list();
    assert.ok(all.data.some((g) => g.id === made.id));
    assert.deepEqual((await nylas.grants.list({ queryParams: { provider: 'imap', grantStatus: 'valid', email: 'FAY@example.test' } })).data.map((g) => g.id), [made.id]);
    assert.equal((await nylas.grants.list({ queryParams: { provider: 'google' } })).data.length, 0);
    assert.equal((await nylas.grants.list({ queryParams: { grantStatus: 'invalid' } })).data.length, 0);
    // Pages of one: next_cursor walks every grant exactly once, oldest first.
    const seen: string[] = [];
    // The SDK's first page carries `next()`, which follows next_cursor as page_token (its types omit it).
    type Page = { data: Array<{ id: string }> };
    const first = (await nylas.grants.list({ queryParams: { limit: 1, orderBy: 'asc' } })) as unknown as Page & { next(): Promise<IteratorResult<Page>> };
    seen.push(...first.data.map((g) => g.id));
    for (let r = await first.next(); !r.done; r = await first.next()) seen.push(...r.value.data.map((g) => g.id));
    assert.deepEqual(seen, (await nylas.grants.list({ queryParams: { limit: 50, orderBy: 'asc' } })).data.map((g) => g.id));
    assert.ok(seen.length >= 3);
    const bad = await lk.get('/v3/grants?sort_by=name', { authorization: `Bearer ${apiKey}` });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /sort_by must be one of created_at, updated_at/);

    assert.equal((await nylas.grants.find({ grantId: made.id })).data.email, 'fay@example.test');

    const updated = await nylas.grants.update({ grantId: made.id, requestBody: { settings: { imap_password: 'fay-secret', smtp_password: 'fay-secret' } } });
    assert.equal(updated.data.id, made.id);
    await assert.rejects(nylas.grants.update({ grantId: made.id, requestBody: { settings: { imap_password: 'wrong', smtp_password: 'wrong' } } }),
      (err: unknown) => err instanceof NylasApiError && err.statusCode === 403 && err.type === 'api.provider_error');

    await nylas.grants.destroy({ grantId: made.id });
    await assert.rejects(nylas.grants.find({ grantId: made.id }), (err: unknown) => err instanceof NylasApiError && err.statusCode === 404 && err.type === 'api.not_found_error');
    await assert.rejects(nylas.grants.destroy({ grantId: made.id }), (err: unknown) => err instanceof NylasApiError && err.statusCode === 404);
  });

  test('provider detection: builtin domains answer the v3 provider name and how it connects', async () => {
    const yahoo = await nylas.auth.detectProvider({ email: 'ada@yahoo.com', allProviderTypes: true });
    assert.deepEqual({ detected: yahoo.data.detected, provider: yahoo.data.provider, type: yahoo.data.type }, { detected: true, provider: 'yahoo', type: 'imap' });
    const gmail = await nylas.auth.detectProvider({ email: 'ada@gmail.com' });
    assert.deepEqual({ provider: gmail.data.provider, type: gmail.data.type }, { provider: 'google', type: 'oauth' });
    await assert.rejects(nylas.auth.detectProvider({ email: 'not-an-address' }), (err: unknown) => err instanceof NylasApiError && err.statusCode === 400);
  });
});

describe('one account, two surfaces', () => {
  test('connected through v3: v2’s management API shows the same account', async () => {
    const grant = (await nylas.auth.customAuthentication({ requestBody: { provider: 'imap', settings: imap('bob@example.test', 'bob-secret') } })).data;
    const v2 = await lk.get(`/a/${lk.app.client_id}/accounts/${grant.id}`, basic(lk.app.client_secret));
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    assert.deepEqual({ id: v2.body.id, email: v2.body.email, provider: v2.body.provider, sync_state: v2.body.sync_state }, { id: grant.id, email: 'bob@example.test', provider: 'imap', sync_state: 'running' });
  });

  test('connected through v2: v3 finds the grant, and /v3/grants/me answers for v2’s access token', async () => {
    const account = await connectAccount(lk, dovecot, 'alice@example.test');
    const grant = await nylas.grants.find({ grantId: account.id });
    assert.deepEqual({ id: grant.data.id, email: grant.data.email, scope: grant.data.scope }, { id: account.id, email: 'alice@example.test', scope: ['email.read_only', 'contacts'] });
    const me = await lk.get('/v3/grants/me', { authorization: `Bearer ${account.access_token}` });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.data.id, account.id);
    assert.equal(me.body.request_id, me.headers.get('x-request-id'));
    const anon = await lk.get('/v3/grants/me', { authorization: 'Bearer lkat_nope' });
    assert.equal(anon.status, 401);
    assert.equal(anon.body.error.reason, 'invalid_token');
  });
});
