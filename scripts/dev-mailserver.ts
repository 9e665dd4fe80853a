/**
 * Development mail server: a private Dovecot (IMAP + submission) on 127.0.0.2 with test accounts.
 *
 *   node --import tsx scripts/dev-mailserver.ts      (as root; needs dovecot-imapd + dovecot-submissiond)
 *
 * Prints the ports, the CA file, the accounts and the environment Latchkey needs to talk to it,
 * then runs until Ctrl-C / SIGTERM and cleans up (Dovecot stopped, temp dir removed).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { startDovecot } from '../test/peers/dovecot.ts';

// Fixed ports so the README's walkthrough can name them; DEV_MAIL_PORTS overrides (4, comma-separated).
const wanted = (process.env.DEV_MAIL_PORTS ?? '10993,10143,10587,10465').split(',').map(Number);
if (wanted.length !== 4 || wanted.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
  console.error('DEV_MAIL_PORTS must be four ports: IMAP TLS, IMAP STARTTLS, submission STARTTLS, submission TLS');
  process.exit(2);
}
const peer = await startDovecot({ ports: wanted as [number, number, number, number] });
// A stable copy of the CA for LATCHKEY_TLS_CA_FILE (the instance's own directory goes on stop).
mkdirSync('data', { recursive: true });
copyFileSync(peer.caPath, 'data/dev-mail-ca.pem');
const { host } = peer;
const alice = 'alice@example.test';
const settings = {
  client_id: '<your client_id: npx latchkey apps create --name dev --json>',
  name: 'Alice',
  email_address: alice,
  provider: 'imap',
  settings: {
    imap_host: host,
    imap_port: peer.imapTlsPort,
    imap_security: 'ssl',
    imap_username: alice,
    imap_password: peer.users[alice],
    smtp_host: host,
    smtp_port: peer.submissionStartTlsPort,
    smtp_security: 'starttls',
    smtp_username: alice,
    smtp_password: peer.users[alice],
    ssl_required: true,
  },
};

console.log(`Dovecot dev mail server (log: ${peer.logPath})
  IMAP        ${host}:${peer.imapTlsPort}  implicit TLS
  IMAP        ${host}:${peer.imapStartTlsPort}  STARTTLS (LOGINDISABLED before TLS)
  submission  ${host}:${peer.submissionStartTlsPort}  STARTTLS
  submission  ${host}:${peer.submissionTlsPort}  implicit TLS
  TLS names   mail.latchkey.test, localhost, 127.0.0.1, 127.0.0.2
  CA file     data/dev-mail-ca.pem

Accounts (login -> password):
${Object.entries(peer.users).map(([u, p]) => `  ${u}  ${JSON.stringify(p)}`).join('\n')}

Run Latchkey with (loopback is refused unless allowed; an allowed range may use any port):
  LATCHKEY_TLS_CA_FILE=data/dev-mail-ca.pem LATCHKEY_ALLOWED_DESTINATIONS=127.0.0.0/8 npm start

Example authorize body for alice:
${JSON.stringify(settings, null, 2)}

Press Ctrl-C to stop.`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Dovecot...`);
  await peer.stop();
  process.exit(0);
}
process.on('SIGINT', (s) => void shutdown(s));
process.on('SIGTERM', (s) => void shutdown(s));
