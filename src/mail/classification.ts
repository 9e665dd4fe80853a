import { createRequire } from 'node:module';
import { CATALOGUE, type Reason } from '../errors/catalogue.ts';
import type LoginRulesJson from './login-rules.json';

// Read through require, not `import … with { type: 'json' }`: Node 20.11–20.18 (package.json's engines)
// print an ExperimentalWarning for a JSON module on every start. The type-only import keeps the file
// in tsc's program, so the build copies it to dist/.
const ruleGroups = createRequire(import.meta.url)('./login-rules.json') as typeof LoginRulesJson;

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

/** The provider words the rules of `login-rules.json` name in `match.text` (case-insensitive). */
const PATTERNS: Record<string, RegExp> = {
  APP_PASSWORD: /application-specific password|app(lication)? password|authori[sz]ation code|authorized code|授权码/i,
  WEB_LOGIN: /log ?in via (your )?web ?browser|web ?login required|WEBALERT|verify your account/i,
  IMAP_OFF: /IMAP (access )?(is )?(disabled|not enabled|turned off)|not enabled for IMAP|IMAP use is disabled/i,
  BASIC_OFF: /basic auth(entication)? (is )?(disabled|blocked)|BasicAuthBlocked|does not allow direct password/i,
  BUSY: new RegExp(
    [
      'too many (simultaneous )?connections',
      'maximum number of connections',
      'try again later',
      'temporar(il)?y (unavailable|failure)',
      'server (is )?busy',
    ].join('|'),
    'i',
  ),
};

/**
 * The rules, in the order they are tried: `login-rules.json`, grouped under headings that say
 * why each group stands where it does (structure first, a provider's words last), flattened in
 * the file's order. Checked when this module loads: every reason is in the catalogue, every
 * `match.text` names a pattern above.
 */
export const LOGIN_RULES: readonly Rule[] = Object.values(ruleGroups as Record<string, RuleData[]>)
  .flat()
  .map((r, i) => {
    const where = `mail/login-rules.json rule ${i + 1}`;
    if (!Object.hasOwn(CATALOGUE, r.reason)) throw new Error(`${where}: unknown reason ${JSON.stringify(r.reason)}`);
    const { text, ...match } = r.match;
    if (text !== undefined && !Object.hasOwn(PATTERNS, text)) throw new Error(`${where}: unknown pattern ${JSON.stringify(text)}`);
    return { ...r, reason: r.reason as Reason, match: { ...(match as Match), ...(text !== undefined ? { text: PATTERNS[text]! } : {}) } };
  });

/** A rule as `login-rules.json` holds it: `match.text` names one of {@link PATTERNS}. */
type RuleData = Omit<Rule, 'match' | 'reason'> & { reason: string; match: Omit<Match, 'text'> & { text?: string } };

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
