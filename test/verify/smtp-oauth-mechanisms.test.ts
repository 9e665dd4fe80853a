/**
 * Issue 13 point 1: with an OAuth access token Latchkey signs in to SMTP with XOAUTH2 (or
 * OAUTHBEARER), never with a password mechanism, whatever order the server lists them in —
 * Microsoft 365 lists `AUTH LOGIN XOAUTH2` and used to get `AUTH LOGIN` with a placeholder
 * password. Against SMTP peers that answer line for line as smtp.office365.com and
 * smtp.gmail.com do (test/peers/provider-smtp.ts), for office365, graph and gmail, on STARTTLS
 * and on implicit TLS; the token comes from a real OAuth 2.0 server on loopback.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert } from '../peers/pki.ts';
import { startOAuthServer, type OAuthPeer } from '../peers/oauth-server.ts';
import { startFakeImap, type FakeImapServer } from '../peers/fake-imap.ts';
import { startGoogleSmtp, startMicrosoftSmtp } from '../peers/provider-smtp.ts';
import { startFakeSmtp, type FakeSmtpServer } from '../peers/fake-smtp.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { chooseMechanism, offeredMechanisms } from '../../src/mail/smtp/auth.ts';

const GOOGLE = { clientId: 'google-app.apps.test', clientSecret: 'google-client-secret-XYZ' };
const MS = { clientId: '6731de76-14a6-49ae-97bc-6eba6914391e', clientSecret: 'ms-client-secret~ABC', redirectUri: 'https://app.example.test/callback' };
/** Accounts whose tokens the SMTP peers refuse (SMTP.Send not granted). */
const refused = new Set<string>();

let dir: string;
let oauth: OAuthPeer;
let imap: FakeImapServer;
const smtp: Record<'ms587' | 'ms465' | 'g587' | 'g465', FakeSmtpServer> = {} as never;
const lk: Record<'starttls' | 'implicit', Latchkey> = {} as never;
let leafTls: { key: string; cert: string };
let env: Record<string, string>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-smtp-oauth-'));
  const ca = await makeCA(dir, 'smtp-oauth-ca');
  oauth = await startOAuthServer({ ca, dir });
  const leaf = await issueCert(dir, ca, { name: 'mail', dnsNames: ['mail.latchkey.test'], ipAddresses: ['127.0.0.1'] });
  const tls = { key: leaf.keyPem, cert: leaf.certPem };
  leafTls = tls;
  const tokenOk = (user: string, token: string) => oauth.active(token) && !refused.has(user);
  imap = await startFakeImap({
    tls,
    capabilities: ['IMAP4rev1', 'AUTH=PLAIN', 'AUTH=XOAUTH2', 'SASL-IR', 'ID', 'UNSELECT'],
    authenticate: (mechanism, d) => ('pass' in d && mechanism === 'XOAUTH2' && oauth.active(d.pass) ? 'OK AUTHENTICATE completed.' : 'NO AUTHENTICATE failed.'),
  });
  smtp.ms587 = await startMicrosoftSmtp({ tls, implicitTls: false, tokenOk });
  smtp.ms465 = await startMicrosoftSmtp({ tls, implicitTls: true, tokenOk });
  smtp.g587 = await startGoogleSmtp({ tls, implicitTls: false, tokenOk });
  smtp.g465 = await startGoogleSmtp({ tls, implicitTls: true, tokenOk });
  const imapEntry = { host: '127.0.0.1', port: imap.port, security: 'ssl' };
  const entry = (s: FakeSmtpServer, security: string) => ({ imap: imapEntry, smtp: { host: '127.0.0.1', port: s.port, security } });
  writeFileSync(join(dir, 'starttls.json'), JSON.stringify({ gmail: entry(smtp.g587, 'starttls'), office365: entry(smtp.ms587, 'starttls'), graph: entry(smtp.ms587, 'starttls') }));
  writeFileSync(join(dir, 'implicit.json'), JSON.stringify({ gmail: entry(smtp.g465, 'ssl'), office365: entry(smtp.ms465, 'ssl'), graph: entry(smtp.ms465, 'ssl') }));
  env = { LATCHKEY_TLS_CA_FILE: ca.certPath, LATCHKEY_GOOGLE_TOKEN_URL: oauth.tokenUrl, LATCHKEY_GOOGLE_USERINFO_URL: oauth.userinfoUrl, LATCHKEY_MICROSOFT_TOKEN_URL: oauth.tokenUrl };
  lk.starttls = await startLatchkey({ ...env, LATCHKEY_PROVIDERS_FILE: join(dir, 'starttls.json') });
  lk.implicit = await startLatchkey({ ...env, LATCHKEY_PROVIDERS_FILE: join(dir, 'implicit.json') });
  oauth.addAccount({ email: 'ann@gmail.test', refreshToken: 'rt-ann', ...GOOGLE, audience: 'https://mail.google.com/' });
  oauth.addAccount({ email: 'mia@contoso.test', refreshToken: 'rt-mia', ...MS, audience: 'https://outlook.office.com' });
  oauth.addAccount({ email: 'sam@contoso.test', refreshToken: 'rt-sam', ...MS, audience: 'https://outlook.office.com' });
});

