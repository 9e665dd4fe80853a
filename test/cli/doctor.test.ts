/**
 * `latchkey doctor` as a child process against a real Dovecot: success, wrong password,
 * STARTTLS-only port given as SSL, unknown CA — each diagnosis asserted, and the same reason,
 * step and message as POST /connect/authorize gives for the same settings. The password is
 * never printed; on a terminal the prompt does not echo it (driven through a pty).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDovecot, type DovecotPeer } from '../peers/dovecot.ts';
import { startLatchkey, type Latchkey } from '../support/latchkey.ts';
import { startDnsServer, type DnsServer } from '../peers/dns-server.ts';
import { BIN, runCli, type CliRun } from '../support/cli.ts';

const USER = 'dora@example.test';
const PASSWORD = 'Dora-Doctor-Pässwort-42';
const WRONG = 'Wrong-Guess-Pässwort-99';
const PTY = fileURLToPath(new URL('../support/pty-run.py', import.meta.url));

let dovecot: DovecotPeer;
let api: Latchkey;
let env: Record<string, string>;
let dns: DnsServer;
/** Every output of every run, checked for secrets at the end. */
const seen: string[] = [];

before(async () => {
  dovecot = await startDovecot({ users: { [USER]: PASSWORD } });
  api = await startLatchkey({ LATCHKEY_TLS_CA_FILE: dovecot.caPath });
  const providers = join(dovecot.dir, 'providers.json');
  writeFileSync(providers, JSON.stringify({ yahoo: { imap: { host: dovecot.host, port: dovecot.imapTlsPort, security: 'ssl' }, smtp: { host: dovecot.host, port: dovecot.submissionStartTlsPort, security: 'starttls' } } }));
  // Names resolve only through this loopback DNS server: example.test publishes SRV records for
  // the test Dovecot, so the doctor can detect the settings from the address.
  dns = await startDnsServer({
    'example.test': {},
    'mail.latchkey.test': { A: [dovecot.host] },
    '_imaps._tcp.example.test': { SRV: [{ target: 'mail.latchkey.test', port: dovecot.imapTlsPort }] },
    '_submission._tcp.example.test': { SRV: [{ target: 'mail.latchkey.test', port: dovecot.submissionStartTlsPort }] },
    'nowhere.test': {},
  });
  env = { LATCHKEY_DNS_SERVERS: dns.address, LATCHKEY_ISPDB_URL: 'https://127.0.0.1:1/v1.1', LATCHKEY_ALLOWED_DESTINATIONS: '127.0.0.0/8', LATCHKEY_TLS_CA_FILE: dovecot.caPath, LATCHKEY_EHLO_NAME: 'doctor.latchkey.test', LATCHKEY_PROVIDERS_FILE: providers, LATCHKEY_DATA_DIR: dovecot.dir };
});
after(async () => {
  await api?.stop();
  await dns?.close();
  await dovecot?.stop();
});

/** IMAP on implicit TLS, submission on STARTTLS, unless `over` says otherwise. */
function flags(over: { imapPort?: number; imapSecurity?: string } = {}): string[] {
  return [
    '--imap-host', dovecot.host, '--imap-port', String(over.imapPort ?? dovecot.imapTlsPort), '--imap-security', over.imapSecurity ?? 'ssl',
    '--smtp-host', dovecot.host, '--smtp-port', String(dovecot.submissionStartTlsPort), '--smtp-security', 'starttls',
  ];
}

async function doctor(args: string[], password: string, extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const r = await runCli(['doctor', USER, ...args], { ...env, ...extraEnv }, `${password}\n`);
  seen.push(r.stdout, r.stderr);
  return r;
}

async function doctorJson(args: string[], password: string, extraEnv: Record<string, string> = {}) {
  const r = await doctor([...args, '--json'], password, extraEnv);
  assert.equal(r.stderr, '', 'nothing on stderr when the password comes from stdin');
  return { code: r.code, report: JSON.parse(r.stdout) };
}

/** What the API answers for the same settings. */
async function apiAnswer(password: string, imapPort: number, imapSecurity: string) {
  const r = await api.post('/connect/authorize', {
    client_id: api.app.client_id, name: 'Dora', email_address: USER, provider: 'imap',
    settings: { imap_host: dovecot.host, imap_port: imapPort, imap_security: imapSecurity, imap_password: password, smtp_host: dovecot.host, smtp_port: dovecot.submissionStartTlsPort, smtp_security: 'starttls' },
  });
  return { status: r.status, ...r.body };
}

