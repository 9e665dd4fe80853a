/**
 * Latency of one `/connect/authorize` against a local Dovecot, measured beside its baseline in the
 * same run: the same IMAP login + LIST + EXAMINE + LOGOUT and SMTP STARTTLS + AUTH + QUIT done
 * directly with imapflow and nodemailer (no HTTP, no Latchkey). Sequential, loopback only,
 * bounded: `BENCH_N` rounds (default 40) of each, interleaved.
 *
 *   node --import tsx bench/authorize-latency.ts
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { readFileSync } from 'node:fs';
import { startDovecot } from '../test/peers/dovecot.ts';
import { startLatchkey } from '../test/support/latchkey.ts';
import { compareInterleaved } from './lib/interleaved.ts';

const N = Math.min(Number(process.env.BENCH_N ?? 40), 500);
const dovecot = await startDovecot();
const lk = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_LOG_LEVEL: 'warn' });
const ca = readFileSync(dovecot.caPath, 'utf8');
const user = 'alice@example.test';
const pass = 'alice-secret';

async function viaLatchkey(): Promise<void> {
  const r = await lk.post('/connect/authorize', {
    client_id: lk.app.client_id, name: 'Alice', email_address: user, provider: 'imap',
    settings: { imap_host: dovecot.host, imap_port: dovecot.imapTlsPort, imap_security: 'ssl', imap_password: pass, smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls' },
  });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
}

async function direct(): Promise<void> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.imapTlsPort, secure: true, servername: 'mail.latchkey.test', tls: { ca }, auth: { user, pass }, logger: false });
  await client.connect();
  await client.list();
  await client.mailboxOpen('INBOX', { readOnly: true });
  await client.logout();
  const t = nodemailer.createTransport({ host: dovecot.host, port: dovecot.submissionStartTlsPort, secure: false, requireTLS: true, name: 'latchkey.test', tls: { ca, servername: 'mail.latchkey.test' }, auth: { user, pass } });
  await t.verify();
  t.close();
}

await compareInterleaved(N, { label: '/connect/authorize via Latchkey', run: viaLatchkey }, { label: 'direct imapflow + nodemailer', run: direct });
await lk.stop();
await dovecot.stop();
