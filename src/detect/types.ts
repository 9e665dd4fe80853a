import type { Security } from '../mail/login.ts';

/** Which method found the settings (DECISIONS "Detection": `source`). */
export type Source = 'builtin' | 'mx' | 'autoconfig' | 'ispdb' | 'ispdb_mx' | 'srv' | 'guess';

/** One server as a source describes it. `username` is a template with Thunderbird placeholders. */
export interface ServerCandidate {
  host: string;
  port: number;
  security: Security;
  /** `%EMAILADDRESS%`, `%EMAILLOCALPART%`, `%EMAILDOMAIN%` (Thunderbird autoconfig placeholders). */
  username: string;
}

/** What one source found for a domain (per protocol; either may be missing). */
export interface Finding {
  source: Source;
  imap?: ServerCandidate;
  smtp?: ServerCandidate;
  /** Built-in provider key (`yahoo`, `gmail`, …) when the table matched. */
  provider?: string;
  /** A display name from the source (autoconfig `displayShortName`). */
  displayName?: string;
  /** The provider accepts only OAuth (Google, Microsoft 365): passwords will be refused. */
  oauthRequired?: boolean;
  /** Every server the source lists, in its order (`imap` / `smtp` is the one chosen: candidates.ts). */
  imapCandidates?: ServerCandidate[];
  smtpCandidates?: ServerCandidate[];
}

/** One line of the trace `latchkey detect` prints. */
export interface TraceStep {
  source: Source | 'dns';
  target: string;
  outcome: 'found' | 'none' | 'error' | 'skipped';
  detail?: string;
  ms: number;
}

/** Detection for a domain (cached), before usernames are resolved for one address. */
export interface DomainDetection {
  domain: string;
  imap?: ServerCandidate & { source: Source };
  smtp?: ServerCandidate & { source: Source };
  provider?: string;
  displayName?: string;
  oauthRequired: boolean;
  /**
   * When the source listed several servers for a protocol: which one answered and won, and why
   * the earlier ones were skipped (candidates.ts). Cached with the answer.
   */
  choice?: { imap?: string; smtp?: string };
  trace: TraceStep[];
  /** The deadline cut the detection short (such an answer is not cached). */
  timedOut?: boolean;
}
