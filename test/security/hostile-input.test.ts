/**
 * Findings of an adversarial review, each kept as a test: a form body that tried to reach
 * Object.prototype, a hostile IMAP server that sends endless lines or keeps a session alive past
 * the deadline, a server that echoes the SASL response, an IP-only certificate, and secrets in
 * a query string.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCA, issueCert, type CA } from '../peers/pki.ts';
import { startFakeImap } from '../peers/fake-imap.ts';
import { startFakeSmtp } from '../peers/fake-smtp.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';

let dir: string;
let ca: CA;
let lk: Latchkey;
const closers: Array<() => Promise<unknown>> = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-hostile-'));
  ca = await makeCA(dir, 'hostile-ca');
  lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: ca.certPath, LATCHKEY_AUTHORIZE_TIMEOUT_MS: '1500', LATCHKEY_COMMAND_TIMEOUT_MS: '5000', LATCHKEY_GREETING_TIMEOUT_MS: '3000' });
});
after(async () => {
  for (const c of closers.splice(0)) await c();
  await lk?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const body = (imapPort: number, smtpPort: number, settings: Record<string, unknown> = {}) => ({
  client_id: lk.app.client_id, name: 'V', email_address: 'victim@example.test', provider: 'imap',
  settings: { imap_host: '127.0.0.1', imap_port: imapPort, imap_password: 'victim-pw-123', smtp_host: '127.0.0.1', smtp_port: smtpPort, ...settings },
});

test('a form body cannot change the defaults of other requests (prototype pollution)', async () => {
  const imap = await startFakeImap({ capabilities: ['IMAP4rev1', 'AUTH=PLAIN'], starttls: 'absent', login: () => 'OK', authenticate: () => 'OK' });
  const smtp = await startFakeSmtp({});
  closers.push(imap.close, smtp.close);
  const before = await lk.post('/connect/authorize', body(imap.port, smtp.port));
  assert.equal(before.body.reason, 'tls_required_not_offered');
  for (const form of ['__proto__[ssl_required]=false', '__proto__[reauth_account_id]=x', 'constructor[prototype][ssl_required]=false']) {
    const r = await lk.post('/connect/authorize', form, { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(r.status, 400);
  }
  const afterwards = await lk.post('/connect/authorize', body(imap.port, smtp.port));
  assert.equal(afterwards.body.reason, 'tls_required_not_offered', 'the default ssl_required=true still holds');
  assert.equal(imap.sawPassword('victim-pw-123').anywhere, false);
  const proto = await lk.post('/connect/authorize', { ...body(imap.port, smtp.port), provider: '__proto__' });
  assert.equal(proto.body.reason, 'unsupported_provider');
  assert.doesNotMatch(proto.body.message, /object Object/);
});

test('an IMAP server sending an endless line is cut off at the line limit, not buffered', async () => {
  const leaf = await issueCert(dir, ca, { name: 'huge', dnsNames: [], ipAddresses: ['127.0.0.1'] });
  const imap = await startFakeImap({ tls: { key: leaf.keyPem, cert: leaf.certPem }, onCommand: (_t, name) => (name === 'CAPABILITY' ? [`* CAPABILITY IMAP4rev1 ${'A'.repeat(200_000)}`, 'OK'] : undefined), login: () => 'OK' });
  closers.push(imap.close);
  const r = await lk.post('/connect/authorize', body(imap.port, 1, { imap_security: 'ssl' }));
  assert.equal(r.status, 502, JSON.stringify(r.body));
  assert.equal(r.body.reason, 'protocol_error');
});

test('a certificate that names only the IP address is accepted for that IP (no "localhost" fallback)', async () => {
  const ipOnly = await issueCert(dir, ca, { name: 'iponly', dnsNames: ['mail.elsewhere.test'], ipAddresses: ['127.0.0.1'] });
  const imap = await startFakeImap({ tls: { key: ipOnly.keyPem, cert: ipOnly.certPem }, login: () => 'OK' });
  const smtp = await startFakeSmtp({ tls: { key: ipOnly.keyPem, cert: ipOnly.certPem }, auth: () => '235 ok' });
  closers.push(imap.close, smtp.close);
  const r = await lk.post('/connect/authorize', body(imap.port, smtp.port, { imap_security: 'ssl', smtp_security: 'ssl' }));
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

test('a server echoing the SASL PLAIN response does not leak the password through server_error', async () => {
  const leaf = await issueCert(dir, ca, { name: 'echo', dnsNames: [], ipAddresses: ['127.0.0.1'] });
  const imap = await startFakeImap({
    tls: { key: leaf.keyPem, cert: leaf.certPem },
    capabilities: ['IMAP4rev1', 'AUTH=PLAIN', 'LOGINDISABLED'],
    authenticate: (_m, d) => `NO [AUTHENTICATIONFAILED] invalid response ${Buffer.from(`\0${'user' in d ? d.user : ''}\0${'pass' in d ? d.pass : ''}`).toString('base64')}`,
  });
  closers.push(imap.close);
  const r = await lk.post('/connect/authorize', body(imap.port, 1, { imap_security: 'ssl' }));
  assert.equal(r.body.reason, 'invalid_credentials');
  assert.match(r.body.server_error, /invalid response \[redacted\]/);
  const text = JSON.stringify(r.body);
  assert.ok(!text.includes('victim-pw-123'));
  assert.ok(!Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('latin1').includes('victim-pw-123'));
});

test('past the authorize deadline every socket is closed and SMTP is never contacted', async () => {
  // Greets, then keeps the session alive with untagged lines and never answers a command.
  const sockets = new Set<Socket>();
  const closed: boolean[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.write('* OK [CAPABILITY IMAP4rev1] keepalive server\r\n');
    const timer = setInterval(() => socket.write('* OK still here\r\n'), 200);
    socket.on('close', () => { clearInterval(timer); closed.push(true); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const smtp = await startFakeSmtp({});
  closers.push(smtp.close, () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(r); }));
  const port = (server.address() as { port: number }).port;
  const t0 = Date.now();
  const r = await lk.post('/connect/authorize', body(port, smtp.port, { imap_security: 'none', ssl_required: false }));
  assert.equal(r.status, 504, JSON.stringify(r.body));
  assert.equal(r.body.reason, 'response_timeout');
  assert.equal(r.body.step, 'imap.login');
  assert.match(r.body.message, /longer than 1\.5 s/);
  assert.ok(Date.now() - t0 < 3000);
  // The server sees the close a moment later (a loaded machine may take longer): wait up to 3 s.
  for (let i = 0; i < 30 && closed.length < sockets.size; i++) await new Promise((res) => setTimeout(res, 100));
  assert.equal(closed.length, sockets.size, 'Latchkey closed the connection it held');
  assert.equal(smtp.connections, 0, 'SMTP was never contacted after the deadline');
});

test('a client secret or code in the query string never reaches the log', async () => {
  await lk.post(`/connect/token?client_id=${lk.app.client_id}&client_secret=${encodeURIComponent(lk.app.client_secret)}&code=lkc_querycode123456`, {});
  const logs = lk.logs.join('\n');
  assert.ok(logs.includes('/connect/token'), 'the request was logged');
  assert.ok(!logs.includes(lk.app.client_secret) && !logs.includes(encodeURIComponent(lk.app.client_secret)));
  assert.ok(!logs.includes('lkc_querycode123456'));
});
