/**
 * A private, throw-away Dovecot 2.3 (IMAP + submission) instance for real-peer tests.
 *
 * Each {@link startDovecot} call gets its own temp dir, private CA, server certificate, ports,
 * `base_dir` and `instance_name`, so several instances (and several test processes) can run at once.
 * Dovecot listens on 127.0.0.2 only: clients connecting from the default source 127.0.0.1 then have
 * remote IP != local IP, so Dovecot does NOT treat them as "secure" and really enforces
 * `disable_plaintext_auth` (LOGINDISABLED before STARTTLS). See /work/shared/recipes/dovecot-test-server.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { issueCert, makeCA, type CA } from './pki.ts';

/** A running Dovecot instance. All ports are on `host`. */
export interface DovecotPeer {
  host: '127.0.0.2';
  /** IMAP with implicit TLS (993-style). */
  imapTlsPort: number;
  /** IMAP with STARTTLS; plaintext LOGIN is disabled before STARTTLS (143-style). */
  imapStartTlsPort: number;
  /** Submission with STARTTLS (587-style). */
  submissionStartTlsPort: number;
  /** Submission with implicit TLS (465-style). */
  submissionTlsPort: number;
  /** PEM file of the private CA that signed the server certificate. */
  caPath: string;
  caPem: string;
  /** Temp dir holding config, certificates, mail and log; removed by `stop()`. */
  dir: string;
  /** Login name → password of every account. */
  users: Record<string, string>;
  logPath: string;
  /** Stop Dovecot and all its workers (SIGTERM, SIGKILL after 3 s), close the relay sink, remove `dir`. */
  stop(): Promise<void>;
}

/** Ports asked for (`opts.ports`) are already in use at `host`: nothing was started. */
export class PortsTakenError extends Error {
  constructor(readonly host: string, readonly ports: number[]) {
    super(`port${ports.length > 1 ? 's' : ''} ${ports.join(', ')} on ${host} ${ports.length > 1 ? 'are' : 'is'} already in use`);
    this.name = 'PortsTakenError';
  }
}

/** Accounts always present; `opts.users` is merged over them. */
export const DEFAULT_USERS: Readonly<Record<string, string>> = {
  'alice@example.test': 'alice-secret',
  'bob@example.test': 'bob-secret',
  'pct@example.test': 'pa%s ~w*rd x',
  'quote@example.test': 'a"b\\c!',
  'utf8@example.test': 'Pässwörd€1',
  'first.last=example.test': 'first-last-secret',
};

const HOST = '127.0.0.2';
const INSTALL_HINT = 'apt-get install -y --no-install-recommends dovecot-imapd dovecot-submissiond';
const NOBODY = 65534; // mail processes run as nobody:nogroup (static userdb below)
const START_TIMEOUT_MS = 10_000;

/** Find an executable in PATH plus the sbin dirs (which are often missing from PATH). */
function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const d of dirs.filter(Boolean)) {
    try {
      accessSync(join(d, name), fsConstants.X_OK);
      return join(d, name);
    } catch { /* try next */ }
  }
  return undefined;
}

/** Reserve `n` distinct free TCP ports on `host` (bind port 0, keep all open, then close). */
export async function freePorts(host: string, n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<net.Server>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, host, () => resolve(s));
  })));
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/**
 * The ports among `ports` that something already listens on at `host` (a bind fails with
 * EADDRINUSE): Dovecot would log "Failed to start listeners" and the readiness check would be
 * answered by whatever holds them (issue 19).
 */
export async function takenPorts(host: string, ports: number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const port of ports) {
    const busy = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE' || err.code === 'EACCES'));
      s.listen(port, host, () => s.close(() => resolve(false)));
    });
    if (busy) taken.push(port);
  }
  return taken;
}

/**
 * One passwd-file line. The password is written verbatim after `{PLAIN}`: Dovecot 2.3.19 does not
 * %-expand it and has no escapes (verified: '%', '"', backslash, '#', spaces, '{SHA}x' and UTF-8 all work).
 * Fields are split on ':' with no way to escape it, and a TAB made the entry unusable, so ':' and
 * control characters are rejected. Names are lowercased because Dovecot lowercases logins (%Lu).
 */
