/**
 * Provider exchange (issue 4; reference §2.3, §2.4 E1): verification against EWS with NTLM or
 * Basic, the host given (`exchange_server_host`, or the older `eas_server_host`) or found by POX
 * Autodiscover (autodiscover.<domain>, the root domain, then the `_autodiscover._tcp` SRV
 * record). The Exchange side is the scripted HTTPS fake of test/peers/ews-server.ts; names
 * resolve through the loopback DNS peer; nothing leaves 127.0.0.0/8.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { startEwsFake, type EwsFake } from '../peers/ews-server.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { verifyStoredCredentials } from '../../src/health/verify-account.ts';

/** Loopback addresses of this process for servers that must sit on port 443 (Autodiscover). */
const base = 100 + (process.pid % 120);
const ip = (n: number) => `127.${base}.${200 + n}.1`;

const PASSWORD = 'Winter2026!ews';
let dir: string;
let dns: DnsServer;
let lk: Latchkey;
/** NTLM, Negotiate and Basic offered, like Exchange 2016 on premises. */
let onPrem: EwsFake;
let basicOnly: EwsFake;
let online: EwsFake;
const closers: Array<() => Promise<unknown>> = [];

function body(email: string, settings: Record<string, unknown>) {
  return { client_id: lk.app.client_id, name: 'E', email_address: email, provider: 'exchange', settings };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-ews-'));
  const ca = await makeCA(dir, 'ews-ca');
  const leaf = await issueCert(dir, ca, {
    name: 'ews',
    dnsNames: ['mail.corp.test', 'autodiscover.corp.test', 'root.test', 'ad.srv.test', 'outlook.online.test'],
    ipAddresses: ['127.0.0.1'],
  });
  const tls = { key: leaf.keyPem, cert: leaf.certPem };
  const users = { 'ann@corp.test': PASSWORD, 'CORP\\bob': 'bob-Pass-1', 'cat@root.test': PASSWORD, 'dan@srv.test': PASSWORD };
  onPrem = await startEwsFake({ host: '127.0.0.1', ...tls, schemes: ['Negotiate', 'NTLM', 'Basic'], users, mailboxes: { 'bob@corp.test': ['CORP\\bob'], 'shared@corp.test': [] } });
  basicOnly = await startEwsFake({ host: '127.0.0.1', ...tls, schemes: ['Basic'], users });
  online = await startEwsFake({ host: '127.0.0.1', ...tls, schemes: ['Basic', 'Bearer'], users: { 'eve@online.test': PASSWORD }, basicDisabledDiagnostics: '2000000;reason="Basic authentication is disabled for this tenant."' });
  const ewsUrl = `https://mail.corp.test:${onPrem.port}/EWS/Exchange.asmx`;
  // Autodiscover on 443: autodiscover.corp.test, root.test (autodiscover.root.test does not exist).
  const adCorp = await startEwsFake({ host: ip(1), port: 443, ...tls, schemes: ['NTLM', 'Basic'], users, autodiscoverEwsUrl: ewsUrl });
  const adRoot = await startEwsFake({ host: ip(2), port: 443, ...tls, schemes: ['NTLM', 'Basic'], users, autodiscoverEwsUrl: ewsUrl });
  const adSrv = await startEwsFake({ host: '127.0.0.1', ...tls, schemes: ['Basic'], users, autodiscoverEwsUrl: ewsUrl });
  closers.push(() => onPrem.close(), () => basicOnly.close(), () => online.close(), () => adCorp.close(), () => adRoot.close(), () => adSrv.close());
  dns = await startDnsServer({
    'mail.corp.test': { A: ['127.0.0.1'] },
    'autodiscover.corp.test': { A: [ip(1)] },
    'root.test': { A: [ip(2)] },
    'srv.test': { MX: [{ exchange: 'mx.srv.test' }] },
    '_autodiscover._tcp.srv.test': { SRV: [{ target: 'ad.srv.test', port: adSrv.port }] },
    'ad.srv.test': { A: ['127.0.0.1'] },
    'nothing.test': { MX: [{ exchange: 'mx.nothing.test' }] },
  });
  closers.push(() => dns.close());
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_DNS_SERVERS: dns.address });
  closers.push(() => lk.stop());
});

