/**
 * Providers gmail, office365 and graph end to end (issue 4; reference §2.4 G1/M1, §9.2, §9.3;
 * case C23): Latchkey exchanges the refresh token at a real OAuth 2.0 server on loopback
 * (oauth2-mock-server, test/peers/oauth-server.ts), reads the account's address, then signs in
 * to a real Dovecot whose oauth2 passdb checks the access token by introspection, and to an SMTP
 * server that checks it the same way. Nothing leaves 127.0.0.0/8.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { OAuthPeer } from '../peers/oauth-server.ts';
import type { OAuthSmtpPeer } from '../peers/oauth-smtp.ts';
import type { DovecotPeer } from '../peers/dovecot.ts';
import { startOAuthWorld, type OAuthWorld } from '../support/oauth-world.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { verifyStoredCredentials } from '../../src/health/verify-account.ts';
import type { Step } from '../../src/errors/api-error.ts';

const GOOGLE = { clientId: 'google-app.apps.test', clientSecret: 'google-client-secret-XYZ' };
const MS = { clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', clientSecret: 'ms-client-secret~ABC', redirectUri: 'https://app.example.test/callback' };

let world: OAuthWorld;
let dir: string;
let oauth: OAuthPeer;
let dovecot: DovecotPeer;
let smtps: OAuthSmtpPeer;
let submission: OAuthSmtpPeer;
let lk: Latchkey;
/** Every step a name was resolved for since the last reset: proves whether IMAP was dialled. */
let dialled: Step[] = [];

function gmailBody(email: string, refreshToken: string, extra: Record<string, unknown> = {}) {
  return {
    client_id: lk.app.client_id, name: 'G', email_address: email, provider: 'gmail',
    settings: { google_client_id: GOOGLE.clientId, google_client_secret: GOOGLE.clientSecret, google_refresh_token: refreshToken, ...extra },
  };
}

function microsoftBody(provider: 'office365' | 'graph', email: string, refreshToken: string) {
  return {
    client_id: lk.app.client_id, name: 'M', email_address: email, provider,
    settings: { microsoft_client_id: MS.clientId, microsoft_client_secret: MS.clientSecret, microsoft_refresh_token: refreshToken, redirect_uri: MS.redirectUri },
  };
}

/** Signs in to the Dovecot peer directly with an access token: what the mail server thinks of it. */
async function dovecotAccepts(user: string, accessToken: string): Promise<boolean> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.imapTlsPort, secure: true, tls: { ca: [dovecot.caPem] }, auth: { user, accessToken }, logger: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.logout();
    return true;
  } catch (err) {
    assert.equal((err as { authenticationFailed?: boolean }).authenticationFailed, true, String(err));
    return false;
  } finally {
    client.close();
  }
}

before(async () => {
  world = await startOAuthWorld('oauth-test');
  ({ dir, oauth, dovecot, smtps, submission } = world);
  lk = await startLatchkey(world.env);
  const resolve = lk.ctx.dial.resolve;
  lk.ctx.dial.resolve = (host: string, step: Step) => {
    if (step.startsWith('imap.') || step.startsWith('smtp.')) dialled.push(step);
    return resolve(host, step);
  };
  for (const [email, rt] of [['ann@gmail.test', 'rt-ann'], ['gus@gmail.test', 'rt-gus'], ['old@gmail.test', 'rt-old'], ['hal@gmail.test', 'rt-hal'], ['nosend@gmail.test', 'rt-nosend']] as const) {
    oauth.addAccount({ email, refreshToken: rt, ...GOOGLE, audience: 'https://mail.google.com/' });
  }
  oauth.addAccount({ email: 'revoked@gmail.test', refreshToken: 'rt-revoked', ...GOOGLE, revoked: true });
  oauth.addAccount({ email: 'drive@gmail.test', refreshToken: 'rt-drive', ...GOOGLE, audience: 'https://www.googleapis.com/auth/drive' });
  oauth.addAccount({ email: 'mia@contoso.test', refreshToken: 'rt-mia', ...MS, audience: 'https://outlook.office.com' });
  oauth.addAccount({ email: 'ned@contoso.test', refreshToken: 'rt-ned', ...MS, audience: 'https://graph.microsoft.com' });
  oauth.addAccount({ email: 'rot@contoso.test', refreshToken: 'rt-rot', ...MS, audience: 'https://outlook.office.com', rotate: true });
  oauth.addAccount({ email: 'oli@contoso.test', refreshToken: 'rt-oli', ...MS, audience: 'https://outlook.office.com', noIdToken: true });
});

