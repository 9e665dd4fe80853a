/**
 * Nylas v3 hosted OAuth (issue 15, stage C) with the official `nylas` SDK, unchanged, against a
 * real Latchkey and Dovecot: `urlForOAuth2PKCE` / `urlForOAuth2` → `/v3/connect/auth` → Latchkey's
 * hosted page driven by HTTP → `exchangeCodeForToken` (the SDK's own PKCE form and RFC 7636
 * S256) → `accessTokenInfo` → `revoke`; OAuth-shaped errors on token and revoke.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { NylasOAuthError, nylasClient, type NylasClient } from '../support/nylas-sdk.ts';
import type { DovecotPeer } from '../peers/dovecot.ts';
import { startHostedApp, submitHostedLogin } from '../support/hosted-app.ts';
import type { Latchkey } from '../support/latchkey.ts';
import { createApiKey } from '../../src/manage/api-keys.ts';
import { createApplication } from '../../src/app/applications.ts';
import { rfc7636Challenge } from '../../src/v3/connect-auth.ts';

const REDIRECT = 'http://127.0.0.1:9/v3-callback';
let dovecot: DovecotPeer;
let lk: Latchkey;
let nylas: NylasClient;
let apiKey: string;

before(async () => {
  ({ dovecot, lk } = await startHostedApp(REDIRECT));
  apiKey = (await createApiKey(lk.ctx.store, lk.app.client_id, {}, Date.now())).api_key;
  nylas = nylasClient(lk.url, apiKey);
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

/** A browser following the SDK's URL: /v3/connect/auth → 303 → the hosted page → the form posted with its cookie. Returns the redirect back. */
async function logIn(sdkUrl: string, email: string, password: string): Promise<URL> {
  const hop = await fetch(sdkUrl, { redirect: 'manual' });
  assert.equal(hop.status, 303);
  const pageUrl = new URL(hop.headers.get('location')!, lk.url);
  assert.equal(pageUrl.pathname, '/oauth/authorize');
  const res = await submitHostedLogin(lk, pageUrl, email, password);
  assert.equal(res.status, 303, await res.text());
  return new URL(res.headers.get('location')!);
}

test('the SDK’s PKCE flow: urlForOAuth2PKCE → the hosted page → exchangeCodeForToken with its secret → tokeninfo → revoke', async () => {
  const { url, secret, secretHash } = nylas.auth.urlForOAuth2PKCE({ clientId: lk.app.client_id, redirectUri: REDIRECT, loginHint: 'alice@example.test', state: 'v3-state', provider: 'imap' });
  assert.equal(new URL(url).pathname, '/v3/connect/auth');
  // The SDK's challenge is base64(hex(SHA-256(secret))); Latchkey stores its RFC 7636 form.
  assert.equal(rfc7636Challenge(secretHash), createHash('sha256').update(secret).digest('base64url'));

  const back = await logIn(url, 'alice@example.test', 'alice-secret');
  assert.equal(back.origin + back.pathname, REDIRECT);
  assert.equal(back.searchParams.get('state'), 'v3-state');
  const code = back.searchParams.get('code')!;

  // A wrong verifier is refused in OAuth's shape and does not burn the code.
  await assert.rejects(nylas.auth.exchangeCodeForToken({ clientId: lk.app.client_id, redirectUri: REDIRECT, code, codeVerifier: crypto.randomUUID() }), (err: unknown) => {
    assert.ok(err instanceof NylasOAuthError);
    assert.equal(err.statusCode, 400);
    assert.equal(err.error, 'invalid_grant');
    assert.match(err.errorDescription, /code/);
    assert.match(String(err.requestId), /^[0-9a-f-]{36}$/);
    return true;
  });
  const token = await nylas.auth.exchangeCodeForToken({ clientId: lk.app.client_id, redirectUri: REDIRECT, code, codeVerifier: secret });
  assert.match(token.accessToken, /^lkat_/);
  assert.equal(token.email, 'alice@example.test');
  assert.equal(token.provider, 'testmail');
  assert.equal(token.tokenType, 'Bearer');
  // The grant is the v2 account: v2's GET /account with the same token shows the same id.
  const v2 = await lk.get('/account', { authorization: `Bearer ${token.accessToken}` });
  assert.equal(v2.body.id, token.grantId);

  // A replayed code is refused (and revokes what it issued: RFC 6749 §4.1.2).
  await assert.rejects(nylas.auth.exchangeCodeForToken({ clientId: lk.app.client_id, redirectUri: REDIRECT, code, codeVerifier: secret }), (err: unknown) => err instanceof NylasOAuthError && err.error === 'invalid_grant');
  assert.equal((await lk.get('/account', { authorization: `Bearer ${token.accessToken}` })).status, 401);
});

