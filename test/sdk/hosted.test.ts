/**
 * The SDK's hosted-authentication helpers against a real Latchkey and Dovecot: the login URL,
 * PKCE pairs (WebCrypto) and `oauth.token` for a public client (verifier, no secret) and a
 * confidential one (secret). The login form is posted with fetch here; the browser runs it in
 * test/browser/hosted-login.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Latchkey, LatchkeyError, createPkcePair, pkceChallenge } from '../../packages/sdk/src/index.ts';
import type { DovecotPeer } from '../peers/dovecot.ts';
import { startHostedApp, submitHostedLogin } from '../support/hosted-app.ts';
import type { Latchkey as Server } from '../support/latchkey.ts';

const REDIRECT = 'http://127.0.0.1:9/callback';
let dovecot: DovecotPeer;
let lk: Server;

before(async () => {
  ({ dovecot, lk } = await startHostedApp(REDIRECT));
});
after(async () => {
  await lk?.stop();
  await dovecot?.stop();
});

/** What a browser does on the login page: GET it, post the form with its cookie; returns the redirect. */
async function logIn(url: string, email: string, password: string): Promise<URL> {
  const res = await submitHostedLogin(lk, url, email, password);
  assert.equal(res.status, 303);
  return new URL(res.headers.get('location')!);
}

test('createPkcePair: a 43-character verifier and its S256 challenge (RFC 7636 Appendix B vector too)', async () => {
  const { verifier, challenge } = await createPkcePair();
  assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(challenge, createHash('sha256').update(verifier).digest('base64url'));
  assert.equal(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  assert.notEqual((await createPkcePair()).verifier, verifier);
});

test('hosted.authorizeUrl builds /oauth/authorize; a public client redeems with oauth.token(code, { codeVerifier })', async () => {
  const pub = new Latchkey({ baseUrl: `${lk.url}/`, clientId: lk.app.client_id });
  const { verifier, challenge } = await createPkcePair();
  const url = pub.hosted.authorizeUrl({ redirectUri: REDIRECT, scopes: ['email.read_only', 'contacts'], state: 's1', loginHint: 'alice@example.test', codeChallenge: challenge, redirectOnError: true });
  const u = new URL(url);
  assert.equal(u.origin + u.pathname, `${lk.url}/oauth/authorize`);
  assert.deepEqual(Object.fromEntries(u.searchParams), {
    client_id: lk.app.client_id, redirect_uri: REDIRECT, response_type: 'code', scopes: 'email.read_only,contacts', login_hint: 'alice@example.test',
    state: 's1', redirect_on_error: 'true', code_challenge: challenge, code_challenge_method: 'S256',
  });
  assert.equal(new URL(pub.hosted.authorizeUrl({ redirectUri: REDIRECT, reauthAccountId: 'acc1' })).searchParams.get('reauth_account_id'), 'acc1');
  const back = await logIn(url, 'alice@example.test', 'alice-secret');
  assert.equal(back.searchParams.get('state'), 's1');
  const code = back.searchParams.get('code')!;
  await assert.rejects(pub.oauth.token(code), (e: unknown) => e instanceof TypeError && /clientSecret.*codeVerifier/.test(e.message));
  const wrong = await pub.oauth.token(code, { codeVerifier: (await createPkcePair()).verifier }).catch((e: unknown) => e);
  assert.ok(wrong instanceof LatchkeyError && wrong.status === 400 && wrong.reason === 'invalid_code');
  const t = await pub.oauth.token(code, { codeVerifier: verifier, redirectUri: REDIRECT });
  assert.deepEqual([t.email_address, t.provider, t.token_type], ['alice@example.test', 'testmail', 'bearer']);
  assert.equal((await pub.account.get(t.access_token)).id, t.account_id);
});

test('a confidential client redeems with its secret; redirect_on_error comes back with error and reason', async () => {
  const conf = new Latchkey({ baseUrl: lk.url, clientId: lk.app.client_id, clientSecret: lk.app.client_secret });
  const back = await logIn(conf.hosted.authorizeUrl({ redirectUri: REDIRECT, state: 's2' }), 'bob@example.test', 'bob-secret');
  const t = await conf.oauth.token(back.searchParams.get('code')!);
  assert.equal(t.email_address, 'bob@example.test');
  const failed = await logIn(conf.hosted.authorizeUrl({ redirectUri: REDIRECT, state: 's3', redirectOnError: true }), 'bob@example.test', 'nope');
  assert.deepEqual([failed.searchParams.get('error'), failed.searchParams.get('reason'), failed.searchParams.get('state')], ['auth_error', 'invalid_credentials', 's3']);
});
