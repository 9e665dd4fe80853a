/**
 * A hostile mail server that never ends its line (issue 18): over implicit TLS it greets, then
 * streams bytes with no line end for as long as the client reads. Each verification must stop
 * reading at a bounded size — imapflow's maxLineLength (64 KiB) for IMAP, nodemailer's
 * maxResponseSize (64 KiB) for SMTP — and answer the documented error, not buffer until the
 * authorize deadline. Twenty such authorizes at once leave the server answering.
 * Memory and latency under 100 of them are measured outside the suite (numbers in issue 18's note).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { issueCert, makeCA } from '../peers/pki.ts';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { dovecotSettings } from '../support/connect.ts';

let dir: string;
let dovecot: DovecotPeer;
const servers: tls.Server[] = [];

/** Implicit-TLS server: `first`, then an endless run of 'x' (no line end) while the client reads. */
async function endless(first: string, key: string, cert: string): Promise<number> {
  const chunk = Buffer.alloc(16 * 1024, 'x');
  const server = tls.createServer({ key, cert }, (socket) => {
    let n = 0;
    socket.on('error', () => undefined);
    socket.write(first);
    const pump = () => {
      while (!socket.destroyed && n < 256 * 1024 * 1024) {
        n += chunk.length;
        if (!socket.write(chunk)) return;
      }
    };
    socket.on('drain', pump);
    pump();
  });
  server.on('tlsClientError', () => undefined);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

let imapPort: number;
let smtpPort: number;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lk-endless-'));
  dovecot = await startDovecot();
  const ca = await makeCA(dir, 'endless-ca');
  const leaf = await issueCert(dir, ca, { name: 'endless', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  imapPort = await endless('* OK ', leaf.keyPem, leaf.certPem);
  smtpPort = await endless('220 ', leaf.keyPem, leaf.certPem);
  // Trust both the hostile servers' CA and Dovecot's.
  writeFileSync(join(dir, 'ca.pem'), ca.certPem + readFileSync(dovecot.caPath, 'utf8'));
});
after(async () => {
  for (const s of servers) s.close();
  await dovecot?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('endless IMAP greeting and endless SMTP reply over TLS: protocol_error at their step, twenty at once, the server still answers', async () => {
  const lk: Latchkey = await startLatchkey({ LATCHKEY_TLS_CA_FILE: join(dir, 'ca.pem'), LATCHKEY_AUTHORIZE_TIMEOUT_MS: '20000', LATCHKEY_LIMIT_CLIENT_PER_MINUTE: '100000' });
  try {
    const user = 'alice@example.test';
    const good = dovecotSettings(dovecot, user, dovecot.users[user]!);
    const body = (settings: Record<string, unknown>) => ({ client_id: lk.app.client_id, name: 'E', email_address: user, provider: 'imap', settings });
    const hostileImap = { ...good, imap_host: '127.0.0.1', imap_port: imapPort, imap_security: 'ssl' };
    const hostileSmtp = { ...good, smtp_host: '127.0.0.1', smtp_port: smtpPort, smtp_security: 'ssl' };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => lk.post('/connect/authorize', body(i % 2 ? hostileSmtp : hostileImap))));
    for (const [i, r] of answers.entries()) {
      const step = i % 2 ? /^smtp\./ : /^imap\./;
      assert.equal(r.status, 502, JSON.stringify(r.body));
      assert.equal(r.body.reason, 'protocol_error', JSON.stringify(r.body));
      assert.match(r.body.step, step, JSON.stringify(r.body));
    }
    assert.equal((await lk.get('/healthz')).status, 200);
    const ok = await lk.post('/connect/authorize', body(good));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  } finally {
    await lk.stop();
  }
});
