/**
 * Nylas v3 custom authentication for google and microsoft (issue 15): the OAuth client is the
 * application's connector, the refresh token the grant's. Latchkey exchanges it at a real OAuth
 * 2.0 server on loopback (oauth2-mock-server), then signs in to a real Dovecot that checks the
 * access token by introspection, and to an SMTP server that does the same — all through the
 * official `nylas` SDK, unchanged. Nothing leaves 127.0.0.0/8.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { OAuthPeer } from '../peers/oauth-server.ts';
import type { OAuthSmtpPeer } from '../peers/oauth-smtp.ts';
import type { DovecotPeer } from '../peers/dovecot.ts';
import { startOAuthWorld, type OAuthWorld } from '../support/oauth-world.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { NylasApiError, nylasClient, type NylasClient } from '../support/nylas-sdk.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';

const GOOGLE = { clientId: 'v3-google-app.apps.test', clientSecret: 'v3-google-secret-QRS' };
const MS = { clientId: '0b7c6f52-8f0e-4c53-9d55-3f0c0e1a2b3c', clientSecret: 'v3-ms-secret~TUV', redirectUri: 'https://app.example.test/callback' };

let world: OAuthWorld;
let oauth: OAuthPeer;
let dovecot: DovecotPeer;
let smtps: OAuthSmtpPeer;
let submission: OAuthSmtpPeer;
let lk: Latchkey;
let nylas: NylasClient;
let apiKey: string;

before(async () => {
  world = await startOAuthWorld('v3-oauth');
  ({ oauth, dovecot, smtps, submission } = world);
  lk = await startLatchkey(world.env);
  oauth.addAccount({ email: 'gia@gmail.test', refreshToken: 'rt-v3-gia', ...GOOGLE, audience: 'https://mail.google.com/' });
  oauth.addAccount({ email: 'mo@contoso.test', refreshToken: 'rt-v3-mo', ...MS, audience: 'https://outlook.office.com' });
  apiKey = (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key;
  nylas = nylasClient(lk.url, apiKey);
});

after(async () => {
  await lk?.stop();
  await world?.stop();
});

test('google: without a connector 404 connector_not_found; with one, the refresh token is verified with the connector’s client and the grant answered', async () => {
  const body = { provider: 'google' as const, settings: { refresh_token: 'rt-v3-gia', email: 'gia@gmail.test' } };
  await assert.rejects(nylas.auth.customAuthentication({ requestBody: body }), (err: unknown) => {
    assert.ok(err instanceof NylasApiError);
    assert.equal(err.statusCode, 404);
    assert.match(err.message, /no google connector/);
    return true;
  });
  await nylas.connectors.create({ requestBody: { name: 'Google', provider: 'google', settings: { clientId: GOOGLE.clientId, clientSecret: GOOGLE.clientSecret } } });
  const grant = (await nylas.auth.customAuthentication({ requestBody: body })).data;
  assert.deepEqual({ provider: grant.provider, email: grant.email, status: grant.grantStatus }, { provider: 'google', email: 'gia@gmail.test', status: 'valid' });
  const exchange = oauth.tokenRequests.at(-1)!;
  assert.deepEqual({ client_id: exchange.client_id, client_secret: exchange.client_secret, refresh_token: exchange.refresh_token }, { client_id: GOOGLE.clientId, client_secret: GOOGLE.clientSecret, refresh_token: 'rt-v3-gia' });
  assert.deepEqual(smtps.auths.at(-1), { user: 'gia@gmail.test', ok: true });
  // v2 sees a gmail account; the refresh token and the connector's secret are stored encrypted only.
  assert.equal((await lk.ctx.store.findAccountById(grant.id))?.provider, 'gmail');
  const db = readFileSync(lk.dbPath).toString('latin1');
  assert.ok(!db.includes('rt-v3-gia') && !db.includes(GOOGLE.clientSecret));

  // A refresh token naming another address is refused before any mailbox is contacted.
  await assert.rejects(nylas.auth.customAuthentication({ requestBody: { provider: 'google', settings: { refresh_token: 'rt-v3-gia', email: 'someone@gmail.test' } } }),
    (err: unknown) => err instanceof NylasApiError && err.statusCode === 400 && /The refresh token belongs to gia@gmail.test, not someone@gmail.test/.test(err.message));
  // Without the address: missing_fields, saying why.
  const noEmail = await lk.post('/v3/connect/custom', { provider: 'google', settings: { refresh_token: 'rt-v3-gia' } }, { authorization: `Bearer ${apiKey}` });
  assert.deepEqual(noEmail.body.error.missing_fields, ['settings.email']);
});

test('microsoft: the connector’s client and the redirect URI; grants list filters by provider=microsoft', async () => {
  await nylas.connectors.create({ requestBody: { name: 'M365', provider: 'microsoft', settings: { clientId: MS.clientId, clientSecret: MS.clientSecret } } });
  await assert.rejects(nylas.auth.customAuthentication({ requestBody: { provider: 'microsoft', settings: { refresh_token: 'rt-v3-mo', email: 'mo@contoso.test' } } }),
    (err: unknown) => err instanceof NylasApiError && err.statusCode === 400 && /redirect_uri/.test(err.message));
  const grant = (await nylas.auth.customAuthentication({ requestBody: { provider: 'microsoft', settings: { refresh_token: 'rt-v3-mo', email: 'mo@contoso.test', redirect_uri: MS.redirectUri } } })).data;
  assert.equal(grant.provider, 'microsoft');
  assert.equal(oauth.tokenRequests.at(-1)!.client_id, MS.clientId);
  assert.deepEqual((await nylas.grants.list({ queryParams: { provider: 'microsoft' } })).data.map((g) => g.id), [grant.id]);
});
