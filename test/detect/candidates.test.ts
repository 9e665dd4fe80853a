/**
 * Issue 13 point 3: when a source lists several servers, detection checks them in order — TCP
 * through the outbound policy, TLS with certificate verification, a greeting of the right
 * protocol — and answers with the first that works; the trace and `source_detail` say which won
 * and why the others were skipped, and the verdict is cached with the answer. Local peers only:
 * an authoritative DNS server on loopback, an ISPDB over HTTPS, scripted IMAP/SMTP servers.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert, selfSigned } from '../peers/pki.ts';
import { startDnsServer } from '../peers/dns-server.ts';
import { startStaticHttps } from '../peers/https-server.ts';
import { startFakeImap, type FakeImapServer } from '../peers/fake-imap.ts';
import { startFakeSmtp, type FakeSmtpServer } from '../peers/fake-smtp.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { detectDomain } from '../../src/detect/detect.ts';

/** Loopback addresses of this process (third octet 200+ so as not to meet detect.test.ts's). */
const base = 100 + (process.pid % 120);
const ip = (n: number) => `127.${base}.${200 + n}.1`;

const closers: Array<() => Promise<unknown>> = [];
let dir: string;
let lk: Latchkey;
let imapGood: FakeImapServer;
let imapOther: FakeImapServer;
let smtpGood: FakeSmtpServer;
let refusedPort: number;

type Server = { host: string; port: number; socket: 'SSL' | 'STARTTLS' };
const doc = (imap: Server[], smtp: Server[]) => `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="multi">
  <domain>multi.test</domain><displayShortName>Multi</displayShortName>
${imap.map((s) => `  <incomingServer type="imap"><hostname>${s.host}</hostname><port>${s.port}</port><socketType>${s.socket}</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>`).join('\n')}
${smtp.map((s) => `  <outgoingServer type="smtp"><hostname>${s.host}</hostname><port>${s.port}</port><socketType>${s.socket}</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer>`).join('\n')}
</emailProvider></clientConfig>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-candidates-'));
  const ca = await makeCA(dir, 'candidates-ca');
  const leaf = await issueCert(dir, ca, { name: 'mail', dnsNames: ['ispdb.cand.test', 'imap2.multi.test', 'smtp2.multi.test', 'imap-a.order.test', 'imap-b.order.test', 'smtp.order.test', 'imap-good.cert.test', 'imap-bad.cert.test', 'smtp.cert.test'], ipAddresses: [] });
  const tls = { key: leaf.keyPem, cert: leaf.certPem };
  const self = await selfSigned(join(dir, 'self'), { dnsNames: ['imap-bad.cert.test'], ipAddresses: [] });
  imapGood = await startFakeImap({ host: ip(1), tls, login: () => 'OK LOGIN completed' });
  imapOther = await startFakeImap({ host: ip(2), tls, login: () => 'OK LOGIN completed' });
  const imapBadCert = await startFakeImap({ host: ip(3), tls: { key: self.keyPem, cert: self.certPem } });
  smtpGood = await startFakeSmtp({ host: ip(4), ehlo: ['PIPELINING', 'STARTTLS', 'AUTH PLAIN LOGIN'], starttlsCert: tls, auth: () => '235 2.7.0 Authentication successful' });
  // imap1/smtp1 resolve to ip(6), where nothing listens: connections there are refused.
  refusedPort = imapBadCert.port + 1;
  closers.push(imapGood.close, imapOther.close, imapBadCert.close, smtpGood.close);

  const docs: Record<string, string> = {
    // The issue's case: the first listed servers refuse connections, the second ones work.
    '/v1.1/multi.test': doc(
      [{ host: 'imap1.multi.test', port: refusedPort, socket: 'SSL' }, { host: 'imap2.multi.test', port: imapGood.port, socket: 'SSL' }],
      [{ host: 'smtp1.multi.test', port: refusedPort, socket: 'STARTTLS' }, { host: 'smtp2.multi.test', port: smtpGood.port, socket: 'STARTTLS' }],
    ),
    // Both answer: the source's order decides.
    '/v1.1/order.test': doc(
      [{ host: 'imap-a.order.test', port: imapOther.port, socket: 'SSL' }, { host: 'imap-b.order.test', port: imapGood.port, socket: 'SSL' }],
      [{ host: 'smtp.order.test', port: smtpGood.port, socket: 'STARTTLS' }],
    ),
    // An unverifiable certificate, then a host the outbound policy refuses, then a good one.
    '/v1.1/cert.test': doc(
      [{ host: 'imap-bad.cert.test', port: imapBadCert.port, socket: 'SSL' }, { host: 'imap-private.cert.test', port: 993, socket: 'SSL' }, { host: 'imap-good.cert.test', port: imapGood.port, socket: 'SSL' }],
      [{ host: 'smtp.cert.test', port: smtpGood.port, socket: 'STARTTLS' }],
    ),
  };
  const ispdb = await startStaticHttps({ host: ip(5), key: tls.key, cert: tls.cert, routes: (p) => docs[p] });
  closers.push(ispdb.close);
  const dns = await startDnsServer({
    'ispdb.cand.test': { A: [ip(5)] },
    'multi.test': {}, 'order.test': {}, 'cert.test': {},
    'imap1.multi.test': { A: [ip(6)] }, 'smtp1.multi.test': { A: [ip(6)] },
    'imap2.multi.test': { A: [ip(1)] }, 'smtp2.multi.test': { A: [ip(4)] },
    'imap-a.order.test': { A: [ip(2)] }, 'imap-b.order.test': { A: [ip(1)] }, 'smtp.order.test': { A: [ip(4)] },
    'imap-bad.cert.test': { A: [ip(3)] }, 'imap-private.cert.test': { A: ['10.11.12.13'] }, 'imap-good.cert.test': { A: [ip(1)] }, 'smtp.cert.test': { A: [ip(4)] },
  });
  closers.push(dns.close);
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  lk = await startLatchkey({
    LATCHKEY_DNS_SERVERS: dns.address,
    LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'),
    LATCHKEY_ISPDB_URL: `https://ispdb.cand.test:${ispdb.port}/v1.1/`,
    LATCHKEY_DETECT_TIMEOUT_MS: '5000',
    LATCHKEY_DETECT_REQUEST_TIMEOUT_MS: '2000',
  });
});