describe('latchkey doctor against Dovecot', () => {
  test('success: every step printed live with a verdict, then the diagnosis; exit 0', async () => {
    const r = await doctor(flags(), PASSWORD);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = r.stdout;
    const order = [
      /^IMAP {2}127\.0\.0\.2 port \d+, security ssl, login dora@example\.test$/m,
      /^ {2}ok {4}DNS .*127\.0\.0\.2 is an address: no lookup$/m,
      /^ {2}ok {4}TCP .*127\.0\.0\.2:\d+ connected$/m,
      /^ {2}ok {4}TLS .* TLSv1\.[23] \S+$/m,
      /certificate {2}CN=server$/m,
      /issuer {7}CN=latchkey-test-ca$/m,
      /valid {8}.+ → .+ \(expires in \d+ days?\)$/m,
      /SNI {10}none \(the host is an address\)$/m,
      /name check {3}127\.0\.0\.2 matches the certificate$/m,
      /chain {8}trusted/m,
      /^ {2}ok {4}greeting .*\* OK .*Dovecot/m,
      /^ {2}ok {4}capabilities {12}over TLS: IMAP4rev1 .*AUTH=PLAIN/m,
      /^ {2}ok {4}login .*AUTHENTICATE PLAIN accepted$/m,
      /^ {2}ok {4}LIST .* \d+ folders?$/m,
      /^ {2}ok {4}EXAMINE .*INBOX opened read-only$/m,
      /^ {2}IMAP verified\.$/m,
      /^SMTP {2}127\.0\.0\.2 port \d+, security starttls/m,
      /^ {2}ok {4}greeting .*220 mail\.latchkey\.test/m,
      /^ {2}ok {4}capabilities {12}before TLS: .*STARTTLS/m,
      /^ {2}ok {4}TLS .* STARTTLS → TLSv1\.[23]/m,
      /^ {2}ok {4}capabilities {12}over TLS: .*AUTH PLAIN LOGIN/m,
      /^ {2}ok {4}login .*AUTH PLAIN accepted$/m,
      /^ {2}SMTP verified\.$/m,
      /^Diagnosis: OK\. IMAP and SMTP both accepted these settings/m,
    ];
    let from = 0;
    for (const re of order) {
      const m = re.exec(out.slice(from));
      assert.ok(m, `expected ${re} after offset ${from} in:\n${out}`);
      from += m.index + m[0].length;
    }
    assert.match(out, /Settings come from the flags; what they leave out is detected from the address/);
  });

  test('--json: the steps and the diagnosis as one document', async () => {
    const { code, report } = await doctorJson(flags(), PASSWORD);
    assert.equal(code, 0);
    assert.deepEqual([report.imap.ok, report.smtp.ok, report.diagnosis.ok], [true, true, true]);
    assert.deepEqual(report.imap.events.map((e: { kind: string }) => e.kind), ['dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'list', 'examine']);
    assert.deepEqual(report.smtp.events.map((e: { kind: string; tls?: boolean }) => (e.kind === 'capabilities' ? `capabilities:${e.tls}` : e.kind)), ['dns', 'tcp', 'greeting', 'capabilities:false', 'tls', 'capabilities:true', 'auth']);
    const tls = report.imap.events[2];
    assert.deepEqual([tls.mode, tls.ok, tls.trusted, tls.nameMatches, tls.certificate.issuer], ['implicit', true, true, true, 'CN=latchkey-test-ca']);
    assert.ok(tls.certificate.altNames.includes('127.0.0.2'));
    assert.equal(typeof tls.ms, 'number');
  });

  test('wrong password: invalid_credentials at imap.login, as the API says it; exit 1', async () => {
    const { code, report } = await doctorJson(flags(), WRONG);
    assert.equal(code, 1);
    const d = report.diagnosis;
    const answer = await apiAnswer(WRONG, dovecot.imapTlsPort, 'ssl');
    assert.deepEqual({ status: d.status, type: d.type, reason: d.reason, step: d.step, message: d.message, server_error: d.server_error },
      { status: answer.status, type: answer.type, reason: answer.reason, step: answer.step, message: answer.message, server_error: answer.server_error });
    assert.equal(d.reason, 'invalid_credentials');
    assert.match(d.advice, /--username/);
    assert.equal(report.smtp.error.reason, 'invalid_credentials', 'SMTP is walked too');

    const human = await doctor(flags(), WRONG);
    assert.equal(human.code, 1);
    assert.match(human.stdout, /^ {2}FAIL {2}login .*invalid_credentials: The IMAP server rejected the username or password\./m);
    assert.match(human.stdout, /server said: \[AUTHENTICATIONFAILED\] Authentication failed\./);
    assert.match(human.stdout, /^Diagnosis: invalid_credentials \(HTTP 403 auth_error at imap\.login\)/m);
    assert.match(human.stdout, /^ {2}What to change: Check the password/m);
  });

  test('the STARTTLS-only port given as SSL: tls_mismatch at imap.tls, and what to change', async () => {
    const { code, report } = await doctorJson(flags({ imapPort: dovecot.imapStartTlsPort, imapSecurity: 'ssl' }), PASSWORD);
    assert.equal(code, 1);
    const d = report.diagnosis;
    const answer = await apiAnswer(PASSWORD, dovecot.imapStartTlsPort, 'ssl');
    assert.deepEqual([d.status, d.reason, d.step, d.message], [answer.status, answer.reason, answer.step, answer.message]);
    assert.deepEqual([d.status, d.reason, d.step], [422, 'tls_mismatch', 'imap.tls']);
    assert.equal(d.advice, `Port ${dovecot.imapStartTlsPort} does not speak TLS from the start: use --imap-security starttls (or auto) on this port, or --imap-port 993 with --imap-security ssl.`);
    assert.equal(report.smtp.ok, true);
  });

  test('unknown CA (no LATCHKEY_TLS_CA_FILE): certificate_invalid, with the certificate shown', async () => {
    const { code, report } = await doctorJson(flags(), PASSWORD, { LATCHKEY_TLS_CA_FILE: '' });
    assert.equal(code, 1);
    const d = report.diagnosis;
    assert.deepEqual([d.status, d.reason, d.step], [422, 'certificate_invalid', 'imap.tls']);
    assert.equal(d.message, 'The server’s certificate was issued by an unknown certificate authority. If the server uses a private CA, the Latchkey operator can trust it with LATCHKEY_TLS_CA_FILE.');
    assert.match(d.advice, /LATCHKEY_TLS_CA_FILE/);
    const tls = report.imap.events.find((e: { kind: string }) => e.kind === 'tls');
    assert.deepEqual([tls.ok, tls.trusted, tls.certificate.subject, tls.certificate.issuer], [false, false, 'CN=server', 'CN=latchkey-test-ca']);
    assert.equal(report.smtp.error.reason, 'certificate_invalid');
  });

  test('--provider takes the hosts from the provider table (and refuses host flags beside it)', async () => {
    const { code, report } = await doctorJson(['--provider', 'yahoo'], WRONG);
    assert.equal(code, 1);
    assert.equal(report.imap.port, dovecot.imapTlsPort);
    assert.equal(report.diagnosis.reason, 'invalid_credentials');
    assert.match(report.diagnosis.message, /Yahoo usually requires an app password/);
    const both = await doctor(['--provider', 'yahoo', '--imap-host', 'imap.example.test'], PASSWORD);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /takes its hosts from the provider table/);
  });

  test('without host flags the settings are detected from the address (SRV here); flags given still win', async () => {
    const detected = await doctor([], PASSWORD);
    assert.equal(detected.code, 0, detected.stdout + detected.stderr);
    assert.match(detected.stdout, /Settings detected by srv in \d+ ms: IMAP mail\.latchkey\.test:\d+ ssl, SMTP mail\.latchkey\.test:\d+ starttls/);
    const mixed = await doctor(['--imap-host', dovecot.host, '--imap-port', String(dovecot.imapStartTlsPort), '--imap-security', 'starttls'], PASSWORD);
    assert.equal(mixed.code, 0, mixed.stdout + mixed.stderr);
    assert.match(mixed.stdout, /Settings detected by srv/);
  });

  test('bad usage is exit 2 before any connection: nothing detected, an empty password', async () => {
    const nowhere = await runCli(['doctor', 'x@nowhere.test'], env, `${PASSWORD}\n`);
    seen.push(nowhere.stdout, nowhere.stderr);
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /could not detect the mail servers of nowhere\.test .*give --imap-host and --smtp-host/);
    const empty = await doctor(flags(), '');
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no password given/);
  });

  test('on a terminal the password prompt does not echo what is typed (pty)', async () => {
    const screen = await onTerminal('Password for', PASSWORD, []);
    assert.equal(screen.code, 0, screen.text);
    assert.match(screen.text, /Password for dora@example\.test: /);
    assert.match(screen.text, /Diagnosis: OK\./, 'the typed password was used');
    assert.equal(screen.text.includes(PASSWORD), false, 'the typed password is not on the screen');
    // Control: reading a line in the terminal's normal mode does echo, and this harness sees it.
    const echoed = await onTerminal('Settings come from', PASSWORD, ['--password-stdin']);
    assert.equal(echoed.text.includes(PASSWORD), true, 'the harness sees an echoed password');
  });

  test('no output of any run above contains a password, raw or base64', () => {
    assert.ok(seen.length >= 20);
    for (const secret of [PASSWORD, WRONG]) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), Buffer.from(`\0${USER}\0${secret}`).toString('base64')]) {
        for (const text of seen) assert.equal(text.includes(form), false, `found ${form} in:\n${text}`);
      }
    }
  });
});

/** Runs the doctor on a pseudo-terminal (test/support/pty-run.py), typing `password` once `cue` is on the screen. */
function onTerminal(cue: string, password: string, extra: string[]): Promise<{ code: number | null; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [PTY, cue, password, '30', '--', process.execPath, BIN, 'doctor', USER, ...flags(), ...extra], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => { text += d.toString(); });
    child.once('error', reject);
    child.once('close', (code) => {
      if (!extra.length) seen.push(text);
      resolve({ code, text });
    });
  });
}
