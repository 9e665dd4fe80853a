/**
 * Built-in provider table: which hosts a `provider` value means, how its users log in, and the
 * domains / MX patterns that identify it. Facts from the Nylas v2 reference §7.2 (sync-engine
 * provider table and the Nylas imap-provider-settings list), restated as Latchkey's own data.
 * Operators override or extend entries with `LATCHKEY_PROVIDERS_FILE` (DECISIONS "Running it").
 */
import { createRequire } from 'node:module';
import type { Security } from '../mail/login.ts';
import type BuiltinJson from './builtin.json';

// Read through require, not `import … with { type: 'json' }`: Node 20.11–20.18 (package.json's engines)
// print an ExperimentalWarning for a JSON module on every start. The type-only import keeps the file
// in tsc's program, so the build copies it to dist/.
const builtin = createRequire(import.meta.url)('./builtin.json') as typeof BuiltinJson;

export interface ServerEntry {
  host: string;
  port: number;
  security: Security;
  /** Login name form for this server when it differs from the entry's (iCloud: IMAP local part, SMTP address). */
  username?: 'email' | 'local_part';
}

export interface ProviderEntry {
  /** Display name for messages. */
  label?: string;
  /** `password` (variant K), `oauth` (Google/Microsoft, variants G1/M1), `exchange` (E1). */
  auth?: 'password' | 'oauth' | 'exchange';
  domains?: string[];
  /** MX host patterns, `*` wildcard. */
  mx?: string[];
  imap?: ServerEntry;
  smtp?: ServerEntry;
  /** Login name form: the full address or only the local part. */
  username?: 'email' | 'local_part';
  /** The provider is known to require app passwords for IMAP (messages say so on a refusal). */
  appPasswords?: boolean;
  /**
   * Passwords are refused although the entry is reached with the password variant (detection's
   * `oauth_required`). Outlook.com ended Basic authentication for IMAP/SMTP on 16 September 2024
   * (Microsoft, "Modern Auth and Unsecure Apps – Outlook.com", support.microsoft.com).
   */
  oauthRequired?: boolean;
  /**
   * The IMAP server refuses `AUTHENTICATE PLAIN` with `NO [AUTHENTICATIONFAILED]` yet accepts the
   * same password with `LOGIN` (iCloud; DECISIONS "Verifying credentials"): only then is a refused
   * PLAIN retried with LOGIN. Elsewhere a credentials refusal is final, so that one wrong password
   * costs one failed login at the provider, not two (issue 13; providers lock accounts after a
   * handful of failures).
   */
  imapLoginAfterPlain?: boolean;
  /** OAuth providers: which identity platform, and endpoint overrides (the LATCHKEY_*_URL variables win). */
  oauth?: { platform?: 'google' | 'microsoft'; token_url?: string; userinfo_url?: string };
  ews?: { url?: string };
}

/**
 * The built-in entries, kept as data in `builtin.json` — the same format as an operator's
 * `LATCHKEY_PROVIDERS_FILE`, checked by the same {@link entryProblem} when this module loads.
 * Order matters where detection takes the first entry that matches (JSON.parse keeps the file's
 * order, with integer-like names such as "163" first, as an object literal would).
 */
export const BUILTIN_PROVIDERS: Record<string, ProviderEntry> = checkedTable(builtin);

function checkedTable(table: Record<string, unknown>): Record<string, ProviderEntry> {
  for (const [name, entry] of Object.entries(table)) {
    const problem = entryProblem(entry);
    if (problem) throw new Error(`providers/builtin.json: entry ${JSON.stringify(name)}: ${problem}`);
  }
  return table as Record<string, ProviderEntry>;
}

/** What is wrong with one entry of the providers file, if anything (DECISIONS "Running it" gives the shape). */
export function entryProblem(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'is not an object';
  const e = entry as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (e.domains !== undefined && !strings(e.domains)) return '"domains" must be an array of strings';
  if (e.mx !== undefined && !strings(e.mx)) return '"mx" must be an array of patterns (strings)';
  if (e.username !== undefined && e.username !== 'email' && e.username !== 'local_part')
    return '"username" must be "email" or "local_part"';
  if (e.auth !== undefined && !['password', 'oauth', 'exchange'].includes(String(e.auth)))
    return '"auth" must be "password", "oauth" or "exchange"';
  if (e.oauthRequired !== undefined && typeof e.oauthRequired !== 'boolean') return '"oauthRequired" must be true or false';
  if (e.imapLoginAfterPlain !== undefined && typeof e.imapLoginAfterPlain !== 'boolean')
    return '"imapLoginAfterPlain" must be true or false';
  for (const k of ['imap', 'smtp'] as const) {
    const srv = e[k];
    if (srv === undefined) continue;
    if (!srv || typeof srv !== 'object') return `"${k}" must be an object {host, port, security}`;
    const v = srv as Record<string, unknown>;
    if (v.host !== undefined && (typeof v.host !== 'string' || !v.host)) return `"${k}.host" must be a host name`;
    if (v.port !== undefined && !(Number.isInteger(v.port) && (v.port as number) >= 1 && (v.port as number) <= 65535))
      return `"${k}.port" must be a port number`;
    if (v.security !== undefined && !['ssl', 'starttls', 'none', 'auto'].includes(String(v.security)))
      return `"${k}.security" must be ssl, starttls, none or auto`;
  }
  return undefined;
}

/** Providers Latchkey does not verify: they answer 400 `unsupported_provider`. */
export const NOT_YET_SUPPORTED: Record<string, string> = {
  nylas: 'Virtual calendars (provider "nylas") are not supported by Latchkey.',
};