test('urlForOAuth2 (no PKCE) → exchangeCodeForToken with the API key as client secret; tokeninfo; revoke; refresh_token refused', async () => {
  const url = nylas.auth.urlForOAuth2({ clientId: lk.app.client_id, redirectUri: REDIRECT, state: 's2' });
  const back = await logIn(url, 'bob@example.test', 'bob-secret');
  const token = await nylas.auth.exchangeCodeForToken({ clientId: lk.app.client_id, redirectUri: REDIRECT, code: back.searchParams.get('code')! });
  assert.equal(token.email, 'bob@example.test');
  assert.equal(token.scope, 'email calendar contacts');

  const info = await nylas.auth.accessTokenInfo(token.accessToken);
  assert.deepEqual({ sub: info.data.sub, email: info.data.email, aud: info.data.aud }, { sub: token.grantId, email: 'bob@example.test', aud: lk.app.client_id });
  assert.ok(Math.abs(info.data.iat - Date.now() / 1000) < 60);

  await assert.rejects(nylas.auth.refreshAccessToken({ clientId: lk.app.client_id, redirectUri: REDIRECT, refreshToken: 'anything' }), (err: unknown) => {
    assert.ok(err instanceof NylasOAuthError);
    assert.equal(err.error, 'unsupported_grant_type');
    assert.match(err.errorDescription, /do not expire/);
    return true;
  });

  assert.equal(await nylas.auth.revoke(token.accessToken), true);
  assert.equal((await lk.get('/account', { authorization: `Bearer ${token.accessToken}` })).status, 401);
  await assert.rejects(nylas.auth.accessTokenInfo(token.accessToken), (err: unknown) => err instanceof NylasOAuthError && err.statusCode === 401 && err.error === 'invalid_token');
  // RFC 7009 §2.2: revoking an unknown or revoked token is not an error.
  assert.equal(await nylas.auth.revoke(token.accessToken), true);
  const noToken = await lk.post('/v3/connect/revoke', {});
  assert.equal(noToken.status, 400);
  assert.equal(noToken.body.error, 'invalid_request');
  assert.equal(noToken.body.request_id, noToken.headers.get('x-request-id'));
});

test('RFC 7636 S256 through /v3/connect/auth by hand; another application’s key, a wrong redirect URI and a foreign token are refused', async () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const q = new URLSearchParams({ client_id: lk.app.client_id, redirect_uri: REDIRECT, response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256', state: 's3' });
  const back = await logIn(`${lk.url}/v3/connect/auth?${q}`, 'alice@example.test', 'alice-secret');
  const code = back.searchParams.get('code')!;

  const otherApp = await createApplication(lk.ctx.store, 'Other', [REDIRECT], Date.now());
  const other = (await createApiKey(lk.ctx.store, otherApp.client_id, {}, Date.now())).api_key;
  const foreign = await lk.post('/v3/connect/token', { grant_type: 'authorization_code', client_id: lk.app.client_id, client_secret: other, code, code_verifier: verifier });
  assert.equal(foreign.status, 401);
  assert.equal(foreign.body.error, 'invalid_client');
  const wrongUri = await lk.post('/v3/connect/token', { grant_type: 'authorization_code', client_id: lk.app.client_id, code, code_verifier: verifier, redirect_uri: 'http://127.0.0.1:9/other' });
  assert.equal(wrongUri.body.error, 'invalid_grant');
  // A public client: the verifier alone.
  const ok = await lk.post('/v3/connect/token', { grant_type: 'authorization_code', client_id: lk.app.client_id, code, code_verifier: verifier, redirect_uri: REDIRECT });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.email, 'alice@example.test');
  // Another application cannot read this token's info.
  const info = await lk.get(`/v3/connect/tokeninfo?access_token=${ok.body.access_token}`, { authorization: `Bearer ${other}` });
  assert.equal(info.status, 401);
  assert.equal(info.body.error, 'invalid_token');

  // A redirect URI that is not registered: the page's own error page, never a redirect.
  const bad = await fetch(`${lk.url}/v3/connect/auth?${new URLSearchParams({ client_id: lk.app.client_id, redirect_uri: 'https://evil.example/cb', response_type: 'code' })}`);
  assert.equal(bad.status, 400);
  assert.match(bad.headers.get('content-type') ?? '', /text\/html/);
  // plain PKCE is refused by the page as on v2.
  const plain = await fetch(`${lk.url}/v3/connect/auth?${new URLSearchParams({ client_id: lk.app.client_id, redirect_uri: REDIRECT, response_type: 'code', code_challenge: verifier, code_challenge_method: 'plain' })}`);
  assert.equal(plain.status, 400);
});
