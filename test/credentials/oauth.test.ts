/**
 * Credentials release for OAuth accounts (issue 14): Latchkey mints the access token from the
 * stored refresh token at a real OAuth 2.0 server on loopback (test/peers/oauth-server.ts), caches
 * it encrypted until five minutes before it expires, and what it releases opens a real Dovecot
 * whose oauth2 passdb checks the token by introspection (imapflow, XOAUTH2) and authenticates
 * nodemailer at an SMTP server that checks it the same way. A revoked refresh token answers 403
 * and marks the account invalid with an `account.invalid` webhook; a rotated one is stored.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Sqlite from 'better-sqlite3';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import type { OAuthPeer } from '../peers/oauth-server.ts';
import type { OAuthSmtpPeer } from '../peers/oauth-smtp.ts';
import type { DovecotPeer } from '../peers/dovecot.ts';
import { startOAuthWorld, type OAuthWorld } from '../support/oauth-world.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { basic } from '../support/connect.ts';
import { resolveCredentials } from '../support/emailengine.ts';

const GOOGLE = { clientId: 'google-app.apps.test', clientSecret: 'google-client-secret-XYZ' };
const MS = { clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', clientSecret: 'ms-client-secret~ABC', redirectUri: 'https://app.example.test/callback' };
const MINUTE = 60_000;

let world: OAuthWorld;
let oauth: OAuthPeer;
let dovecot: DovecotPeer;
let smtps: OAuthSmtpPeer;
let lk: Latchkey;
let admin: Record<string, string>;

before(async () => {
  world = await startOAuthWorld('cred-oauth', { office365Smtp: 'smtps' });
  ({ oauth, dovecot, smtps } = world);
  lk = await startLatchkey(world.env);
  admin = basic(lk.app.client_secret);
  assert.equal((await lk.put(`/a/${lk.app.client_id}`, { credentials_release: true }, admin)).status, 200);
  for (const [email, rt] of [['ann@gmail.test', 'rt-ann-77'], ['rev@gmail.test', 'rt-rev-88']] as const) oauth.addAccount({ email, refreshToken: rt, ...GOOGLE, audience: 'https://mail.google.com/' });
  oauth.addAccount({ email: 'rot@contoso.test', refreshToken: 'rt-rot', ...MS, audience: 'https://outlook.office.com', rotate: true });
});

after(async () => {
  await lk?.stop();
  await world?.stop();
});

async function connectGmail(email: string, refreshToken: string): Promise<string> {
  const a = await lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'G', email_address: email, provider: 'gmail', scopes: 'email',
    settings: { google_client_id: GOOGLE.clientId, google_client_secret: GOOGLE.clientSecret, google_refresh_token: refreshToken },
  });
  assert.equal(a.status, 200, JSON.stringify(a.body));
  const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
  assert.equal(t.status, 200, JSON.stringify(t.body));
  return t.body.id;
}

const credentials = (id: string, q = '') => lk.get(`/a/${lk.app.client_id}/accounts/${id}/credentials${q}`, admin);

describe('gmail', () => {
  let id: string;
  test('the released XOAUTH2 token opens INBOX with imapflow at Dovecot and authenticates nodemailer at the SMTP peer', async () => {
    id = await connectGmail('ann@gmail.test', 'rt-ann-77');
    const before = oauth.tokenRequests.length;
    const r = await credentials(id);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(oauth.tokenRequests.length, before + 1, 'one refresh on the first release');
    const { imap, smtp } = r.body;
    assert.equal(imap.auth, 'xoauth2');
    assert.equal(imap.access_token, oauth.minted.at(-1));
    assert.equal(smtp.access_token, imap.access_token);
    const ttl = imap.expires_at - Math.floor(Date.now() / 1000);
    assert.ok(ttl > 3500 && ttl <= 3600, `expires_at ${ttl} s from now`);
    assert.deepEqual(Object.keys(imap).sort(), ['access_token', 'auth', 'expires_at', 'host', 'port', 'security', 'username']);

    const client = new ImapFlow({ host: imap.host, port: imap.port, secure: true, tls: { ca: [dovecot.caPem] }, auth: { user: imap.username, accessToken: imap.access_token }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    assert.equal((await client.mailboxOpen('INBOX')).path, 'INBOX');
    await client.logout();
    const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: true, tls: { ca: [oauth.caPem] }, auth: { type: 'OAuth2', user: smtp.username, accessToken: smtp.access_token } });
    assert.equal(await transport.verify(), true);
    transport.close();
    assert.deepEqual(smtps.auths.at(-1), { user: 'ann@gmail.test', ok: true });
  });

  test('cached: later releases cost no refresh until five minutes before expiry; the cache holds only an encrypted envelope', async () => {
    const before = oauth.tokenRequests.length;
    const first = (await credentials(id)).body.imap.access_token;
    lk.advance(54 * MINUTE);
    assert.equal((await credentials(id)).body.imap.access_token, first);
    assert.equal(oauth.tokenRequests.length, before, 'served from the cache');
    const db = new Sqlite(lk.dbPath, { readonly: true });
    const row = db.prepare('SELECT envelope FROM oauth_tokens WHERE account_id = ?').get(id) as { envelope: string };
    db.close();
    assert.match(row.envelope, /^lk1:/);
    assert.equal(row.envelope.includes(first), false);
    lk.advance(2 * MINUTE); // 56 min: within five minutes of the hour
    const fresh = (await credentials(id)).body.imap.access_token;
    assert.notEqual(fresh, first);
    assert.equal(oauth.tokenRequests.length, before + 1);
  });

  test('EmailEngine: proto=imap, smtp and api give {user, accessToken}, exactly what its schema keeps', async () => {
    const u = new URL(`${lk.url}/a/${lk.app.client_id}/emailengine/credentials`);
    u.username = lk.app.client_secret;
    const token = (await credentials(id)).body.imap.access_token;
    for (const proto of ['imap', 'smtp', 'api'] as const) assert.deepEqual(await resolveCredentials(u.toString(), id, proto), { user: 'ann@gmail.test', accessToken: token });
  });

  test('a revoked refresh token: 403 refresh_token_revoked, the account invalid, account.invalid queued; then 409; never a secret in the logs', async () => {
    const rev = await connectGmail('rev@gmail.test', 'rt-rev-88');
    await lk.ctx.store.createWebhook({ id: 'wh-cred', clientId: lk.app.client_id, callbackUrl: 'https://hooks.example.test/', triggers: ['account.invalid'], secretEnvelope: lk.ctx.keys.encrypt('s', 'webhook:wh-cred:signing_secret'), keyVersion: lk.ctx.keys.current, createdAt: Date.now() });
    oauth.revoke('rt-rev-88');
    const r = await credentials(rev);
    assert.deepEqual([r.status, r.body.reason, r.body.type], [403, 'refresh_token_revoked', 'auth_error']);
    assert.equal((await lk.ctx.store.findAccountById(rev))!.syncState, 'invalid');
    const queued = await lk.ctx.store.deliveriesOf('wh-cred');
    assert.equal(queued.length, 1);
    assert.equal(JSON.parse(queued[0]!.body).deltas[0].object_data.account_id, rev);
    const again = await credentials(rev);
    assert.deepEqual([again.status, again.body.reason], [409, 'account_invalid']);
    const logs = lk.logs.join('\n');
    for (const secret of ['rt-ann-77', 'rt-rev-88', GOOGLE.clientSecret, ...oauth.minted]) assert.equal(logs.includes(secret), false, 'a secret reached the log');
  });
});

describe('office365', () => {
  test('a refresh token the endpoint rotates is stored in the same transaction as the new access token', async () => {
    const a = await lk.post('/connect/authorize', {
      client_id: lk.app.client_id, name: 'M', email_address: 'rot@contoso.test', provider: 'office365', scopes: 'email',
      settings: { microsoft_client_id: MS.clientId, microsoft_client_secret: MS.clientSecret, microsoft_refresh_token: 'rt-rot', redirect_uri: MS.redirectUri },
    });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: a.body.code });
    const r = await credentials(t.body.id, '?protocol=imap');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const stored = async () => {
      const row = (await lk.ctx.store.credentialsOf(t.body.id)).find((c) => c.field === 'microsoft_refresh_token')!;
      return lk.ctx.keys.decrypt(row.envelope, `account:${t.body.id}:microsoft_refresh_token`);
    };
    assert.equal(await stored(), oauth.rotated.at(-1));
    lk.advance(60 * MINUTE);
    await credentials(t.body.id, '?protocol=imap');
    assert.equal(await stored(), oauth.rotated.at(-1), 'the newest rotation is stored');
  });
});
