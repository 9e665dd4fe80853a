import type { Reason } from '../errors/catalogue.ts';

/**
 * How a provider's refusal of a login is read: the one table of rules, first match wins.
 *
 * A rule matches on the reply's structure first — the IMAP tagged status (`NO` refuses the
 * credentials, `BAD` refuses the command: RFC 9051 §7.1), the RFC 5530 response code, the SMTP
 * reply code and the RFC 3463 enhanced status code — and on a provider's own words only where
 * the structure is ambiguous (Microsoft's 5.7.139, Gmail's `[ALERT]` texts, QQ/163's
 * 授权码), after every structural rule that can decide. `mail/imap/classify.ts` and
 * `mail/smtp/classify.ts` read it, `docs/errors.md` renders it (`npm run docs:errors`), and
 * test/verify/classification.test.ts sends every rule's `example` through a scripted server.
 *
 * Only the reasons of the 403 status count as failed logins for the brute-force limits
 * (connect/authorize.ts `settle`): a `command_rejected` (422) is the server refusing how
 * Latchkey asked, not what the person typed.
 */
export interface LoginReply {
  protocol: 'imap' | 'smtp';
  /** IMAP: the tagged status of the LOGIN / AUTHENTICATE reply. */
  status?: 'NO' | 'BAD';
  /** IMAP: the response code in brackets, upper case (`AUTHENTICATIONFAILED`), '' when none. */
  code?: string;
  /** SMTP: the three-digit reply code. */
  replyCode?: number;
  /** SMTP: the RFC 3463 enhanced status code (`5.7.8`), '' when none. */
  enhanced?: string;
  /** The human-readable text, without tag, status, code or reply code. */
  text: string;
  /** What was sent: a password (LOGIN, PLAIN) or an OAuth access token (XOAUTH2, OAUTHBEARER). */
  credential: 'password' | 'token';
}

/** What a rule looks at; every field given must match, a list matches any of its entries. */
export interface Match {
  status?: 'NO' | 'BAD';
  codes?: readonly string[];
  /** Reply codes, or a class: 400–499 as 4, 500–599 as 5. */
  replyCodes?: readonly number[] | 4 | 5;
  enhanced?: readonly string[];
  /** A provider's words: the last resort, for known providers only. */
  text?: RegExp;
  credential?: 'password' | 'token';
}

export interface Rule {
  protocol: 'imap' | 'smtp';
  match: Match;
  reason: Reason;
  /** Where the meaning comes from: an RFC section or the provider whose replies it reads. */
  source: string;
  /** A reply as the server sends it (IMAP: after the tag), for the docs and the tests. */
  example: string;
  /** Replaces the catalogue's message when this rule decides. */
  message?: string;
}

const APP_PASSWORD = /application-specific password|app(lication)? password|authori[sz]ation code|authorized code|授权码/i;
const WEB_LOGIN = /log ?in via (your )?web ?browser|web ?login required|WEBALERT|verify your account/i;
const IMAP_OFF = /IMAP (access )?(is )?(disabled|not enabled|turned off)|not enabled for IMAP|IMAP use is disabled/i;
const BASIC_OFF = /basic auth(entication)? (is )?(disabled|blocked)|BasicAuthBlocked|does not allow direct password/i;
const BUSY =
  /too many (simultaneous )?connections|maximum number of connections|try again later|temporar(il)?y (unavailable|failure)|server (is )?busy/i;

