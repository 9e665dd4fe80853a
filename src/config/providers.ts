import { loadProviders } from '../providers/registry.ts';
import { checkedPath, type EnvReader } from './read.ts';

/** What the operator changes about providers: the table, the OAuth endpoints. */
export interface ProvidersConfig {
  /** `LATCHKEY_PROVIDERS_FILE`: JSON merged over the built-in provider table. */
  providersFile: string | undefined;
  /**
   * OAuth endpoints for providers gmail / office365 / graph (issue 4), each an https URL, set only
   * when the operator overrides the default (src/providers/oauth/endpoints.ts has the real Google/Microsoft
   * ones): `LATCHKEY_GOOGLE_TOKEN_URL`, `LATCHKEY_GOOGLE_USERINFO_URL`, `LATCHKEY_MICROSOFT_TOKEN_URL`.
   */
  oauthEndpoints: { googleTokenUrl?: string; googleUserinfoUrl?: string; microsoftTokenUrl?: string };
}

/**
 * `LATCHKEY_PROVIDERS_FILE` (loaded here, so a bad file stops the start) and the OAuth endpoint
 * overrides (issue 4), each of which must be an https URL (tokens never travel in clear).
 */
export function readProviders(read: EnvReader): ProvidersConfig {
  const providersFile = checkedPath(read, 'LATCHKEY_PROVIDERS_FILE', 'no such file', loadProviders);
  const oauthEndpoints: ProvidersConfig['oauthEndpoints'] = {};
  const names = {
    googleTokenUrl: 'LATCHKEY_GOOGLE_TOKEN_URL',
    googleUserinfoUrl: 'LATCHKEY_GOOGLE_USERINFO_URL',
    microsoftTokenUrl: 'LATCHKEY_MICROSOFT_TOKEN_URL',
  } as const;
  for (const [key, name] of Object.entries(names) as Array<[keyof typeof names, string]>) {
    const raw = read.env[name];
    if (!raw) continue;
    let ok = false;
    try {
      ok = new URL(raw).protocol === 'https:';
    } catch {
      /* reported below */
    }
    if (ok) oauthEndpoints[key] = raw;
    else read.problems.push(`${name}=${JSON.stringify(raw)}: expected an https:// URL`);
  }
  return { providersFile, oauthEndpoints };
}