after(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('exchange with the host given', () => {
  test('NTLM preferred when offered: the password never crosses the wire; GetFolder succeeds; the account stores it encrypted', async () => {
    const from = onPrem.requests.length;
    const r = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'ann@corp.test', password: PASSWORD, exchange_server_host: `127.0.0.1:${onPrem.port}` }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const seen = onPrem.requests.slice(from);
    assert.deepEqual(seen.map((x) => x.auth), ['', 'NTLM1', 'NTLM3']);
    assert.equal(seen.at(-1)!.user, 'ann@corp.test');
    assert.equal(seen.some((x) => x.sawPassword), false);

    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: r.body.code });
    assert.equal(t.status, 200, JSON.stringify(t.body));
    assert.equal(t.body.provider, 'exchange');
    assert.deepEqual((await lk.ctx.store.credentialsOf(t.body.id)).map((c) => c.field), ['password']);
    assert.equal(readFileSync(lk.dbPath).toString('latin1').includes(PASSWORD), false);
    assert.equal(lk.logs.some((l) => l.includes(PASSWORD)), false);

    // Credential health asks EWS again; a changed password is then refused.
    const account = (await lk.ctx.store.findAccount(lk.app.client_id, t.body.id))!;
    await verifyStoredCredentials(lk.ctx, account);
    onPrem.users['ann@corp.test'] = 'changed-since';
    try {
      await assert.rejects(verifyStoredCredentials(lk.ctx, account), (err: { reason?: string; details?: { step?: string } }) => err.reason === 'invalid_credentials' && err.details?.step === 'ews.request');
    } finally {
      onPrem.users['ann@corp.test'] = PASSWORD;
    }
  });

  test('DOMAIN\\user over NTLM, opening another mailbox it has rights to; the older eas_server_host key', async () => {
    const r = await lk.post('/connect/authorize', body('bob@corp.test', { username: 'CORP\\bob', password: 'bob-Pass-1', eas_server_host: `127.0.0.1:${onPrem.port}` }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(onPrem.requests.at(-1)!.user, 'CORP\\bob');
  });

  test('a wrong password over NTLM → 403 invalid_credentials at ews.request', async () => {
    const r = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'ann@corp.test', password: 'wrong-password', exchange_server_host: `127.0.0.1:${onPrem.port}` }));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'invalid_credentials', step: 'ews.request' });
    assert.match(r.body.message, /NTLM/);
  });

  test('a server offering only Basic: Basic is used; a wrong password → 403', async () => {
    const ok = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'ann@corp.test', password: PASSWORD, exchange_server_host: `127.0.0.1:${basicOnly.port}` }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(basicOnly.requests.at(-1)!.auth, 'Basic');
    const bad = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'ann@corp.test', password: 'nope-nope', exchange_server_host: `127.0.0.1:${basicOnly.port}` }));
    assert.equal(bad.status, 403);
    assert.equal(bad.body.reason, 'invalid_credentials');
  });

  test('signed in but the mailbox is not the user’s → 403 mailbox_access_denied with the EWS code', async () => {
    const r = await lk.post('/connect/authorize', body('shared@corp.test', { username: 'ann@corp.test', password: PASSWORD, exchange_server_host: `127.0.0.1:${onPrem.port}` }));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'mailbox_access_denied', step: 'ews.request' });
    assert.match(r.body.server_error, /ErrorAccessDenied/);
  });

  test('Exchange Online with basic authentication disabled → 403 oauth_required (use office365)', async () => {
    const r = await lk.post('/connect/authorize', body('eve@online.test', { username: 'eve@online.test', password: PASSWORD, exchange_server_host: `127.0.0.1:${online.port}` }));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'oauth_required', step: 'ews.request' });
    assert.match(r.body.message, /office365/);
  });

  test('missing username/password → 400 missing_fields; a host that is not one → 400 invalid_value', async () => {
    const r = await lk.post('/connect/authorize', body('ann@corp.test', { password: PASSWORD }));
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.missing_fields, ['username']);
    const h = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'a', password: 'b', exchange_server_host: 'bad host/../x' }));
    assert.equal(h.status, 400);
    assert.equal(h.body.reason, 'invalid_value');
  });
});

describe('exchange found by Autodiscover', () => {
  test('autodiscover.<domain> names the EWS URL, which then answers GetFolder', async () => {
    const from = onPrem.requests.length;
    const r = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'ann@corp.test', password: PASSWORD }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(dns.queries.includes('A autodiscover.corp.test'));
    assert.equal(onPrem.requests.slice(from).at(-1)!.user, 'ann@corp.test');
    const t = await lk.post('/connect/token', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, code: r.body.code });
    const account = (await lk.ctx.store.findAccount(lk.app.client_id, t.body.id))!;
    assert.equal(account.settings.ews_url, `https://mail.corp.test:${onPrem.port}/EWS/Exchange.asmx`);
  });

  test('autodiscover.<domain> refuses the password → 403 invalid_credentials; the search stops there', async () => {
    const from = dns.queries.length;
    const r = await lk.post('/connect/authorize', body('ann@corp.test', { username: 'ann@corp.test', password: 'wrong-password' }));
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.deepEqual({ reason: r.body.reason, step: r.body.step }, { reason: 'invalid_credentials', step: 'ews.autodiscover' });
    const asked = dns.queries.slice(from);
    assert.ok(asked.includes('A autodiscover.corp.test'));
    assert.equal(asked.some((q) => q.endsWith(' corp.test') || q.includes('_autodiscover')), false, 'neither the root domain nor SRV was tried');
  });

  test('no autodiscover.<domain>: the root domain answers', async () => {
    const r = await lk.post('/connect/authorize', body('cat@root.test', { username: 'cat@root.test', password: PASSWORD }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(dns.queries.includes('A autodiscover.root.test'));
  });

  test('neither: the _autodiscover._tcp SRV record’s host and port answer', async () => {
    const r = await lk.post('/connect/authorize', body('dan@srv.test', { username: 'dan@srv.test', password: PASSWORD }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(dns.queries.includes('SRV _autodiscover._tcp.srv.test'));
  });

  test('nothing answers → 422 autodiscover_failed asking for exchange_server_host', async () => {
    const r = await lk.post('/connect/authorize', body('zed@nothing.test', { username: 'zed@nothing.test', password: PASSWORD }));
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.deepEqual({ type: r.body.type, reason: r.body.reason, step: r.body.step }, { type: 'auth_error', reason: 'autodiscover_failed', step: 'ews.autodiscover' });
    assert.match(r.body.message, /exchange_server_host/);
  });
});
