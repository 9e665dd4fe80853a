/**
 * Scripted in-process IMAP server for behaviour a real Dovecot cannot show (odd greetings,
 * broken STARTTLS, picky LOGIN parsing, provider-specific refusals). Test use only; listens
 * on loopback.
 */
import { listen, Recorder, type AuthAttempt, type FakeServer, type ListenOptions, type TlsMaterial, type Wire } from './fake-common.ts';
import { ImapFramer, ImapSyntaxError, isStrictAstring, parseCommand, tokenValue, type ImapCommand, type ImapToken } from './fake-imap-syntax.ts';
import { b64decode, decodeSasl, isBase64, SASL_MECHANISMS, type SaslCredentials } from './fake-sasl.ts';

export type { ImapToken } from './fake-imap-syntax.ts';
export type { SaslCredentials } from './fake-sasl.ts';
export type { AuthAttempt, FakeServer, TlsMaterial, TranscriptEntry } from './fake-common.ts';

/** What the fake IMAP server does. Every field is optional. */
export interface FakeImapScript extends ListenOptions {
  /**
   * Greeting line; default `* OK [CAPABILITY <capabilities>] fake ready`. `null`: never greet.
   * Commands received before the greeting (or with no greeting) are recorded, never answered.
   */
  greeting?: string | null;
  /** Delay before the greeting (any kind). */
  greetingDelayMs?: number;
  /** Greet with `* BYE <text>` and close. */
  byeGreeting?: string;
  /** Greet with these bytes verbatim (e.g. `+OK POP3 ready\r\n`), then only record input. */
  rawGreeting?: string | Buffer;
  /** Capabilities before TLS (and on implicit TLS). Default: IMAP4rev1 ID NAMESPACE ENABLE UNSELECT. */
  capabilities?: string[];
  /** Capabilities after STARTTLS. Default: `capabilities` without STARTTLS and LOGINDISABLED. */
  capabilitiesAfterTls?: string[];
  /** STARTTLS handling. Default 'ok' when STARTTLS is advertised, else 'absent'. */
  starttls?: 'ok' | 'absent' | 'ok-then-fail';
  /** For 'ok-then-fail': answer the ClientHello with plaintext junk (default) or drop the socket. */
  starttlsFailMode?: 'garbage' | 'close';
  /** Certificate for STARTTLS; defaults to `tls`. */
  starttlsCert?: TlsMaterial;
  /** BAD for an unquoted LOGIN argument containing `% * ~ ( ) {`, quotes, controls or non-ASCII. */
  strictAtoms?: boolean;
  /** After this many BAD replies the server sends `* BYE` and closes. Default 3. */
  maxBads?: number;
  /** LOGIN handler: the tagged reply after the tag. Default: `NO [AUTHENTICATIONFAILED] ...`. */
  login?: (user: string, pass: string) => string;
  /** AUTHENTICATE handler. Default: PLAIN and LOGIN go to `login`, OAuth mechanisms get NO. */
  authenticate?: (mechanism: string, decoded: SaslCredentials) => string;
  /** Reply to LOGIN while LOGINDISABLED is advertised. Default `BAD Command received in Invalid state.` */
  loginDisabledReply?: string;
  /**
   * Override for any command, consulted first. A string is the tagged reply text; an array is
   * untagged lines sent verbatim followed by the tagged reply text (last element; '' = none).
   * An untagged `* BYE` closes the connection after the reply. `undefined`: default handling.
   */
  onCommand?: (tag: string, name: string, args: ImapToken[]) => string | string[] | undefined;
}

/** The running fake IMAP server. */
export interface FakeImapServer extends FakeServer {
  /** Every LOGIN / AUTHENTICATE that reached the credential check. */
  auths: AuthAttempt[];
}

const DEFAULT_CAPS = ['IMAP4rev1', 'ID', 'NAMESPACE', 'ENABLE', 'UNSELECT'];
const AUTH_FAILED = 'NO [AUTHENTICATIONFAILED] Authentication failed.';
const NEEDS_AUTH = new Set(['NAMESPACE', 'ENABLE', 'LIST', 'LSUB', 'SELECT', 'EXAMINE', 'STATUS', 'CLOSE', 'UNSELECT']);