function passwdLine(user: string, pass: string): string {
  for (const [what, v] of [['user name', user], ['password', pass]] as const) {
    // eslint-disable-next-line no-control-regex
    if (/[:\x00-\x1f\x7f]/.test(v)) {
      throw new Error(`passwd-file cannot hold a ${what} containing ':' or control characters: ${JSON.stringify(v)}`);
    }
  }
  if (user === '' || /\s/.test(user)) throw new Error(`invalid user name: ${JSON.stringify(user)}`);
  return `${user.toLowerCase()}:{PLAIN}${pass}::::::\n`;
}

/**
 * Dovecot's oauth2 passdb (Dovecot 2.3 "OAuth2 authentication database"): XOAUTH2 / OAUTHBEARER
 * access tokens are checked by RFC 7662 introspection (`introspection_mode = post`) at `url`,
 * `active` must be true and the `email` attribute names the user.
 */
export interface DovecotOAuth2 {
  introspectionUrl: string;
}

function oauth2Conf(o: DovecotOAuth2): string {
  return `# generated by test/peers/dovecot.ts
introspection_mode = post
introspection_url = ${o.introspectionUrl}
force_introspection = yes
username_attribute = email
active_attribute = active
active_value = true
timeout_msecs = 5000
`;
}

function dovecotConf(dir: string, instance: string, ports: number[], relayPort: number, oauth2?: DovecotOAuth2): string {
  const [imaps, imap, submission, submissions] = ports;
  return `# generated by test/peers/dovecot.ts
instance_name = ${instance}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap submission
listen = ${HOST}
hostname = mail.latchkey.test
ssl = yes
ssl_cert = <${dir}/server.crt
ssl_key = <${dir}/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login${oauth2 ? ' xoauth2 oauthbearer' : ''}
# allow e.g. "first.last=example.test"; the default set lacks '=' and '+'
auth_username_chars =
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
${oauth2 ? `passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/dovecot-oauth2.conf.ext
}
` : ''}userdb {
  driver = static
  args = uid=${NOBODY} gid=${NOBODY} home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    port = ${imap}
  }
  inet_listener imaps {
    port = ${imaps}
    ssl = yes
  }
  service_count = 0
  process_min_avail = 1
  client_limit = 1000
  vsz_limit = 1G
}
service submission-login {
  inet_listener submission {
    port = ${submission}
  }
  inet_listener submissions {
    port = ${submissions}
    ssl = yes
  }
  service_count = 0
  process_min_avail = 1
}
protocol imap {
  mail_max_userip_connections = 100
}
auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
submission_relay_host = 127.0.0.1
submission_relay_port = ${relayPort}
submission_relay_trusted = yes
submission_relay_ssl = no
`;
}

/** In-process SMTP sink Dovecot relays submitted mail to (127.0.0.1, random port). */
async function startSink(): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  server.on('error', (err) => { console.error('[dovecot peer] relay sink error:', err); });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.server.address() as net.AddressInfo).port };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: HOST, port });
    s.setTimeout(500);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.once('timeout', () => { s.destroy(); resolve(false); });
  });
}

async function tail(path: string, extra: string, lines = 30): Promise<string> {
  const log = await readFile(path, 'utf8').catch(() => '');
  return `${log}\n${extra}`.trim().split('\n').slice(-lines).join('\n');
}

/** Send SIGTERM, wait for exit, SIGKILL after `graceMs`. Resolves once the process is gone. */
async function killChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return; // never started, or gone
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Live PIDs of an instance's worker processes (Linux /proc). Dovecot titles them
 * "dovecot-<instance_name>/<service>"; zombies have an empty cmdline and are skipped.
 */
function instancePids(instance: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`${instance}/`)) pids.push(Number(entry));
    } catch { /* exited meanwhile */ }
  }
  return pids;
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try { process.kill(pid, signal); } catch { /* already gone */ }
  }
}

/**
 * Stop master and workers. The master exits about 1 s after SIGTERM, but when clients still hold
 * connections its workers (login, auth, imap, log...) outlive it as orphans, so they are signalled
 * directly too: SIGTERM, then SIGKILL for whatever is left after `graceMs`.
 */
