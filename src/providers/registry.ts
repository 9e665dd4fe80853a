import { readFileSync } from 'node:fs';
import { BUILTIN_PROVIDERS, entryProblem, type ProviderEntry } from './table.ts';

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