/** Starts a fake IMAP server on loopback (port 0) that follows `script`. */
export async function startFakeImap(script: FakeImapScript = {}): Promise<FakeImapServer> {
  const caps = script.capabilities ?? DEFAULT_CAPS;
  const starttls = script.starttls ?? (caps.includes('STARTTLS') ? 'ok' : 'absent');
  if (starttls === 'ok' && !(script.starttlsCert ?? script.tls)) throw new Error('starttls "ok" needs starttlsCert');
  const rec = new Recorder();
  const auths: AuthAttempt[] = [];
  const base = await listen(script, rec, (wire) => new ImapSession(wire, script, auths).start());
  return Object.assign(base, { auths });
}

class ImapSession {
  private readonly framer = new ImapFramer(() => this.wire.send('+ go ahead'));
  private authed = false;
  private upgraded = false;
  private switching = false;
  private rawMode = false;
  private greeted = false;
  private bads = 0;
  private pendingSasl: ((line: string) => void) | null = null;

  constructor(
    private readonly wire: Wire,
    private readonly s: FakeImapScript,
    private readonly auths: AuthAttempt[],
  ) {}

  start(): void {
    this.wire.onData = (chunk) => this.onData(chunk);
    this.wire.onClose = () => {
      const rest = this.framer.pending();
      if (rest.length) this.wire.record(rest.toString('utf8'));
    };
    if (this.s.greetingDelayMs) this.wire.later(this.s.greetingDelayMs, () => this.greet());
    else this.greet();
  }

  private caps(): string[] {
    const before = this.s.capabilities ?? DEFAULT_CAPS;
    if (!this.upgraded) return before;
    return this.s.capabilitiesAfterTls ?? before.filter((c) => c !== 'STARTTLS' && c !== 'LOGINDISABLED');
  }

  private greet(): void {
    this.greeted = true;
    if (this.s.rawGreeting !== undefined) {
      this.rawMode = true;
      this.wire.sendRaw(this.s.rawGreeting);
    } else if (this.s.byeGreeting !== undefined) {
      this.wire.send(`* BYE ${this.s.byeGreeting}`);
      this.wire.end();
    } else if (this.s.greeting !== null) {
      this.wire.send(this.s.greeting ?? `* OK [CAPABILITY ${this.caps().join(' ')}] fake ready`);
    }
  }

  private onData(chunk: Buffer): void {
    let commands: Buffer[];
    try {
      commands = this.framer.push(chunk);
    } catch {
      this.wire.send('* BYE Input too long');
      return this.wire.end();
    }
    for (const line of commands) {
      if (this.wire.closed || this.switching) return;
      const text = line.toString('utf8');
      this.wire.record(text);
      if (this.rawMode || !this.greeted || this.s.greeting === null) continue;
      const sasl = this.pendingSasl;
      this.pendingSasl = null;
      if (sasl) sasl(text);
      else this.handle(line);
    }
  }

  private reply(tag: string, text: string): void {
    this.wire.send(`${tag} ${text}`);
    if (/^BAD\b/i.test(text) && ++this.bads >= (this.s.maxBads ?? 3)) {
      this.wire.send('* BYE Too many invalid IMAP commands.');
      this.wire.end();
    }
  }