/** The rules, in the order they are tried. */
export const LOGIN_RULES: readonly Rule[] = [
  // IMAP — structure first.
  {
    protocol: 'imap',
    match: { status: 'BAD' },
    reason: 'command_rejected',
    source: 'RFC 9051 §7.1.3: BAD is a protocol-level error in the command, not a refusal of the credentials',
    example: 'BAD [CLIENTBUG] Invalid characters in atom',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', codes: ['UNAVAILABLE', 'INUSE'] },
    reason: 'provider_unavailable',
    source: 'RFC 5530 §3 UNAVAILABLE, INUSE',
    example: 'NO [UNAVAILABLE] Temporary authentication failure',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', codes: ['PRIVACYREQUIRED'] },
    reason: 'tls_required',
    source: 'RFC 5530 §3 PRIVACYREQUIRED',
    example: 'NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections.',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', codes: ['CONTACTADMIN'] },
    reason: 'imap_disabled',
    source: 'RFC 5530 §3 CONTACTADMIN',
    example: 'NO [CONTACTADMIN] Contact your administrator',
    message: 'The server refused the login and asks to contact the administrator: IMAP access may be disabled for this account.',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', codes: ['EXPIRED'] },
    reason: 'invalid_credentials',
    source: 'RFC 5530 §3 EXPIRED',
    example: 'NO [EXPIRED] Password expired',
    message: 'The server says the password has expired. Change it with the provider, then try again.',
  },
  // IMAP — a provider's words, where NO [AUTHENTICATIONFAILED] / [ALERT] / no code says no more.
  {
    protocol: 'imap',
    match: { status: 'NO', text: APP_PASSWORD },
    reason: 'app_password_required',
    source: 'Gmail, Yahoo, iCloud, QQ/163 texts',
    example: 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', text: WEB_LOGIN },
    reason: 'web_login_required',
    source: 'Gmail [WEBALERT], Yahoo texts',
    example: 'NO [ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', text: IMAP_OFF },
    reason: 'imap_disabled',
    source: 'Gmail, Outlook.com texts',
    example: 'NO [ALERT] Your account is not enabled for IMAP use.',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', text: BASIC_OFF },
    reason: 'oauth_required',
    source: 'Microsoft 365 text',
    example: 'NO AUTHENTICATE failed: basic authentication is disabled.',
  },
  {
    protocol: 'imap',
    match: { status: 'NO', text: BUSY },
    reason: 'provider_unavailable',
    source: 'Gmail, Yahoo, Dovecot texts',
    example: 'NO [AUTHENTICATIONFAILED] Too many simultaneous connections, try again later',
  },
  // IMAP — the tagged NO itself.
  {
    protocol: 'imap',
    match: { status: 'NO', credential: 'token' },
    reason: 'oauth_login_refused',
    source: 'RFC 9051 §6.2.2/§6.2.3 NO: the token was refused',
    example: 'NO [AUTHENTICATIONFAILED] AUTHENTICATE failed.',
  },
  {
    protocol: 'imap',
    match: { status: 'NO' },
    reason: 'invalid_credentials',
    source: 'RFC 9051 §6.2.3 NO, RFC 5530 AUTHENTICATIONFAILED / AUTHORIZATIONFAILED',
    example: 'NO [AUTHENTICATIONFAILED] Authentication failed.',
  },

  // SMTP — the enhanced status codes and reply codes that decide alone.
  {
    protocol: 'smtp',
    match: { text: BASIC_OFF },
    reason: 'oauth_required',
    source: 'Microsoft 365: 5.7.139 with this text means a password was refused for an OAuth-only account',
    example: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
  },
  {
    protocol: 'smtp',
    match: { enhanced: ['5.7.139'] },
    reason: 'smtp_auth_disabled',
    source: 'Microsoft 365 5.7.139 (SmtpClientAuthentication disabled)',
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
  },
  {
    protocol: 'smtp',
    match: { enhanced: ['5.7.9'] },
    reason: 'app_password_required',
    source: 'RFC 4954 §6 5.7.9 (Gmail: app password)',
    example: '534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor',
  },
  {
    protocol: 'smtp',
    match: { replyCodes: [530] },
    reason: 'tls_required',
    source: 'RFC 3207 §4 530',
    example: '530 5.7.0 Must issue a STARTTLS command first',
  },
  {
    protocol: 'smtp',
    match: { enhanced: ['5.7.11'] },
    reason: 'tls_required',
    source: 'RFC 4954 §6 5.7.11 encryption required',
    example: '538 5.7.11 Encryption required for requested authentication mechanism',
  },
  {
    protocol: 'smtp',
    match: { replyCodes: [500, 501, 502, 503, 504] },
    reason: 'no_supported_auth_mechanism',
    source: 'RFC 4954 §4 504 unrecognized mechanism; 500–503 AUTH not understood',
    example: '504 5.7.4 Unrecognized authentication type',
  },
  {
    protocol: 'smtp',
    match: { enhanced: ['5.7.4', '5.5.4'] },
    reason: 'no_supported_auth_mechanism',
    source: 'RFC 4954 §6 5.7.4 security features not supported',
    example: '535 5.7.4 Security features not supported',
  },
  {
    protocol: 'smtp',
    match: { replyCodes: 4 },
    reason: 'provider_unavailable',
    source: 'RFC 5321 §4.2.1 4yz transient (454 4.7.0 temporary authentication failure)',
    example: '454 4.7.0 Temporary authentication failure',
  },
  // SMTP — a provider's words, where a bare 535 says no more.
  {
    protocol: 'smtp',
    match: { replyCodes: 5, text: APP_PASSWORD },
    reason: 'app_password_required',
    source: 'QQ/163, Yahoo texts',
    example:
      '535 Login Fail. Please enter your authorization code to login. More information in ' +
      'http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256',
  },
  // SMTP — the credentials refused (RFC 4954 §6 535 5.7.8), then any other permanent refusal.
  {
    protocol: 'smtp',
    match: { replyCodes: [534, 535], credential: 'token' },
    reason: 'oauth_login_refused',
    source: 'RFC 4954 §6 535 5.7.8 / Microsoft 535 5.7.3 after XOAUTH2',
    example: '535 5.7.3 Authentication unsuccessful',
  },
  {
    protocol: 'smtp',
    match: { enhanced: ['5.7.8'], credential: 'token' },
    reason: 'oauth_login_refused',
    source: 'RFC 4954 §6 5.7.8',
    example: '554 5.7.8 Error: authentication failed: invalid token',
  },
  {
    protocol: 'smtp',
    match: { replyCodes: [534, 535] },
    reason: 'invalid_credentials',
    source: 'RFC 4954 §6 535 5.7.8 authentication credentials invalid',
    example: '535 5.7.8 Error: authentication failed: authentication failure',
  },
  {
    protocol: 'smtp',
    match: { enhanced: ['5.7.8'] },
    reason: 'invalid_credentials',
    source: 'RFC 4954 §6 5.7.8',
    example: '554 5.7.8 Error: authentication failed',
  },
  {
    protocol: 'smtp',
    match: { replyCodes: 5 },
    reason: 'command_rejected',
    source: 'RFC 5321 §4.2.1 5yz: the AUTH command refused, not the credentials',
    example: '550 5.7.1 Client host rejected: access denied',
  },
];

