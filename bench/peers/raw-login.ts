/**
 * The baseline for `/connect/authorize`: the same provider work Latchkey does per authorize —
 * IMAP (implicit TLS) LOGIN + LIST + EXAMINE INBOX + LOGOUT with imapflow, then SMTP STARTTLS +
 * AUTH + QUIT with nodemailer — done directly, `CONCURRENCY` loops for `SECONDS`, against the
 * local Dovecot, the way a careful user would: one TLS context (trust anchors parsed once) reused
 * by every connection. No HTTP, no Latchkey. Prints `RESULT {"ops","rps","p50","p99"}` (ms).
 * env: HOST, IMAP_PORT, SMTP_PORT, CA_FILE, USERS (JSON [[user, pass], …]: loop i logs in as
 * USERS[i mod n], since Dovecot limits connections per user and address), CONCURRENCY, SECONDS.
 */
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

const e = process.env;
const secureContext = createSecureContext({ ca: readFileSync(e.CA_FILE!, 'utf8') });
const host = e.HOST!;
const users = JSON.parse(e.USERS!) as Array<[string, string]>;

async function once(user: string, pass: string): Promise<void> {
  const client = new ImapFlow({ host, port: Number(e.IMAP_PORT), secure: true, servername: 'mail.latchkey.test', tls: { secureContext }, auth: { user, pass }, logger: false });
  await client.connect();
  await client.list();
  await client.mailboxOpen('INBOX', { readOnly: true });
  await client.logout();
  const t = nodemailer.createTransport({ host, port: Number(e.SMTP_PORT), secure: false, requireTLS: true, name: 'latchkey.test', tls: { secureContext, servername: 'mail.latchkey.test' }, auth: { user, pass } });
  await t.verify();
  t.close();
}

const lat: number[] = [];
const end = performance.now() + Number(e.SECONDS) * 1000;
const started = performance.now();
await Promise.all(Array.from({ length: Number(e.CONCURRENCY) }, async (_, i) => {
  const [user, pass] = users[i % users.length]!;
  while (performance.now() < end) {
    const t = performance.now();
    await once(user, pass);
    lat.push(performance.now() - t);
  }
}));
const took = (performance.now() - started) / 1000;
lat.sort((a, b) => a - b);
const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0;
process.stdout.write(`RESULT ${JSON.stringify({ ops: lat.length, rps: lat.length / took, p50: q(0.5), p99: q(0.99) })}\n`);
