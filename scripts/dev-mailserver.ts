/**
 * Development mail server: a private Dovecot (IMAP + submission) on 127.0.0.2 with test accounts.
 *
 *   node --import tsx scripts/dev-mailserver.ts      (as root; needs dovecot-imapd + dovecot-submissiond)
 *
 * Prints the ports, the CA file, the accounts and the environment Latchkey needs to talk to it,
 * then runs until Ctrl-C / SIGTERM and cleans up (Dovecot stopped, temp dir removed).
 *
 * - Its ports are fixed (the README names them; DEV_MAIL_PORTS overrides): when one is taken —
 *   another dev:mailserver still running, say — it stops with exit code 1 and says which, instead
 *   of reporting success while Dovecot fails to listen (issue 19).
 * - One development CA for good: `data/dev-mail-ca.pem` (+ `.key`, 0600) is made on the first
 *   start and reused after, each start signing a fresh server certificate with it, so a running
 *   Latchkey (`LATCHKEY_TLS_CA_FILE=data/dev-mail-ca.pem`) keeps trusting a restarted server.
 * - `data/dev-providers.json` names the server as provider `devmail` for `example.test`
 *   (`LATCHKEY_PROVIDERS_FILE`): detection finds it, as the hosted page and the SDK example use.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PortsTakenError, startDovecot, type DovecotPeer } from '../test/peers/dovecot.ts';
import { makeCA, type CA } from '../test/peers/pki.ts';

const DATA = resolve('data');
const CA_PEM = join(DATA, 'dev-mail-ca.pem');
const CA_KEY = join(DATA, 'dev-mail-ca.key');
const PROVIDERS = join(DATA, 'dev-providers.json');

// Fixed ports so the README's walkthrough can name them; DEV_MAIL_PORTS overrides (4, comma-separated).
const wanted = (process.env.DEV_MAIL_PORTS ?? '10993,10143,10587,10465').split(',').map(Number);
if (wanted.length !== 4 || wanted.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
  console.error('DEV_MAIL_PORTS must be four ports: IMAP TLS, IMAP STARTTLS, submission STARTTLS, submission TLS');
  process.exit(2);
}

/** The development CA: the one in data/ when both its files are there, else a new one saved there. */
async function devCa(): Promise<{ ca: CA; created: boolean }> {
  mkdirSync(DATA, { recursive: true });
  if (existsSync(CA_PEM) && existsSync(CA_KEY)) return { ca: { certPath: CA_PEM, keyPath: CA_KEY, certPem: readFileSync(CA_PEM, 'utf8') }, created: false };
  const tmp = mkdtempSync(join(tmpdir(), 'lk-dev-ca-'));
  try {
    const made = await makeCA(tmp, 'latchkey-dev-mail-ca');
    copyFileSync(made.keyPath, CA_KEY);
    copyFileSync(made.certPath, CA_PEM);
    return { ca: { certPath: CA_PEM, keyPath: CA_KEY, certPem: made.certPem }, created: true };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const { ca, created } = await devCa();
let peer: DovecotPeer;
try {
  peer = await startDovecot({ ports: wanted as [number, number, number, number], ca });
} catch (err) {
  if (!(err instanceof PortsTakenError)) throw err;
  console.error(`dev:mailserver: ${err.message}, so Dovecot cannot listen there.
  Another dev:mailserver may still be running (see: ss -ltnp | grep -E ':(${err.ports.join('|')}) ').
  Stop it, or choose four other ports and use them in the settings you send:
    DEV_MAIL_PORTS=11993,11143,11587,11465 npm run dev:mailserver`);
  process.exit(1);
}
const { host } = peer;
const alice = 'alice@example.test';
const server = (port: number, security: string) => ({ host, port, security });
writeFileSync(PROVIDERS, `${JSON.stringify({
  devmail: { label: 'Development mail server', auth: 'password', domains: ['example.test'], imap: server(peer.imapTlsPort, 'ssl'), smtp: server(peer.submissionStartTlsPort, 'starttls') },
}, null, 2)}\n`);
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
  CA file     data/dev-mail-ca.pem (${created ? 'new' : 'the same as before: a running Latchkey keeps trusting it'})
  providers   data/dev-providers.json (example.test → provider "devmail", this server)

Accounts (login -> password):
${Object.entries(peer.users).map(([u, p]) => `  ${u}  ${JSON.stringify(p)}`).join('\n')}

Run Latchkey with (loopback is refused unless allowed; an allowed range may use any port; offline detection):
  LATCHKEY_TLS_CA_FILE=data/dev-mail-ca.pem LATCHKEY_ALLOWED_DESTINATIONS=127.0.0.0/8 LATCHKEY_PROVIDERS_FILE=data/dev-providers.json \\
  LATCHKEY_DNS_SERVERS=127.0.0.1:1 LATCHKEY_ISPDB_URL=https://127.0.0.1:1/v1.1 npm start

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
