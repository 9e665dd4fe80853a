/**
 * Outbound-connection policy end to end (issue 6): every refused form of a loopback, private,
 * link-local or metadata address, across the IMAP, SMTP and HTTP (autoconfig) paths, is refused
 * with `destination_not_allowed` and NO connection is made — asserted on a loopback listener that
 * counts accepted connections. Non-loopback targets are refused by the policy before any packet;
 * the policy function itself is table-tested in test/unit/network-policy.test.ts. A name is
 * resolved once: the address that was checked is the one dialled (no DNS rebinding).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { startFakeImap } from '../peers/fake-imap.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let dns: DnsServer;
let lk: Latchkey;
let listener: Server;
let listenerPort = 0;
let accepted = 0;
let imapOk: Awaited<ReturnType<typeof startFakeImap>>;

before(async () => {
  listener = createServer((s) => {
    accepted++;
    s.destroy();
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  listenerPort = (listener.address() as { port: number }).port;
  // An allowed IMAP server on 127.0.0.5 so the SMTP path is reached.
  imapOk = await startFakeImap({ host: '127.0.0.5', login: () => 'OK', capabilities: ['IMAP4rev1'] });
  dns = await startDnsServer({
    'loop.test': { A: ['127.0.0.1'] },
    'mapped.test': { AAAA: ['::ffff:127.0.0.1'] },
    'meta.test': { A: ['169.254.169.254'] },
    'mixed.test': { A: ['127.0.0.5', '127.0.0.1'] },
    'auto-loop.test': {},
    'autoconfig.auto-loop.test': { A: ['127.0.0.1'] },
    'auto-private.test': {},
    'autoconfig.auto-private.test': { A: ['10.1.2.3'] },
    'auto-meta.test': {},
    'autoconfig.auto-meta.test': { A: ['169.254.169.254'] },
  });
  lk = await startLatchkey({
    LATCHKEY_DNS_SERVERS: dns.address,
    // Only the fake IMAP server is an operator exception; the listener's port is allowed, so
    // every refusal below is for the address, not the port.
    LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.5/32',
    LATCHKEY_ALLOWED_PORTS: String(listenerPort),
  });
});
after(async () => {
  await lk?.stop();
  await imapOk?.close();
  await dns?.close();
  await new Promise((r) => listener.close(r));
});

const LOOPBACK_FORMS = ['127.0.0.1', '2130706433', '0x7f.1', '0177.0.0.1', '127.1', '[::ffff:127.0.0.1]', '::ffff:7f00:1', '::127.0.0.1', 'localhost', 'mail.localhost', 'loop.test', 'mapped.test', 'mixed.test'];
const OTHER_FORMS = ['169.254.169.254', 'meta.test', '10.0.0.1', '172.16.0.1', '192.168.1.1', '100.64.0.1', '[fd00:ec2::254]', '[fe80::1]', '0.0.0.0', '224.0.0.1'];

function authorize(imapHost: string, imapPort: number, smtpHost: string, smtpPort: number) {
  return lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'S', email_address: 's@example.test', provider: 'imap',
    settings: { imap_host: imapHost, imap_port: imapPort, imap_password: 'pw-ssrf-1', imap_security: 'none', ssl_required: false, smtp_host: smtpHost, smtp_port: smtpPort, smtp_security: 'none' },
  });
}

describe('refused destinations: IMAP, SMTP and HTTP paths, no connection made', () => {
  test('IMAP host in every loopback and private form', async () => {
    for (const host of [...LOOPBACK_FORMS, ...OTHER_FORMS]) {
      const r = await authorize(host, listenerPort, host, listenerPort);
      assert.equal(r.status, 422, `${host}: ${JSON.stringify(r.body)}`);
      assert.deepEqual([r.body.reason, r.body.step], ['destination_not_allowed', 'imap.connect'], host);
      assert.ok(!String(r.body.message).includes('127.0.0'), 'the refusal does not reveal the address');
    }
    assert.equal(accepted, 0, 'the loopback listener saw no connection');
  });

  test('SMTP host in every loopback and private form (IMAP allowed and verified first)', async () => {
    for (const host of [...LOOPBACK_FORMS, ...OTHER_FORMS]) {
      const r = await authorize('127.0.0.5', imapOk.port, host, listenerPort);
      assert.equal(r.status, 422, `${host}: ${JSON.stringify(r.body)}`);
      assert.deepEqual([r.body.reason, r.body.step], ['destination_not_allowed', 'smtp.connect'], host);
    }
    assert.equal(accepted, 0);
  });

  test('HTTP (autoconfig) hosts resolving to loopback, private and metadata addresses', async () => {
    for (const domain of ['auto-loop.test', 'auto-private.test', 'auto-meta.test']) {
      const r = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, email_address: `x@${domain}` });
      assert.equal(r.status, 200);
      assert.equal(r.body.detected, false, domain);
    }
    assert.equal(accepted, 0);
  });
});

test('a name is looked up once and the checked address is the one dialled (no rebinding)', async () => {
  // mixed.test answers an allowed and a refused address: refused as a whole, one A lookup only.
  const start = dns.queries.length;
  const r = await authorize('mixed.test', listenerPort, '127.0.0.5', imapOk.port);
  assert.equal(r.body.reason, 'destination_not_allowed');
  assert.deepEqual(dns.queries.slice(start).filter((q) => q.endsWith(' mixed.test')).sort(), ['A mixed.test', 'AAAA mixed.test'], 'one A and one AAAA lookup, then the checked addresses are used');
  assert.equal(accepted, 0);

  // An allowed name is dialled at the address its single lookup gave.
  const s = dns.queries.length;
  const ok = await authorize('127.0.0.5', imapOk.port, 'mixed.test', listenerPort);
  assert.equal(ok.body.reason, 'destination_not_allowed');
  assert.deepEqual(dns.queries.slice(s).filter((q) => q.endsWith(' mixed.test')).sort(), ['A mixed.test', 'AAAA mixed.test']);
});

test('webhook callback URLs with address literals are refused before any connection (no port probing)', async () => {
  const basic = { authorization: `Basic ${Buffer.from(`${lk.app.client_secret}:`).toString('base64')}` };
  for (const url of [`https://127.0.0.1:${listenerPort}/hook`, `https://[::1]:${listenerPort}/hook`, `https://0x7f.1:${listenerPort}/hook`, 'https://10.0.0.1/hook', 'https://169.254.169.254/latest', 'https://[fd00:ec2::254]/']) {
    const r = await lk.post(`/a/${lk.app.client_id}/webhooks`, { callback_url: url }, basic);
    assert.equal(r.status, 422, `${url}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.reason, 'destination_not_allowed', url);
  }
  assert.equal(accepted, 0, 'the loopback listener saw no connection');
});

test('an address literal as the email domain is never detected (no autoconfig URL aimed at an address)', async () => {
  for (const email of ['a@127.0.0.1', 'a@[127.0.0.1]', 'a@0x7f.1', 'a@10.0.0.1']) {
    const r = await lk.post('/connect/detect-provider', { client_id: lk.app.client_id, client_secret: lk.app.client_secret, email_address: email });
    assert.notEqual(r.status, 500, email);
    if (r.status === 200) assert.equal(r.body.detected, false, email);
  }
  assert.equal(accepted, 0);
});
