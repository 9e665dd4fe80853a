import type { Step } from '../errors/api-error.ts';
import type { DialContext } from '../net/dial.ts';
import type { VerifyObserver } from './events.ts';

/** `imap_security` / `smtp_security` (DECISIONS "Verifying credentials"). */
export type Security = 'ssl' | 'starttls' | 'none' | 'auto';

/** One server to verify against, with credentials resolved (usernames defaulted, passwords filled in). */
export interface ServerLogin {
  host: string;
  port: number;
  security: Security;
  /** Never send credentials before TLS unless false (DECISIONS: default true). */
  sslRequired: boolean;
  username: string;
  password: string;
  /** True when the username was not given and defaulted to the email address (for a hint on failure). */
  usernameDefaulted: boolean;
  /**
   * OAuth providers (gmail, office365, graph): an access token sent with SASL XOAUTH2 /
   * OAUTHBEARER (RFC 7628) instead of the password, which is then empty.
   */
  accessToken?: string;
}

export interface VerifyContext extends DialContext {
  /** ms, one command or reply. */
  commandTimeoutMs: number;
  /** SMTP EHLO name. */
  ehloName: string;
  /** Display name of the provider, for messages ("Yahoo"). */
  providerLabel: string | undefined;
  /** Whether the provider is known to require app passwords (Yahoo, AOL, iCloud …). */
  appPasswordsUsual: boolean;
  /** Whether a refused AUTHENTICATE PLAIN is retried with LOGIN (providers/table.ts `imapLoginAfterPlain`). */
  imapLoginAfterPlain: boolean;
  /** Step-by-step report for `latchkey doctor` (verify/events.ts); the server leaves it unset. */
  onEvent?: VerifyObserver;
  /** Told each step as it starts, so a deadline error can name the step that was stuck. */
  onStep?: (step: Step) => void;
}

/** What a successful IMAP verification saw. */
export interface ImapEvidence {
  mechanism: 'AUTHENTICATE PLAIN' | 'LOGIN' | 'AUTHENTICATE OAUTHBEARER' | 'AUTHENTICATE XOAUTH2';
  capabilities: string[];
  folders: number;
  attempts: number;
}

export interface SmtpEvidence {
  mechanism: string;
  secure: boolean;
}

/** Plain/TLS plan for a connection derived from port, security and `ssl_required`. */
export interface TlsPlan {
  implicitTls: boolean;
  /** STARTTLS: 'required' (fail without), 'never', or 'opportunistic' (only with ssl_required false). */
  starttls: 'required' | 'never' | 'opportunistic';
}

/**
 * DECISIONS: `auto` means implicit TLS on 993/465, STARTTLS elsewhere when offered; with
 * `ssl_required` (the default) STARTTLS is required on a plaintext port.
 */
export function planTls(login: Pick<ServerLogin, 'port' | 'security' | 'sslRequired'>, implicitPort: number): TlsPlan {
  switch (login.security) {
    case 'ssl':
      return { implicitTls: true, starttls: 'never' };
    case 'starttls':
      return { implicitTls: false, starttls: 'required' };
    case 'none':
      return { implicitTls: false, starttls: 'never' };
    case 'auto':
      if (login.port === implicitPort) return { implicitTls: true, starttls: 'never' };
      return { implicitTls: false, starttls: login.sslRequired ? 'required' : 'opportunistic' };
  }
}

/** STARTTLS policy for the connection actually made (dialAuto may have switched TLS mode). */
export function starttlsFor(plan: TlsPlan, secure: boolean, sslRequired: boolean): TlsPlan['starttls'] {
  if (secure) return 'never';
  if (plan.implicitTls) return sslRequired ? 'required' : 'opportunistic';
  return plan.starttls;
}
