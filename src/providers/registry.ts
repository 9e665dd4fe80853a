import { readFileSync } from 'node:fs';
import { BUILTIN_PROVIDERS, type ProviderEntry } from './table.ts';

/**
 * The provider table in force: the built-in entries with `LATCHKEY_PROVIDERS_FILE` merged over
 * them field by field (an entry in the file may also add a new provider).
 * @throws Error when the file cannot be read or is not an object of entries.
 */
export function loadProviders(file: string | undefined): Record<string, ProviderEntry> {
  const table: Record<string, ProviderEntry> = structuredClone(BUILTIN_PROVIDERS);
  if (!file) return table;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw new Error(`not valid JSON (${(err as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected a JSON object keyed by provider name');
  for (const [name, entry] of Object.entries(raw as Record<string, ProviderEntry>)) {
    const problem = entryProblem(entry);
    if (problem) throw new Error(`entry ${JSON.stringify(name)}: ${problem}`);
    const base = table[name] ?? { auth: 'password' as const };
    table[name] = {
      ...base,
      ...entry,
      ...(entry.imap ? { imap: { ...base.imap, ...entry.imap } as ProviderEntry['imap'] } : {}),
      ...(entry.smtp ? { smtp: { ...base.smtp, ...entry.smtp } as ProviderEntry['smtp'] } : {}),
    };
  }
  return table;
}

/** What is wrong with one entry of the providers file, if anything (DECISIONS "Running it" gives the shape). */
function entryProblem(entry: unknown): string | undefined {
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
