/**
 * Latency of one `/connect/authorize` with provider gmail (refresh → userinfo → IMAP XOAUTH2/
 * OAUTHBEARER + LIST + EXAMINE → SMTP XOAUTH2), measured beside its baseline in the same run: the
 * same token refresh, userinfo call, IMAP and SMTP logins done directly (https.request, imapflow,
 * nodemailer; no HTTP API, no Latchkey). Peers as in test/oauth: oauth2-mock-server, Dovecot with
 * its oauth2 passdb, smtp-server checking XOAUTH2. Sequential, loopback only, bounded: `BENCH_N`
 * rounds (default 30) of each, interleaved.
 *
 *   node --import tsx bench/oauth-authorize-latency.ts
 */
import { request } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { issueCert, makeCA } from '../test/peers/pki.ts';
import { startOAuthServer } from '../test/peers/oauth-server.ts';
import { startOAuthSmtp } from '../test/peers/oauth-smtp.ts';
import { startDovecot } from '../test/peers/dovecot.ts';
import { startLatchkey } from '../test/support/latchkey.ts';
import { compareInterleaved } from './lib/interleaved.ts';

const N = Math.min(Number(process.env.BENCH_N ?? 30), 300);
const dir = mkdtempSync(join(tmpdir(), 'lk-bench-oauth-'));
const ca = await makeCA(dir, 'bench-ca');
const oauth = await startOAuthServer({ ca, dir });
const dovecot = await startDovecot({ oauth2: { introspectionUrl: oauth.introspectionUrl } });
const leaf = await issueCert(dir, ca, { name: 'smtp', dnsNames: ['smtp.latchkey.test'], ipAddresses: ['127.0.0.1'] });
const smtp = await startOAuthSmtp({ introspectionUrl: oauth.introspectionUrl, key: leaf.keyPem, cert: leaf.certPem, secure: true });
const caPem = `${ca.certPem}\n${dovecot.caPem}`;
writeFileSync(join(dir, 'ca.pem'), caPem);
writeFileSync(join(dir, 'providers.json'), JSON.stringify({
  gmail: { imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' }, smtp: { host: '127.0.0.1', port: smtp.port, security: 'ssl' } },
}));
const lk = await startLatchkey({
  LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_PROVIDERS_FILE: join(dir, 'providers.json'), LATCHKEY_LOG_LEVEL: 'warn',
  LATCHKEY_GOOGLE_TOKEN_URL: oauth.tokenUrl, LATCHKEY_GOOGLE_USERINFO_URL: oauth.userinfoUrl,
});
const user = 'ann@gmail.test';
const app = { clientId: 'bench.apps.test', clientSecret: 'bench-secret' };
oauth.addAccount({ email: user, refreshToken: 'rt-bench', ...app, audience: 'https://mail.google.com/' });

async function viaLatchkey(): Promise<void> {
  const r = await lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'Ann', email_address: user, provider: 'gmail',
    settings: { google_client_id: app.clientId, google_client_secret: app.clientSecret, google_refresh_token: 'rt-bench' },
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
}

function https(url: string, method: string, headers: Record<string, string>, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca: caPem, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function direct(): Promise<void> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'rt-bench', client_id: app.clientId, client_secret: app.clientSecret }).toString();
  const token = (JSON.parse(await https(oauth.tokenUrl, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, form)) as { access_token: string }).access_token;
  const info = JSON.parse(await https(oauth.userinfoUrl, 'GET', { authorization: `Bearer ${token}` })) as { email: string };
  if (info.email !== user) throw new Error('userinfo');
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.imapTlsPort, secure: true, tls: { ca: [caPem] }, auth: { user, accessToken: token }, logger: false });
  await client.connect();
  await client.list();
  await client.mailboxOpen('INBOX', { readOnly: true });
  await client.logout();
  const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: true, name: 'latchkey.test', tls: { ca: caPem }, auth: { type: 'OAuth2', user, accessToken: token } });
  await t.verify();
  t.close();
}

await compareInterleaved(N, { label: 'gmail /connect/authorize via Latchkey', run: viaLatchkey }, { label: 'direct refresh + userinfo + IMAP + SMTP', run: direct });
await lk.stop();
await smtp.close();
await dovecot.stop();
await oauth.stop();
rmSync(dir, { recursive: true, force: true });