after(async () => {
  for (const l of Object.values(lk)) await l?.stop();
  for (const s of Object.values(smtp)) await s?.close();
  await imap?.close();
  await oauth?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function body(l: Latchkey, provider: 'gmail' | 'office365' | 'graph', email: string, refreshToken: string) {
  const settings = provider === 'gmail'
    ? { google_client_id: GOOGLE.clientId, google_client_secret: GOOGLE.clientSecret, google_refresh_token: refreshToken }
    : { microsoft_client_id: MS.clientId, microsoft_client_secret: MS.clientSecret, microsoft_refresh_token: refreshToken, redirect_uri: MS.redirectUri };
  return { client_id: l.app.client_id, name: 'U', email_address: email, provider, settings };
}

const cases = [
  { provider: 'office365', email: 'mia@contoso.test', rt: 'rt-mia', peer: { starttls: 'ms587', implicit: 'ms465' } },
  { provider: 'graph', email: 'mia@contoso.test', rt: 'rt-mia', peer: { starttls: 'ms587', implicit: 'ms465' } },
  { provider: 'gmail', email: 'ann@gmail.test', rt: 'rt-ann', peer: { starttls: 'g587', implicit: 'g465' } },
] as const;

describe('an OAuth account signs in to SMTP with XOAUTH2 only', () => {
  for (const mode of ['starttls', 'implicit'] as const) {
    for (const c of cases) {
      test(`${c.provider}, ${mode === 'starttls' ? 'STARTTLS' : 'implicit TLS'}: one AUTH XOAUTH2 with the fresh token, inside TLS; no password mechanism`, async () => {
        const peer = smtp[c.peer[mode]];
        const before = peer.auths.length;
        const r = await lk[mode].post('/connect/authorize', body(lk[mode], c.provider, c.email, c.rt));
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const auths = peer.auths.slice(before);
        assert.deepEqual(auths.map((a) => ({ mechanism: a.mechanism, user: a.user, tls: a.tls, ok: /^235 /.test(a.reply) })), [{ mechanism: 'XOAUTH2', user: c.email, tls: true, ok: true }]);
        assert.equal(auths[0]!.pass, oauth.minted.at(-1), 'the token minted for this authorize');
        const sent = peer.transcript.filter((t) => t.dir === 'c' && /^AUTH /i.test(t.line)).map((t) => t.line.split(' ').slice(0, 2).join(' '));
        assert.deepEqual(sent.slice(-1), ['AUTH XOAUTH2']);
        assert.equal(sent.some((l) => /^AUTH (LOGIN|PLAIN)/i.test(l)), false, 'no password mechanism was ever tried');
      });
    }
  }

  test('Microsoft refuses the token (SMTP.Send not granted) → 403 oauth_login_refused at smtp.auth with 5.7.3, not oauth_required; nothing else tried', async () => {
    refused.add('sam@contoso.test');
    const peer = smtp.ms587;
    const before = peer.auths.length;
    const r = await lk.starttls.post('/connect/authorize', body(lk.starttls, 'office365', 'sam@contoso.test', 'rt-sam'));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'oauth_login_refused', step: 'smtp.auth' });
    assert.match(r.body.server_error ?? JSON.stringify(r.body), /5\.7\.3 Authentication unsuccessful/);
    assert.deepEqual(peer.auths.slice(before).map((a) => a.mechanism), ['XOAUTH2']);
  });

  test('a server that offers OAUTHBEARER but not XOAUTH2 gets AUTH OAUTHBEARER (RFC 7628) with the token, never a password mechanism', async () => {
    const tls = { key: leafTls.key, cert: leafTls.cert };
    const bearer = await startFakeSmtp({ tls, ehlo: ['AUTH PLAIN LOGIN OAUTHBEARER'], auth: (m, user, token) => (m === 'OAUTHBEARER' && user === 'ann@gmail.test' && oauth.active(token) ? '235 2.7.0 Accepted' : '535 5.7.8 refused') });
    writeFileSync(join(dir, 'bearer.json'), JSON.stringify({ gmail: { imap: { host: '127.0.0.1', port: imap.port, security: 'ssl' }, smtp: { host: '127.0.0.1', port: bearer.port, security: 'ssl' } } }));
    const l = await startLatchkey({ ...env, LATCHKEY_PROVIDERS_FILE: join(dir, 'bearer.json') });
    try {
      const r = await l.post('/connect/authorize', body(l, 'gmail', 'ann@gmail.test', 'rt-ann'));
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(bearer.auths.map((a) => [a.mechanism, a.pass === oauth.minted.at(-1)]), [['OAUTHBEARER', true]]);
    } finally {
      await l.stop();
      await bearer.close();
    }
  });
});