  private handle(line: Buffer): void {
    let cmd: ImapCommand;
    try {
      cmd = parseCommand(line, !!this.s.strictAtoms);
    } catch (e) {
      if (!(e instanceof ImapSyntaxError)) throw e;
      return this.reply(e.tag, `BAD Error in IMAP command: ${e.message}`);
    }
    const custom = this.s.onCommand?.(cmd.tag, cmd.name, cmd.args);
    if (custom !== undefined) return this.scripted(cmd, custom);
    if (NEEDS_AUTH.has(cmd.name) && !this.authed) return this.reply(cmd.tag, 'BAD Command received in Invalid state.');
    const { tag, args } = cmd;
    const ok = (...untagged: string[]) => {
      for (const u of untagged) this.wire.send(u);
      this.reply(tag, `OK ${cmd.name} completed.`);
    };
    switch (cmd.name) {
      case 'CAPABILITY':
        return ok(`* CAPABILITY ${this.caps().join(' ')}`);
      case 'NOOP':
      case 'CLOSE':
      case 'UNSELECT':
        return ok();
      case 'LOGOUT':
        ok('* BYE Logging out');
        return this.wire.end();
      case 'ID':
        return ok('* ID NIL');
      case 'NAMESPACE':
        return ok('* NAMESPACE (("" "/")) NIL NIL');
      case 'ENABLE': {
        const wanted = args.map((a) => tokenValue(a) ?? '').filter((a) => this.caps().includes(a));
        return ok(`* ENABLED${wanted.map((w) => ' ' + w).join('')}`);
      }
      case 'LIST':
      case 'LSUB':
        if (tokenValue(args[1]) === '') return ok(`* ${cmd.name} (\\Noselect) "/" ""`);
        return ok(`* ${cmd.name} (\\HasNoChildren) "/" INBOX`);
      case 'SELECT':
      case 'EXAMINE':
        return this.select(cmd);
      case 'STATUS':
        return this.status(cmd);
      case 'STARTTLS':
        return this.starttls(tag);
      case 'LOGIN':
        return this.login(cmd);
      case 'AUTHENTICATE':
        return this.authenticate(cmd);
      default:
        return this.reply(tag, 'BAD Unknown command.');
    }
  }

  private scripted(cmd: ImapCommand, custom: string | string[]): void {
    const lines = Array.isArray(custom) ? [...custom] : [custom];
    const tagged = lines.pop() ?? '';
    for (const l of lines) this.wire.send(l);
    if (tagged) this.reply(cmd.tag, tagged);
    if ((cmd.name === 'LOGIN' || cmd.name === 'AUTHENTICATE') && /^OK\b/i.test(tagged)) this.authed = true;
    if (lines.some((l) => /^\* BYE\b/i.test(l))) this.wire.end();
  }

  private select(cmd: ImapCommand): void {
    if (tokenValue(cmd.args[0])?.toUpperCase() !== 'INBOX') return this.reply(cmd.tag, "NO Mailbox doesn't exist.");
    for (const l of [
      '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
      '* OK [PERMANENTFLAGS ()] No permanent flags permitted.',
      '* 0 EXISTS',
      '* 0 RECENT',
      '* OK [UIDVALIDITY 1] UIDs valid',
      '* OK [UIDNEXT 1] Predicted next UID',
    ]) {
      this.wire.send(l);
    }
    const mode = cmd.name === 'EXAMINE' ? 'READ-ONLY' : 'READ-WRITE';
    this.reply(cmd.tag, `OK [${mode}] ${cmd.name} completed.`);
  }

  private status(cmd: ImapCommand): void {
    const items = cmd.args[1]?.type === 'list' ? cmd.args[1].items : [];
    const values: Record<string, number> = { UIDNEXT: 1, UIDVALIDITY: 1, HIGHESTMODSEQ: 1 };
    const parts = items.map((i) => (tokenValue(i) ?? '').toUpperCase()).map((n) => `${n} ${values[n] ?? 0}`);
    this.wire.send(`* STATUS INBOX (${parts.join(' ')})`);
    this.reply(cmd.tag, 'OK STATUS completed.');
  }

  private starttls(tag: string): void {
    const caps = this.s.capabilities ?? DEFAULT_CAPS;
    const mode = this.s.starttls ?? (caps.includes('STARTTLS') ? 'ok' : 'absent');
    if (this.wire.tls) return this.reply(tag, 'BAD TLS is already active.');
    if (this.authed || mode === 'absent') return this.reply(tag, 'BAD STARTTLS not supported.');
    this.reply(tag, 'OK Begin TLS negotiation now.');
    this.switching = true;
    this.framer.discard();
    const upgradeMode = mode === 'ok' ? 'ok' : (this.s.starttlsFailMode ?? 'garbage');
    this.wire.upgrade(upgradeMode, this.s.starttlsCert ?? this.s.tls, () => {
      this.switching = false;
      this.upgraded = true;
    });
  }