after(async () => {
  await lk?.stop();
  await world?.stop();
});

describe('gmail (settings G1)', () => {
  test('refresh token → userinfo → IMAP and SMTP with the fresh token; the account is gmail with labels; secrets stored encrypted', async () => {
    dialled = [];
    const a = await lk.post('/connect/authorize', gmailBody('ann@gmail.test', 'rt-ann'));
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(dialled, ['imap.connect', 'smtp.connect']);
    const token = oauth.minted.at(-1)!;
    assert.equal(oauth.active(token), true);
    assert.deepEqual(smtps.auths.at(-1), { user: 'ann@gmail.test', ok: true });
    const grant = oauth.tokenRequests.at(-1)!;
    assert.deepEqual({ grant_type: grant.grant_type, refresh_token: grant.refresh_token, client_id: grant.client_id, client_secret: grant.client_secret }, { grant_type: 'refresh_token', refresh_token: 'rt-ann', client_id: GOOGLE.clientId, client_secret: GOOGLE.clientSecret });

    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.provider, 'gmail');
    assert.equal(t.body.organization_unit, 'label');
    assert.equal(t.body.email_address, 'ann@gmail.test');

    const db = readFileSync(lk.dbPath).toString('latin1');
    for (const secret of ['rt-ann', GOOGLE.clientSecret, token]) {
      assert.equal(db.includes(secret), false, 'no OAuth secret in the database in clear');
      assert.equal(lk.logs.some((l) => l.includes(secret)), false, 'no OAuth secret in the logs');
    }
    const fields = (await lk.ctx.store.credentialsOf(t.body.id)).map((c) => c.field).sort();
    assert.deepEqual(fields, ['google_client_secret', 'google_refresh_token']);

    // Credential health re-verifies the stored refresh token: a fresh token, then IMAP and SMTP.
    const account = (await lk.ctx.store.findAccount(lk.app.client_id, t.body.id))!;
    const before = oauth.minted.length;
    await verifyStoredCredentials(lk.ctx, account);
    assert.equal(oauth.minted.length, before + 1);
    oauth.revoke('rt-ann');
    await assert.rejects(verifyStoredCredentials(lk.ctx, account), (err: { reason?: string }) => err.reason === 'refresh_token_revoked');
  });

  test('C23 A: a revoked refresh token → 403 refresh_token_revoked, one token request, no IMAP connection', async () => {
    dialled = [];
    const before = oauth.tokenRequests.filter((r) => r.refresh_token === 'rt-revoked').length;
    const r = await lk.post('/connect/authorize', gmailBody('revoked@gmail.test', 'rt-revoked'));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'refresh_token_revoked', step: 'oauth.refresh' });
    assert.match(r.body.message, /sign in again/);
    assert.match(r.body.server_error, /invalid_grant/);
    assert.equal(oauth.tokenRequests.filter((x) => x.refresh_token === 'rt-revoked').length, before + 1, 'exactly one attempt: no retry loop');
    assert.deepEqual(dialled, [], 'no IMAP or SMTP connection was attempted');
  });

  test('C23 B: a stale access token sent along is ignored; a fresh one is minted first → success', async () => {
    const first = await lk.post('/connect/authorize', gmailBody('old@gmail.test', 'rt-old'));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const stale = oauth.minted.at(-1)!;
    oauth.expire(stale);
    assert.equal(await dovecotAccepts('old@gmail.test', stale), false, 'the mail server refuses the hour-old token');
    const count = oauth.minted.length;
    const r = await lk.post('/connect/authorize', gmailBody('old@gmail.test', 'rt-old', { access_token: stale, google_access_token: stale }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(oauth.minted.length, count + 1, 'a fresh access token was minted');
    assert.notEqual(oauth.minted.at(-1), stale);
    assert.equal(await dovecotAccepts('old@gmail.test', oauth.minted.at(-1)!), true);
  });

  test('the refresh token of another account → 400 oauth_account_mismatch before any IMAP connection', async () => {
    dialled = [];
    const r = await lk.post('/connect/authorize', gmailBody('someone-else@gmail.test', 'rt-gus'));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'invalid_request_error', reason: 'oauth_account_mismatch', step: 'oauth.userinfo' });
    assert.match(r.body.message, /gus@gmail\.test/);
    assert.deepEqual(dialled, []);
  });

  test('a wrong client secret → 403 oauth_client_invalid', async () => {
    const body = gmailBody('gus@gmail.test', 'rt-gus');
    body.settings.google_client_secret = 'not-the-secret';
    const r = await lk.post('/connect/authorize', body);
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'oauth_client_invalid', step: 'oauth.refresh' });
    assert.equal(JSON.stringify(r.body).includes('not-the-secret'), false);
  });

  test('IMAP refuses the token (not granted mail access) → 403 oauth_login_refused with the server text', async () => {
    const r = await lk.post('/connect/authorize', gmailBody('drive@gmail.test', 'rt-drive'));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'oauth_login_refused', step: 'imap.login' });
    assert.ok(r.body.server_error, 'the server text is passed on');
    assert.equal(r.body.server_error.includes(oauth.minted.at(-1)!), false);
  });

  test('SMTP refuses the token (SMTP AUTH off for the user) → 403 oauth_login_refused at smtp.auth', async () => {
    smtps.refuse.add('nosend@gmail.test');
    const r = await lk.post('/connect/authorize', gmailBody('nosend@gmail.test', 'rt-nosend'));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'oauth_login_refused', step: 'smtp.auth' });
    assert.match(r.body.server_error, /535/);
  });

  test('missing G1 settings → 400 missing_fields naming them', async () => {
    const r = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'X', email_address: 'x@gmail.test', provider: 'gmail', settings: { google_refresh_token: 'r' } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.missing_fields, ['google_client_id', 'google_client_secret']);
  });

  test('the token endpoint unreachable → 502 connect_refused; silent → 504 response_timeout (at oauth.refresh)', async () => {
    // A port that accepts the connection and then says nothing (not even the TLS handshake).
    const held = new Set<Socket>();
    const silent = createServer((socket) => held.add(socket.on('error', () => undefined)));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const silentPort = (silent.address() as AddressInfo).port;
    const env = { LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_PROVIDERS_FILE: join(dir, 'providers.json'), LATCHKEY_COMMAND_TIMEOUT_MS: '500' };
    const refused = await startLatchkey({ ...env, LATCHKEY_GOOGLE_TOKEN_URL: 'https://127.0.0.1:1/token' });
    const slow = await startLatchkey({ ...env, LATCHKEY_GOOGLE_TOKEN_URL: `https://127.0.0.1:${silentPort}/token` });
    try {
      const r = await refused.post('/connect/authorize', { ...gmailBody('hal@gmail.test', 'rt-hal'), client_id: refused.app.client_id });
      assert.equal(r.status, 502, JSON.stringify(r.body));
      assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'provider_error', reason: 'connect_refused', step: 'oauth.refresh' });
      const s = await slow.post('/connect/authorize', { ...gmailBody('hal@gmail.test', 'rt-hal'), client_id: slow.app.client_id });
      assert.equal(s.status, 504, JSON.stringify(s.body));
      assert.deepEqual({ type: s.body.type, reason: s.body.reason, step: s.body.step }, { type: 'provider_error', reason: 'response_timeout', step: 'oauth.refresh' });
    } finally {
      await refused.stop();
      await slow.stop();
      for (const socket of held) socket.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe('office365 / graph (settings M1)', () => {
  test('refresh with the Outlook IMAP/SMTP scopes and redirect_uri → IMAP and SMTP (STARTTLS) with XOAUTH2', async () => {
    for (const provider of ['office365', 'graph'] as const) {
      const r = await lk.post('/connect/authorize', microsoftBody(provider, 'mia@contoso.test', 'rt-mia'));
      assert.equal(r.status, 200, `${provider}: ${JSON.stringify(r.body)}`);
      const grant = oauth.tokenRequests.at(-1)!;
      assert.equal(grant.redirect_uri, MS.redirectUri);
      assert.deepEqual(grant.scope!.split(' ').slice(0, 2), ['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send']);
      assert.ok(grant.scope!.split(' ').includes('offline_access'));
      assert.deepEqual(submission.auths.at(-1), { user: 'mia@contoso.test', ok: true });
      const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: r.body.code });
      assert.equal(t.body.provider, provider);
      assert.equal(t.body.organization_unit, 'folder');
    }
  });

  test('a refresh token rotated by the endpoint replaces the stored one (authorize and the health check)', async () => {
    const r = await lk.post('/connect/authorize', microsoftBody('office365', 'rot@contoso.test', 'rt-rot'));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: r.body.code });
    const stored = async () => {
      const row = (await lk.ctx.store.credentialsOf(t.body.id)).find((c) => c.field === 'microsoft_refresh_token')!;
      return lk.ctx.keys.decrypt(row.envelope, `account:${t.body.id}:microsoft_refresh_token`);
    };
    assert.equal(await stored(), oauth.rotated.at(-1));
    const account = (await lk.ctx.store.findAccount(lk.app.client_id, t.body.id))!;
    await verifyStoredCredentials(lk.ctx, account);
    assert.equal(oauth.tokenRequests.at(-1)!.refresh_token, oauth.rotated.at(-2), 'the health check used the stored (rotated) token');
    assert.equal(await stored(), oauth.rotated.at(-1), 'and stored the next one');
  });

  test('a token minted for the Graph audience → 403 token_audience_invalid, no IMAP connection', async () => {
    dialled = [];
    const r = await lk.post('/connect/authorize', microsoftBody('office365', 'ned@contoso.test', 'rt-ned'));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'token_audience_invalid', step: 'oauth.refresh' });
    assert.match(r.body.message, /graph\.microsoft\.com/);
    assert.deepEqual(dialled, []);
    assert.equal(await dovecotAccepts('ned@contoso.test', oauth.minted.at(-1)!), false, 'the mail server would refuse that token too');
  });

  test('an ID token naming another account → 400 oauth_account_mismatch', async () => {
    const r = await lk.post('/connect/authorize', microsoftBody('office365', 'not-mia@contoso.test', 'rt-mia'));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.reason, 'oauth_account_mismatch');
  });

  test('no ID token (openid not granted): the access token\'s own claims name the account; another address → 400 oauth_account_mismatch, no IMAP connection', async () => {
    const ok = await lk.post('/connect/authorize', microsoftBody('office365', 'oli@contoso.test', 'rt-oli'));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    dialled = [];
    const r = await lk.post('/connect/authorize', microsoftBody('office365', 'mia@contoso.test', 'rt-oli'));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.reason, 'oauth_account_mismatch');
    assert.deepEqual(dialled, []);
  });

  test('missing M1 settings (redirect_uri) → 400 missing_fields', async () => {
    const body = microsoftBody('office365', 'mia@contoso.test', 'rt-mia');
    delete (body.settings as Record<string, unknown>).redirect_uri;
    const r = await lk.post('/connect/authorize', body);
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.missing_fields, ['redirect_uri']);
  });
});