function matches(m: Match, r: LoginReply): boolean {
  if (m.status !== undefined && m.status !== r.status) return false;
  if (m.codes && !m.codes.includes(r.code ?? '')) return false;
  if (m.replyCodes !== undefined) {
    const rc = r.replyCode ?? 0;
    if (typeof m.replyCodes === 'number' ? Math.floor(rc / 100) !== m.replyCodes : !m.replyCodes.includes(rc)) return false;
  }
  if (m.enhanced && !m.enhanced.includes(r.enhanced ?? '')) return false;
  if (m.text && !m.text.test(r.text)) return false;
  if (m.credential && m.credential !== r.credential) return false;
  return true;
}

/** The first rule that matches `reply`, or undefined (the caller then reports a protocol error). */
export function classifyLoginReply(reply: LoginReply): Rule | undefined {
  return LOGIN_RULES.find((rule) => rule.protocol === reply.protocol && matches(rule.match, reply));
}

/**
 * Splits an IMAP tagged reply as the server sends it (`[tag] NO [CODE args] text`).
 * @returns status, upper-case code ('' when none) and text; status undefined when not NO/BAD.
 */
export function parseImapReply(line: string, credential: LoginReply['credential']): LoginReply {
  const m = /^(?:\S+\s+)?(NO|BAD)\s+(?:\[([A-Za-z0-9-]+)[^\]]*\]\s*)?(.*)$/is.exec(line.trim());
  const status = m?.[1]?.toUpperCase() as LoginReply['status'];
  return { protocol: 'imap', ...(status ? { status } : {}), code: (m?.[2] ?? '').toUpperCase(), text: m?.[3] ?? line, credential };
}

/**
 * Splits an SMTP reply (one or several lines, `535-…` continuations included) into the reply
 * code of its last line, the enhanced status code (RFC 2034) and the text.
 */
export function parseSmtpReply(reply: string, credential: LoginReply['credential']): LoginReply {
  const lines = reply.trim().split(/\r?\n/);
  const last = lines.at(-1) ?? '';
  const replyCode = Number(/^(\d{3})/.exec(last)?.[1] ?? 0);
  const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(last)?.[1] ?? '';
  const text = lines
    .map((l) => l.replace(/^\d{3}[ -](?:[245]\.\d{1,3}\.\d{1,3}\s*)?/, ''))
    .join(' ')
    .trim();
  return { protocol: 'smtp', replyCode, enhanced, text, credential };
}

/** The table as Markdown for docs/errors.md. */
export function renderLoginRules(): string[] {
  const describe = (m: Match): string => {
    const parts: string[] = [];
    if (m.status) parts.push(`tagged \`${m.status}\``);
    if (m.codes) parts.push(m.codes.map((c) => `\`[${c}]\``).join(' or '));
    if (m.replyCodes !== undefined)
      parts.push(
        typeof m.replyCodes === 'number' ? `reply \`${m.replyCodes}xx\`` : `reply ${m.replyCodes.map((c) => `\`${c}\``).join(', ')}`,
      );
    if (m.enhanced) parts.push(`enhanced ${m.enhanced.map((c) => `\`${c}\``).join(', ')}`);
    if (m.text) parts.push('provider text');
    if (m.credential) parts.push(m.credential === 'token' ? 'after an OAuth token' : 'after a password');
    return parts.join(', ');
  };
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| # | protocol | reply | reason | source | example |',
    '| --- | --- | --- | --- | --- | --- |',
    ...LOGIN_RULES.map(
      (r, i) =>
        `| ${i + 1} | ${r.protocol.toUpperCase()} | ${describe(r.match)} | \`${r.reason}\` | ${cell(r.source)} | \`${cell(r.example)}\` |`,
    ),
  ];
}