  private login(cmd: ImapCommand): void {
    if (this.authed) return this.reply(cmd.tag, 'BAD Command received in Invalid state.');
    if (this.caps().includes('LOGINDISABLED')) {
      return this.reply(cmd.tag, this.s.loginDisabledReply ?? 'BAD Command received in Invalid state.');
    }
    const [u, p] = cmd.args;
    if (cmd.args.length !== 2 || !u || !p || !isStrictAstring(u, false) || !isStrictAstring(p, false)) {
      return this.reply(cmd.tag, 'BAD Error in IMAP command LOGIN: Invalid arguments.');
    }
    if (!isStrictAstring(u, !!this.s.strictAtoms) || !isStrictAstring(p, !!this.s.strictAtoms)) {
      return this.reply(cmd.tag, 'BAD Error in IMAP command LOGIN: Invalid characters in atom.');
    }
    this.check(cmd.tag, undefined, { authzid: '', user: tokenValue(u) ?? '', pass: tokenValue(p) ?? '' });
  }

  /** Runs the credential check; `mechanism` undefined means the LOGIN command. */
  private check(tag: string, mechanism: string | undefined, decoded: SaslCredentials): void {
    const login = this.s.login ?? (() => AUTH_FAILED);
    const { user, pass } = 'raw' in decoded ? { user: '', pass: '' } : decoded;
    let reply: string;
    if (mechanism === undefined) reply = login(user, pass);
    else if (this.s.authenticate) reply = this.s.authenticate(mechanism, decoded);
    else if ('raw' in decoded || (mechanism !== 'PLAIN' && mechanism !== 'LOGIN')) reply = AUTH_FAILED;
    else reply = login(user, pass);
    const command = mechanism === undefined ? 'LOGIN' : 'AUTHENTICATE';
    this.auths.push({ command, mechanism: mechanism ?? 'LOGIN', user, pass, tls: this.wire.tls, reply });
    this.reply(tag, reply);
    if (/^OK\b/i.test(reply)) this.authed = true;
  }

  private authenticate(cmd: ImapCommand): void {
    const { tag, args } = cmd;
    const mech = (tokenValue(args[0]) ?? '').toUpperCase();
    if (this.authed) return this.reply(tag, 'BAD Command received in Invalid state.');
    if (args.length < 1 || args.length > 2) return this.reply(tag, 'BAD Invalid arguments.');
    if (!(SASL_MECHANISMS as readonly string[]).includes(mech) || !this.caps().includes(`AUTH=${mech}`)) {
      return this.reply(tag, 'BAD Unsupported mechanism');
    }
    const guard = (b64: string, next: (b64: string) => void) => {
      if (b64 === '*') return this.reply(tag, 'BAD Authentication aborted.');
      if (!isBase64(b64)) return this.reply(tag, 'BAD Invalid base64 data.');
      next(b64);
    };
    if (mech === 'LOGIN') {
      this.wire.send('+ VXNlcm5hbWU6');
      this.pendingSasl = (u) =>
        guard(u, () => {
          this.wire.send('+ UGFzc3dvcmQ6');
          this.pendingSasl = (p) => guard(p, () => this.check(tag, 'LOGIN', { authzid: '', user: b64decode(u), pass: b64decode(p) }));
        });
      return;
    }
    const finish = (b64: string) => this.check(tag, mech, decodeSasl(mech, b64));
    const initial = tokenValue(args[1]);
    if (initial !== undefined) return guard(initial === '=' ? '' : initial, finish);
    this.wire.send('+ ');
    this.pendingSasl = (line) => guard(line, finish);
  }
}
