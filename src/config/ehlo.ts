import { readFileSync } from 'node:fs';
import type { EnvReader } from './read.ts';

/**
 * DECISIONS: `LATCHKEY_EHLO_NAME`; else the host name (`HOSTNAME`, else /etc/hostname) when it is
 * a fully qualified name that is not a special-use local one (RFC 6761 `localhost`, `localdomain`,
 * RFC 6762 `.local`); else `localhost.localdomain` with a warning — and with `NODE_ENV=production`
 * a configuration error, since strict SMTP servers refuse that name (issue 13).
 */
export function readEhloName(read: EnvReader): { ehloName: string; warning?: string } {
  const { env, problems, production } = read;
  const explicit = env.LATCHKEY_EHLO_NAME;
  const hostname = env.HOSTNAME || safeHostname();
  const fqdn = (name: string) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(name);
  if (explicit) {
    if (!fqdn(explicit))
      problems.push(`LATCHKEY_EHLO_NAME=${JSON.stringify(explicit)}: expected a fully qualified domain name (not an address)`);
    return { ehloName: explicit };
  }
  const local = (name: string) => /(^|\.)(localhost|localdomain)(\.|$)|\.local$/i.test(name);
  if (hostname && fqdn(hostname) && !local(hostname)) return { ehloName: hostname };
  const why = `this machine's host name (${JSON.stringify(hostname)}) is not a fully qualified domain name`;
  if (production) {
    problems.push(
      `LATCHKEY_EHLO_NAME is required when NODE_ENV=production and ${why}: ` +
        "set it to this server's public DNS name (e.g. LATCHKEY_EHLO_NAME=latchkey.example.com); " +
        'strict SMTP servers refuse EHLO localhost.localdomain',
    );
  }
  return {
    ehloName: 'localhost.localdomain',
    warning:
      `LATCHKEY_EHLO_NAME is not set and ${why}: SMTP EHLO will say localhost.localdomain, which strict servers refuse. ` +
      "Set LATCHKEY_EHLO_NAME to this server's public DNS name (NODE_ENV=production refuses to start without it).",
  };
}

function safeHostname(): string {
  try {
    return readFileSync('/etc/hostname', 'utf8').trim();
  } catch {
    return '';
  }
}