async function stopInstance(child: ChildProcess, instance: string, graceMs = 3000): Promise<void> {
  await killChild(child, graceMs);
  signalAll(instancePids(instance), 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (instancePids(instance).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  signalAll(instancePids(instance), 'SIGKILL');
}

/**
 * Start a private Dovecot instance on 127.0.0.2 with four TLS-capable listeners and the given users
 * (merged over {@link DEFAULT_USERS}) on free ports, or on `opts.ports` (IMAP TLS, IMAP STARTTLS,
 * submission STARTTLS, submission TLS). With `opts.oauth2`, XOAUTH2 and OAUTHBEARER are offered
 * too and their tokens checked by introspection ({@link DovecotOAuth2}); passwords still work.
 * Throws if Dovecot is not installed or not ready within 10 s.
 */
export async function startDovecot(opts: { users?: Record<string, string>; ports?: [number, number, number, number]; oauth2?: DovecotOAuth2; ca?: CA } = {}): Promise<DovecotPeer> {
  const dovecotBin = findExecutable('dovecot');
  if (!dovecotBin) {
    throw new Error(`Dovecot is not installed (no 'dovecot' binary found). Install it with: ${INSTALL_HINT}`);
  }
  if (opts.ports) {
    const taken = await takenPorts(HOST, opts.ports);
    if (taken.length) throw new PortsTakenError(HOST, taken);
  }
  const users = { ...DEFAULT_USERS, ...opts.users };
  const passwd = Object.entries(users).map(([u, p]) => passwdLine(u, p)).join('');

  const dir = await mkdtemp(join(tmpdir(), 'lk-dovecot-'));
  const instance = `lk-test-${process.pid}-${dir.slice(-6)}`;
  let sink: SMTPServer | undefined;
  let child: ChildProcess | undefined;
  // Last resort if the test process exits without stop() (synchronous: no waiting possible).
  const onExit = (): void => {
    child?.kill('SIGTERM');
    signalAll(instancePids(instance), 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await chmod(dir, 0o755); // mail processes (uid 65534) must traverse it; keys stay 0600
    await mkdir(join(dir, 'mail'));
    await chown(join(dir, 'mail'), NOBODY, NOBODY);
    // A given CA (the development mail server keeps one across restarts) signs a fresh server certificate.
    const ca = opts.ca ?? (await makeCA(dir, 'latchkey-test-ca'));
    await issueCert(dir, ca, {
      name: 'server',
      dnsNames: ['localhost', 'mail.latchkey.test'],
      ipAddresses: ['127.0.0.1', '127.0.0.2'],
    });
    await writeFile(join(dir, 'users'), passwd, { mode: 0o644 }); // auth runs as user 'dovecot'

    const started = await startSink();
    sink = started.server;
    // Order: IMAP TLS, IMAP STARTTLS, submission STARTTLS, submission TLS.
    const ports = opts.ports ?? (await freePorts(HOST, 4));
    const confPath = join(dir, 'dovecot.conf');
    if (opts.oauth2) await writeFile(join(dir, 'dovecot-oauth2.conf.ext'), oauth2Conf(opts.oauth2), { mode: 0o644 });
    await writeFile(confPath, dovecotConf(dir, instance, ports, started.port, opts.oauth2));

    let output = '';
    child = spawn(dovecotBin, ['-F', '-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
    child.once('error', (err) => { output += `\nspawn error: ${err.message}`; });
    process.once('exit', onExit);

    const logPath = join(dir, 'dovecot.log');
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        const hint = /submission|Unknown protocol/i.test(output) ? ` (is dovecot-submissiond installed? ${INSTALL_HINT})` : '';
        throw new Error(`dovecot exited during startup (${child.exitCode ?? child.signalCode})${hint}:\n${await tail(logPath, output)}`);
      }
      const ready = await Promise.all(ports.map(canConnect));
      if (ready.every(Boolean)) break;
      if (Date.now() > deadline) throw new Error(`dovecot not ready after ${START_TIMEOUT_MS} ms:\n${await tail(logPath, output)}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const [imapTlsPort, imapStartTlsPort, submissionStartTlsPort, submissionTlsPort] = ports as [number, number, number, number];
    const proc = child;
    const relay = sink;
    let stopping: Promise<void> | undefined;
    return {
      host: HOST,
      imapTlsPort,
      imapStartTlsPort,
      submissionStartTlsPort,
      submissionTlsPort,
      caPath: ca.certPath,
      caPem: ca.certPem,
      dir,
      users,
      logPath,
      stop() {
        stopping ??= (async () => {
          await stopInstance(proc, instance);
          process.removeListener('exit', onExit);
          await new Promise<void>((r) => relay.close(() => r()));
          await rm(dir, { recursive: true, force: true });
        })();
        return stopping;
      },
    };
  } catch (err) {
    if (child) await stopInstance(child, instance);
    process.removeListener('exit', onExit);
    if (sink) { const s = sink; await new Promise<void>((r) => s.close(() => r())); }
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