after(async () => {
  await lk?.stop();
  for (const c of closers.splice(0)) await c();
  rmSync(dir, { recursive: true, force: true });
});

const detectApi = async (email: string) => {
  const r = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, email_address: email });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};

describe('detection checks every listed server in order', () => {
  test('first servers refuse connections: the trace skips them (connect refused) and the second ones win; authorize with only a password then works', async () => {
    const d = await detectDomain('multi.test', lk.ctx.detect, 'ann@multi.test');
    assert.equal(d.imap?.host, 'imap2.multi.test');
    assert.equal(d.smtp?.host, 'smtp2.multi.test');
    const steps = d.trace.filter((s) => /multi\.test:/.test(s.target)).map((s) => [s.target.replace(/:\d+/, ''), s.outcome, s.detail]);
    assert.deepEqual(steps.sort(), [
      ['IMAP imap1.multi.test ssl', 'skipped', 'candidate 1 of 2: connect refused'],
      ['IMAP imap2.multi.test ssl', 'found', 'candidate 2 of 2 answered: chosen'],
      ['SMTP smtp1.multi.test starttls', 'skipped', 'candidate 1 of 2: connect refused'],
      ['SMTP smtp2.multi.test starttls', 'found', 'candidate 2 of 2 answered: chosen'],
    ]);

    // The answer (from the cache now: no new probe reaches the good server) says which won and why.
    const probes = imapGood.connections;
    const view = await detectApi('ann@multi.test');
    assert.equal(imapGood.connections, probes, 'the verdict came from the cache');
    assert.equal(view.source, 'ispdb');
    assert.equal(view.settings.imap_host, 'imap2.multi.test');
    assert.equal(view.settings.smtp_host, 'smtp2.multi.test');
    assert.match(view.source_detail, /IMAP imap2\.multi\.test:\d+ ssl, candidate 2 of 2 listed by ispdb \(skipped: imap1\.multi\.test:\d+ connect refused\)/);
    assert.match(view.source_detail, /SMTP smtp2\.multi\.test:\d+ starttls, candidate 2 of 2/);

    const r = await lk.post('/connect/authorize', { client_id: lk.app.client_id, name: 'Ann', email_address: 'ann@multi.test', provider: 'imap', settings: { password: 'ann-pw' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('when several answer, the source\'s order decides; later ones are not waited for', async () => {
    const d = await detectDomain('order.test', lk.ctx.detect, 'bo@order.test');
    assert.equal(d.imap?.host, 'imap-a.order.test');
    const b = d.trace.find((s) => s.target.startsWith('IMAP imap-b.order.test'));
    assert.deepEqual([b?.outcome, b?.detail], ['skipped', 'candidate 2 of 2: not needed, an earlier one answered']);
    assert.equal(d.choice?.smtp, undefined, 'one SMTP server listed: nothing to choose');
  });

  test('an unverifiable certificate and a destination the policy refuses are skipped, each with its reason', async () => {
    const d = await detectDomain('cert.test', lk.ctx.detect, 'cy@cert.test');
    assert.equal(d.imap?.host, 'imap-good.cert.test');
    const detail = (host: string) => d.trace.find((s) => s.target.startsWith(`IMAP ${host}`))?.detail;
    assert.equal(detail('imap-bad.cert.test'), 'candidate 1 of 3: certificate invalid');
    assert.equal(detail('imap-private.cert.test'), 'candidate 2 of 3: destination not allowed');
    assert.match(d.choice?.imap ?? '', /candidate 3 of 3 listed by ispdb \(skipped: imap-bad\.cert\.test:\d+ certificate invalid; imap-private\.cert\.test:993 destination not allowed\)/);
  });
});
