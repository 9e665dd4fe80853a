/**
 * Scripted in-process SMTP (submission) server for behaviour a real Dovecot/Postfix cannot
 * show: odd EHLO lists, AUTH not offered, broken STARTTLS, provider-specific AUTH replies.
 * Test use only; listens on loopback.
 */
import { listen, Recorder, type AuthAttempt, type FakeServer, type ListenOptions, type TlsMaterial, type Wire } from './fake-common.ts';
import { b64decode, decodeSasl, isBase64, SASL_MECHANISMS } from './fake-sasl.ts';

export type { AuthAttempt, FakeServer, TlsMaterial, TranscriptEntry } from './fake-common.ts';

/** What the fake SMTP server does. Every field is optional. */
export interface FakeSmtpScript extends ListenOptions {
  /** Greeting line; default `220 fake.test ESMTP`. `null`: never greet. Early input is recorded, not answered. */
  greeting?: string | null;
  /** Delay before the greeting. */
  greetingDelayMs?: number;
  /** Greet with these bytes verbatim, then only record input. */
  rawGreeting?: string | Buffer;
  /** EHLO extension lines before TLS (and on implicit TLS). Default PIPELINING, SIZE, 8BITMIME, AUTH PLAIN LOGIN. */
  ehlo?: string[];
  /** EHLO extension lines after STARTTLS. Default: `ehlo` without STARTTLS. */
  ehloAfterTls?: string[];
  /** Text of the EHLO reply's first line, `{name}` replaced by the client's EHLO name. Default `fake.test`. */
  hello?: string;
  /** Replaces the EHLO reply: a string is one full reply line, an array full reply lines. */
  ehloReply?: (name: string) => string[] | string | undefined;
  /** STARTTLS handling. Default 'ok' when STARTTLS is advertised, else 'absent'. */
  starttls?: 'ok' | 'absent' | 'ok-then-fail';
  /** The reply to STARTTLS before the handshake. Default `220 2.0.0 Ready to start TLS`. */
  starttlsReply?: string;
  /** For 'ok-then-fail': answer the ClientHello with plaintext junk (default) or drop the socket. */
  starttlsFailMode?: 'garbage' | 'close';
  /** Certificate for STARTTLS; defaults to `tls`. */
  starttlsCert?: TlsMaterial;
  /** Credential check, returns the full reply line. `pass` is the token for XOAUTH2. Default 535. */
  auth?: (mechanism: string, user: string, pass: string) => string;
  /** Refuse AUTH when not advertised (503) or mechanism not listed (504). Default true. */
  enforceAdvertisedAuth?: boolean;
  /**
   * Override for any command, consulted first (verb upper-cased, rest of line as `arg`):
   * reply lines sent verbatim. A 221/421 reply closes the connection. `undefined`: default.
   */
  onCommand?: (verb: string, arg: string) => string | string[] | undefined;
}

/** The running fake SMTP server. */
export interface FakeSmtpServer extends FakeServer {
  /** Every AUTH exchange that reached the credential check. */
  auths: AuthAttempt[];
  /** The names given in EHLO / HELO, in order. */
  ehloNames: string[];
}

const DEFAULT_EHLO = ['PIPELINING', 'SIZE 10240000', '8BITMIME', 'AUTH PLAIN LOGIN'];
const AUTH_FAILED = '535 5.7.8 Error: authentication failed';

/** Starts a fake SMTP server on loopback (port 0) that follows `script`. */
export async function startFakeSmtp(script: FakeSmtpScript = {}): Promise<FakeSmtpServer> {
  const ehlo = script.ehlo ?? DEFAULT_EHLO;
  const starttls = script.starttls ?? (ehlo.includes('STARTTLS') ? 'ok' : 'absent');
  if (starttls === 'ok' && !(script.starttlsCert ?? script.tls)) throw new Error('starttls "ok" needs starttlsCert');
  const rec = new Recorder();
  const auths: AuthAttempt[] = [];
  const ehloNames: string[] = [];
  const base = await listen(script, rec, (wire) => new SmtpSession(wire, script, auths, ehloNames).start());
  return Object.assign(base, { auths, ehloNames });
}

class SmtpSession {
  private buf = Buffer.alloc(0);
  private greeted = false;
  private rawMode = false;
  private ehloDone = false;
  private upgraded = false;
  private switching = false;
  private authed = false;
  private pending: ((line: string) => void) | null = null;

  constructor(
    private readonly wire: Wire,
    private readonly s: FakeSmtpScript,
    private readonly auths: AuthAttempt[],
    private readonly ehloNames: string[],
  ) {}

  start(): void {
    this.wire.onData = (chunk) => this.onData(chunk);
    this.wire.onClose = () => {
      if (this.buf.length) this.wire.record(this.buf.toString('utf8'));
    };
    if (this.s.greetingDelayMs) this.wire.later(this.s.greetingDelayMs, () => this.greet());
    else this.greet();
  }

  private greet(): void {
    this.greeted = true;
    if (this.s.rawGreeting !== undefined) {
      this.rawMode = true;
      this.wire.sendRaw(this.s.rawGreeting);
    } else if (this.s.greeting !== null) {
      this.wire.send(this.s.greeting ?? '220 fake.test ESMTP');
    }
  }

  private extensions(): string[] {
    const before = this.s.ehlo ?? DEFAULT_EHLO;
    return this.upgraded ? (this.s.ehloAfterTls ?? before.filter((l) => l.toUpperCase() !== 'STARTTLS')) : before;
  }

