/**
 * An Exchange server that misbehaves (issue 4 robustness): a malformed NTLM CHALLENGE, an
 * oversized answer, an Autodiscover SRV record or an address whose domain is not a host name.
 * Whatever arrives, the client gets a documented error (502 protocol_error, 422
 * autodiscover_failed), never a 500. The server is a scripted HTTPS peer on 127.0.0.1; names
 * resolve through the loopback DNS peer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let dir: string;
let lk: Latchkey;
let dns: DnsServer;
let server: Server;
let port: number;
let handler: Handler = (_req, res) => res.writeHead(404).end();

/** A CHALLENGE header whose NTLM message is cut short (fewer bytes than its fixed header). */
const shortType2 = (bytes: Buffer) => `NTLM ${bytes.toString('base64')}`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-hostile-ews-'));
  const ca = await makeCA(dir, 'hostile-ca');
  const leaf = await issueCert(dir, ca, { name: 'ews', dnsNames: ['ews.hostile.test'], ipAddresses: ['127.0.0.1'] });
  server = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  dns = await startDnsServer({
    '_autodiscover._tcp.srvbad.test': { SRV: [{ target: 'bad%name.test', port: 443 }, { target: 'x:99.test', port: 443 }] },
  });
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_DNS_SERVERS: dns.address });
});

after(async () => {
  await lk?.stop();
  await dns?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const authorize = () => lk.post('/connect/authorize', {
  client_id: lk.app.client_id, name: 'E', email_address: 'ann@hostile.test', provider: 'exchange',
  settings: { username: 'CORP\\ann', password: 'Hostile-Pass-1', exchange_server_host: `127.0.0.1:${port}` },
});

/** 401 NTLM to the anonymous probe, then `challenge` as the type 2 message. */
function ntlmWith(challenge: string): Handler {
  return (req, res) => {
    const auth = req.headers.authorization ?? '';
    if (!auth) return res.writeHead(401, { 'www-authenticate': 'NTLM' }).end();
    if (/^NTLM /.test(auth)) return res.writeHead(401, { 'www-authenticate': challenge }).end();
    return res.writeHead(500).end();
  };
}

for (const [name, bytes] of [
  ['four bytes', Buffer.from('AAAA', 'base64')],
  ['the signature and type only', Buffer.concat([Buffer.from('NTLMSSP\0', 'latin1'), Buffer.from([2, 0, 0, 0])])],
] as const) {
  test(`a truncated NTLM CHALLENGE (${name}) → 502 protocol_error at ews.request, not a 500`, async () => {
    handler = ntlmWith(shortType2(bytes));
    const r = await authorize();
    assert.equal(r.status, 502, JSON.stringify(r.body));
    assert.equal(r.body.reason, 'protocol_error');
    assert.equal(r.body.step, 'ews.request');
  });
}

test('an EWS answer larger than the cap → 502 protocol_error', async () => {
  handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(Buffer.alloc(600 * 1024, 'x'));
  };
  const r = await authorize();
  assert.equal(r.status, 502, JSON.stringify(r.body));
  assert.equal(r.body.reason, 'protocol_error');
});

const discover = (email: string) => lk.post('/connect/authorize', {
  client_id: lk.app.client_id, name: 'E', email_address: email, provider: 'exchange', settings: { username: 'ann', password: 'Hostile-Pass-1' },
});

test('Autodiscover: an SRV target that is not a host name (bad%name, x:99) is skipped → 422 autodiscover_failed, not a 500', async () => {
  const r = await discover('ann@srvbad.test');
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.equal(r.body.reason, 'autodiscover_failed');
});

for (const email of ['ann@x.test:1%zz', 'ann@[::1]:99.x', 'ann@a.b/c.test']) {
  test(`Autodiscover: an address whose domain is not a host name (${email}) is never made into a URL → 422 autodiscover_failed`, async () => {
    const r = await discover(email);
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.reason, 'autodiscover_failed');
    assert.equal(dns.queries.some((q) => q.includes('/') || q.includes('%') || q.includes(':')), false);
  });
}

test('exchange_server_host with a letter IDNA disallows (U+037A) → 400 invalid_value, not a 500', async () => {
  const r = await lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'E', email_address: 'ann@hostile.test', provider: 'exchange',
    settings: { username: 'ann', password: 'Hostile-Pass-1', exchange_server_host: 'ex\u037a.hostile.test' },
  });
  assert.equal(r.status, 400, JSON.stringify(r.body));
  assert.equal(r.body.reason, 'invalid_value');
});

test('EWS server text quoting the password (a SOAP fault, X-MS-Diagnostics) reaches server_error redacted', async () => {
  const fault = (text: string) => `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>${text}</faultstring></s:Fault></s:Body></s:Envelope>`;
  handler = (req, res) => {
    if (!req.headers.authorization) return res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end();
    res.writeHead(500, { 'content-type': 'text/xml' }).end(fault(`ErrorInvalidRequest: logon as ann with Hostile-Pass-1 (${req.headers.authorization}) failed`));
  };
  const r = await authorize();
  assert.equal(r.status, 502, JSON.stringify(r.body));
  assert.match(r.body.server_error, /ErrorInvalidRequest/);
  assert.ok(!JSON.stringify(r.body).includes('Hostile-Pass-1'), JSON.stringify(r.body));
  assert.ok(!JSON.stringify(r.body).includes(Buffer.from('CORP\\ann:Hostile-Pass-1').toString('base64')), JSON.stringify(r.body));

  handler = (req, res) => {
    if (!req.headers.authorization) return res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end();
    res.writeHead(401, { 'x-ms-diagnostics': `2000000;reason="Basic authentication is disabled";creds="${req.headers.authorization}"` }).end();
  };
  const online = await authorize();
  assert.equal(online.body.reason, 'oauth_required', JSON.stringify(online.body));
  assert.ok(!JSON.stringify(online.body).includes(Buffer.from('CORP\\ann:Hostile-Pass-1').toString('base64')), JSON.stringify(online.body));
});

test('Negotiate without NTLM (Kerberos only): 422 no_supported_auth_mechanism, not a wrong password (nothing was refused, nothing is counted)', async () => {
  handler = (req, res) => res.writeHead(401, { 'www-authenticate': 'Negotiate' }).end();
  const r = await authorize();
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.equal(r.body.reason, 'no_supported_auth_mechanism');

  // With Basic offered too, Basic is used.
  const seen: string[] = [];
  handler = (req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth.split(' ')[0]!);
    if (auth.startsWith('Basic ')) {
      return res.writeHead(200, { 'content-type': 'text/xml' }).end('<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>');
    }
    res.writeHead(401, [['www-authenticate', 'Negotiate'], ['www-authenticate', 'Basic realm="x"']]).end();
  };
  const ok = await authorize();
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(seen, ['', 'Negotiate', 'Basic']);
});
