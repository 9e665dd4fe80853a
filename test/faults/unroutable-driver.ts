/**
 * Runs INSIDE a network namespace that has only `lo` (test/faults/unroutable.test.ts starts it
 * with `unshare --net`): every outbound path of a `latchkey serve` process meets an address the
 * kernel has no route to, so connect() fails at once with ENETUNREACH — the fault that used to
 * end the process. A loopback DNS server answers 203.0.113.5 (TEST-NET-3) or 2001:db8::5 for the
 * provider names; real Dovecot on loopback stands in for a reachable IMAP/SMTP server.
 * Prints one JSON line per case: `{ case, status, body, alive, pid }`, then `{ done: true, … }`.
 * Not a test file by itself (no `.test.ts`): it needs the namespace.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import Sqlite from 'better-sqlite3';
import { startDnsServer } from '../peers/dns-server.ts';
import { startDovecot } from '../peers/dovecot.ts';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startServerProcess } from '../support/server-process.ts';
import { dovecotSettings } from '../support/connect.ts';

execFileSync('ip', ['link', 'set', 'lo', 'up']);
const DEAD4 = '203.0.113.5';
const DEAD6 = '2001:db8::5';
const dead = { A: [DEAD4] };
const dir = mkdtempSync(join(tmpdir(), 'lk-fault-net-'));
const dns = await startDnsServer({
  'dead.test': dead, 'autoconfig.dead.test': dead, 'ispdb.dead.test': dead, 'autodiscover.dead.test': dead,
  'imap.dead.test': dead, 'smtp.dead.test': dead, 'ews.dead.test': dead, 'oauth.dead.test': dead,
  'oauth6.dead.test': { AAAA: [DEAD6] }, 'hook.dead.test': dead,
  // The webhook receiver: on loopback at first, then its name moves to an unroutable address.
  'hook.flip.test': { A: ['127.0.0.1'] },
});
const dovecot = await startDovecot();
const ca = await makeCA(dir, 'fault-ca');
const leaf = await issueCert(dir, ca, { name: 'hook', dnsNames: ['hook.flip.test'], ipAddresses: ['127.0.0.1'] });
const receiver = createServer({ key: leaf.keyPem, cert: leaf.certPem }, (req, res) => {
  const challenge = new URL(req.url ?? '/', 'https://x').searchParams.get('challenge');
  res.writeHead(200).end(challenge ?? '');
});
receiver.on('clientError', (_e, s) => s.destroy());
// Port 443: the outbound policy allows only it for HTTPS once the name leaves loopback (root, in
// the test's own namespace).
await new Promise<void>((r) => receiver.listen(443, '127.0.0.1', r));
const caFile = join(dir, 'trusted.pem');
writeFileSync(caFile, ca.certPem + readFileSync(dovecot.caPath, 'utf8'));

const dbPath = join(dir, 'latchkey.db');
const node = await startServerProcess({
  LATCHKEY_DATABASE_URL: `sqlite:${dbPath}`, LATCHKEY_DATA_DIR: dir, LATCHKEY_PORT: '0', LATCHKEY_LOG_LEVEL: 'info',
  LATCHKEY_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`, LATCHKEY_EHLO_NAME: 'latchkey.test',
  LATCHKEY_DNS_SERVERS: dns.address, LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8', LATCHKEY_TLS_CA_FILE: caFile,
  LATCHKEY_ISPDB_URL: 'https://ispdb.dead.test/v1.1',
  LATCHKEY_GOOGLE_TOKEN_URL: 'https://oauth.dead.test/token', LATCHKEY_MICROSOFT_TOKEN_URL: 'https://oauth6.dead.test/token',
  LATCHKEY_HEALTH_INTERVAL_S: '0', LATCHKEY_WEBHOOK_POLL_MS: '200', LATCHKEY_WEBHOOK_RETRY_BASE_S: '1', LATCHKEY_WEBHOOK_RETRY_MAX_S: '1',
  LATCHKEY_CONNECT_TIMEOUT_MS: '3000',
}, true);
const pid = node.child.pid;
const clientId = /client_id:\s+(\S+)/.exec(node.out())![1]!;
const clientSecret = /client_secret:\s+(\S+)/.exec(node.out())![1]!;
const admin = { authorization: `Basic ${Buffer.from(`${clientSecret}:`).toString('base64')}` };
const alive = () => node.child.exitCode === null && node.child.signalCode === null;

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const r = await fetch(node.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await r.text();
  try { return { status: r.status, body: JSON.parse(text) }; } catch { return { status: r.status, body: text }; }
}
function report(name: string, answer: { status: number; body: unknown } | { error: string }): void {
  console.log(JSON.stringify({ case: name, ...answer, alive: alive(), pid: node.child.pid }));
}
async function run(name: string, fn: () => Promise<{ status: number; body: unknown }>): Promise<{ status: number; body: any } | undefined> {
  const started = Date.now();
  try {
    const answer = await fn();
    const ms = Date.now() - started;
    await new Promise((r) => setTimeout(r, 200)); // an error emitted after the answer would end the process now
    report(name, { ...answer, ms } as never);
    return answer as { status: number; body: any };
  } catch (err) {
    report(name, { error: String(err) });
  }
}

const user = 'alice@example.test';
const good = dovecotSettings(dovecot, user, dovecot.users[user]!);
const authorize = (provider: string, email: string, settings: Record<string, unknown>) => post('/connect/authorize', { client_id: clientId, name: 'F', email_address: email, provider, settings });

try {
  await run('detect-provider (autoconfig, ISPDB)', () => post('/connect/detect-provider', { client_id: clientId, client_secret: clientSecret, email_address: 'ann@dead.test' }));
  await run('authorize imap, password only (detection)', () => authorize('imap', 'ann@dead.test', { password: 'pw' }));
  await run('authorize imap, unroutable IMAP host', () => authorize('imap', 'ann@dead.test', { ...good, imap_host: 'imap.dead.test', imap_port: 993 }));
  await run('authorize imap, unroutable SMTP host', () => authorize('imap', user, { ...good, smtp_host: 'smtp.dead.test', smtp_port: 465, smtp_security: 'ssl' }));
  await run('authorize exchange, exchange_server_host', () => authorize('exchange', 'ann@dead.test', { username: 'ann@dead.test', password: 'pw', exchange_server_host: 'ews.dead.test' }));
  await run('authorize exchange, Autodiscover', () => authorize('exchange', 'ann@dead.test', { username: 'ann@dead.test', password: 'pw' }));
  await run('authorize gmail, token endpoint', () => authorize('gmail', 'ann@gmail.com', { google_client_id: 'c', google_client_secret: 's', google_refresh_token: 'r' }));
  await run('authorize office365, token endpoint (IPv6 only)', () => authorize('office365', 'ann@outlook.com', { microsoft_client_id: 'c', microsoft_client_secret: 's', microsoft_refresh_token: 'r', redirect_uri: 'https://app.example/cb' }));
  await run('webhook registration', () => post(`/a/${clientId}/webhooks`, { callback_url: 'https://hook.dead.test/h' }, admin));

  // A stored delivery whose callback name later resolves to an unroutable address: it fails and
  // is retried on its schedule, attempt after attempt, while the process keeps serving.
  await run('webhook registration, reachable receiver', () => post(`/a/${clientId}/webhooks`, { callback_url: 'https://hook.flip.test/h' }, admin));
  dns.zone['hook.flip.test'] = dead;
  const code = await run('authorize imap, reachable', () => authorize('imap', user, good));
  await run('token (emits account.connected)', () => post('/connect/token', { client_id: clientId, client_secret: clientSecret, code: code?.body?.code }));
  const db = new Sqlite(dbPath, { readonly: true });
  let row: { attempts: number; last_error: string | null; delivered_at: number | null } | undefined;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    row = db.prepare('SELECT attempts, last_error, delivered_at FROM webhook_deliveries ORDER BY created_at LIMIT 1').get() as typeof row;
    if (row && row.attempts >= 2) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  db.close();
  report('webhook delivery to an unroutable callback', { status: row?.attempts ?? -1, body: row ?? null });
} finally {
  console.log(JSON.stringify({ done: true, pid, alive: alive(), queries: dns.queries, out: alive() ? '' : node.out().slice(-4000) }));
  await node.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
  await dovecot.stop();
  await dns.close();
  rmSync(dir, { recursive: true, force: true });
}