  private onData(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (let eol = this.buf.indexOf('\n'); eol >= 0 && !this.wire.closed && !this.switching; eol = this.buf.indexOf('\n')) {
      const line = this.buf.subarray(0, eol).toString('utf8').replace(/\r$/, '');
      this.buf = this.buf.subarray(eol + 1);
      this.wire.record(line);
      if (this.rawMode || !this.greeted || this.s.greeting === null) continue;
      const next = this.pending;
      this.pending = null;
      if (next) next(line);
      else this.handle(line);
    }
    if (this.buf.length > 65536) this.wire.destroy();
  }

  private send(lines: string | string[]): void {
    const all = Array.isArray(lines) ? lines : [lines];
    for (const l of all) this.wire.send(l);
    if (all.some((l) => /^(221|421)[ -]/.test(l))) this.wire.end();
  }

  private handle(line: string): void {
    const m = /^(\S*)(?: (.*))?$/.exec(line);
    const verb = (m?.[1] ?? '').toUpperCase();
    const arg = (m?.[2] ?? '').trim();
    const custom = this.s.onCommand?.(verb, arg);
    if (custom !== undefined) return this.send(custom);
    switch (verb) {
      case 'EHLO':
      case 'HELO':
        return this.ehlo(verb, arg);
      case 'STARTTLS':
        return this.starttls();
      case 'AUTH':
        return this.auth(arg);
      case 'MAIL':
      case 'RCPT':
      case 'RSET':
      case 'NOOP':
        return this.send('250 2.0.0 Ok');
      case 'QUIT':
        return this.send('221 2.0.0 Bye');
      default:
        return this.send('502 5.5.2 Error: command not recognized');
    }
  }

  private ehlo(verb: string, name: string): void {
    this.ehloNames.push(name);
    const custom = this.s.ehloReply?.(name);
    if (custom !== undefined) {
      const lines = Array.isArray(custom) ? custom : [custom];
      this.ehloDone = /^250/.test(lines[0] ?? '');
      return this.send(lines);
    }
    if (!name) return this.send(`501 5.5.4 Syntax: ${verb} hostname`);
    this.ehloDone = true;
    if (verb === 'HELO') return this.send('250 fake.test');
    const lines = [(this.s.hello ?? 'fake.test').replace('{name}', name), ...this.extensions()];
    this.send(lines.map((l, i) => (i === lines.length - 1 ? `250 ${l}` : `250-${l}`)));
  }

  private starttls(): void {
    const ehlo = this.s.ehlo ?? DEFAULT_EHLO;
    const mode = this.s.starttls ?? (ehlo.includes('STARTTLS') ? 'ok' : 'absent');
    if (this.wire.tls) return this.send('554 5.5.1 Error: TLS already active');
    if (mode === 'absent') return this.send('502 5.5.1 Error: command not implemented');
    this.send(this.s.starttlsReply ?? '220 2.0.0 Ready to start TLS');
    this.switching = true;
    this.buf = Buffer.alloc(0);
    const upgradeMode = mode === 'ok' ? 'ok' : (this.s.starttlsFailMode ?? 'garbage');
    this.wire.upgrade(upgradeMode, this.s.starttlsCert ?? this.s.tls, () => {
      this.switching = false;
      this.upgraded = true;
      this.ehloDone = false;
      this.authed = false;
    });
  }

  private auth(arg: string): void {
    const [mechRaw = '', initial] = arg.split(/\s+/);
    const mech = mechRaw.toUpperCase();
    if (!this.ehloDone) return this.send('503 5.5.1 Error: send HELO/EHLO first');
    if (this.authed) return this.send('503 5.5.1 Error: already authenticated');
    const advertised = this.extensions()
      .filter((l) => /^AUTH[ =]/i.test(l))
      .flatMap((l) => l.slice(5).toUpperCase().split(/[\s=]+/));
    const enforce = this.s.enforceAdvertisedAuth ?? true;
    if (enforce && !this.extensions().some((l) => /^AUTH[ =]/i.test(l))) {
      return this.send('503 5.5.1 Error: authentication not enabled');
    }
    if ((enforce && !advertised.includes(mech)) || !(SASL_MECHANISMS as readonly string[]).includes(mech)) {
      return this.send('504 5.7.4 Unrecognized authentication type');
    }
    const guard = (b64: string, next: (b64: string) => void) => {
      if (b64 === '*') return this.send('501 5.7.0 Authentication aborted');
      if (!isBase64(b64)) return this.send('501 5.5.2 Cannot decode response');
      next(b64);
    };
    const ask = (challenge: string, next: (b64: string) => void) => {
      this.send(challenge);
      this.pending = (line) => guard(line, next);
    };
    if (mech === 'LOGIN') {
      const askPass = (u: string) => ask('334 UGFzc3dvcmQ6', (p) => this.check(mech, b64decode(u), b64decode(p)));
      return initial !== undefined ? guard(initial, askPass) : ask('334 VXNlcm5hbWU6', askPass);
    }
    const finish = (b64: string) => {
      const decoded = decodeSasl(mech, b64);
      if ('raw' in decoded) return this.check(mech, '', '', '535 5.7.8 Error: authentication failed: malformed response');
      this.check(mech, decoded.user, decoded.pass);
    };
    if (initial !== undefined) return guard(initial === '=' ? '' : initial, finish);
    ask('334 ', finish);
  }

  private check(mechanism: string, user: string, pass: string, forced?: string): void {
    const reply = forced ?? (this.s.auth ?? (() => AUTH_FAILED))(mechanism, user, pass);
    this.auths.push({ command: 'AUTH', mechanism, user, pass, tls: this.wire.tls, reply });
    if (/^235/.test(reply)) this.authed = true;
    this.send(reply);
  }
}