describe('mechanism choice from the EHLO reply (smtp-auth.ts)', () => {
  test('reads AUTH lines in every spelling: `AUTH LOGIN XOAUTH2`, `AUTH=LOGIN`, lower case, several lines', () => {
    assert.deepEqual(offeredMechanisms(['SIZE 157286400', 'AUTH LOGIN XOAUTH2', '8BITMIME']), ['LOGIN', 'XOAUTH2']);
    assert.deepEqual(offeredMechanisms(['AUTH=LOGIN', 'auth plain login']), ['LOGIN', 'PLAIN']);
    assert.deepEqual(offeredMechanisms(['auth=xoauth2 oauthbearer']), ['XOAUTH2', 'OAUTHBEARER']);
    assert.deepEqual(offeredMechanisms(['AUTHENTICATION LOGIN', 'XAUTH PLAIN']), [], 'only the AUTH keyword counts');
  });

  test('a token gets XOAUTH2, else OAUTHBEARER, never PLAIN or LOGIN; a password gets PLAIN, else LOGIN, never XOAUTH2', () => {
    const microsoft = offeredMechanisms(['AUTH LOGIN XOAUTH2']);
    const google = offeredMechanisms(['AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH']);
    assert.equal(chooseMechanism(microsoft, 'token'), 'XOAUTH2');
    assert.equal(chooseMechanism(google, 'token'), 'XOAUTH2');
    assert.equal(chooseMechanism(['LOGIN', 'OAUTHBEARER'], 'token'), 'OAUTHBEARER');
    assert.equal(chooseMechanism(['PLAIN', 'LOGIN'], 'token'), undefined);
    assert.equal(chooseMechanism(microsoft, 'password'), 'LOGIN');
    assert.equal(chooseMechanism(google, 'password'), 'PLAIN');
    assert.equal(chooseMechanism(['XOAUTH2', 'OAUTHBEARER'], 'password'), undefined);
  });
});
