import { test } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { makeCA, issueCert } from '/work/main/test/peers/pki.ts';
import { startFakeSmtp } from '/work/main/test/peers/fake-smtp.ts';
test('dbg', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
  const ca = await makeCA(dir, 'ca');
  const expired = await issueCert(dir, ca, { name: 'expired', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], notBefore: new Date(Date.now() - 40 * 86_400_000), notAfter: new Date(Date.now() - 10 * 86_400_000) });
  const sm = await startFakeSmtp({ ehlo: ['STARTTLS', 'AUTH PLAIN'], starttls: 'ok', starttlsCert: { key: expired.keyPem, cert: expired.certPem }, auth: () => '235 ok' });
  const conn = new SMTPConnection({ host: '127.0.0.1', port: sm.port, requireTLS: true, tls: { ca: ca.certPem }, logger: false } as any);
  conn.on('error', (e: any) => console.log('EVENT', e.code, e.message, e.cause?.code, Object.keys(e)));
  await new Promise<void>((res) => conn.connect((e: any) => { console.log('CB', e?.code, e?.message); res(); }));
  await new Promise((r) => setTimeout(r, 500));
  await sm.close();
});
