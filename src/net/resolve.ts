import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { ApiError, type Step } from '../errors/api-error.ts';

/** Resolves a host name to the addresses to try, IPv6 and IPv4, in resolver order. */
export type HostResolver = (host: string) => Promise<string[]>;

/**
 * Builds the resolver used for every name Latchkey dials. With `servers` (`LATCHKEY_DNS_SERVERS`)
 * it asks those for AAAA and A; without, it uses the system's getaddrinfo (so /etc/hosts applies).
 * @throws ApiError `dns_not_found` (502) when the name has no address.
 */
export function createResolver(servers: readonly string[], step: Step = 'imap.connect'): (host: string, s?: Step) => Promise<string[]> {
  const custom = servers.length ? new dns.Resolver({ timeout: 3000, tries: 2 }) : undefined;
  custom?.setServers([...servers]);
  return async (rawHost: string, s: Step = step) => {
    // Full-width and other compatibility forms fold to what DNS would be asked (UTS #46 maps them).
    const host = rawHost.normalize('NFKC').toLowerCase();
    const literal = ipLiteral(host);
    if (literal) return [literal];
    if (isLocalhostName(host)) {
      throw new ApiError('destination_not_allowed', { step: s, message: localhostMessage(host) });
    }
    try {
      if (custom) {
        const [v6, v4] = await Promise.allSettled([custom.resolve6(host), custom.resolve4(host)]);
        const all = [...(v6.status === 'fulfilled' ? v6.value : []), ...(v4.status === 'fulfilled' ? v4.value : [])];
        if (all.length) return all;
        const reason = v4.status === 'rejected' ? v4.reason : undefined;
        throw reason ?? Object.assign(new Error('no address'), { code: 'ENODATA' });
      }
      const found = await dns.lookup(host, { all: true, verbatim: true });
      return found.map((a) => a.address);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ETIMEOUT' || code === 'EAI_AGAIN' || code === 'ECONNREFUSED' || code === 'ESERVFAIL') {
        throw new ApiError('dns_not_found', {
          step: s,
          message: `The name ${host} could not be looked up right now (DNS did not answer). Please try again.`,
          cause: err,
        });
      }
      throw new ApiError('dns_not_found', {
        step: s,
        message: `The server name ${host} could not be found. Check the host name.`,
        cause: err,
      });
    }
  };
}

/**
 * Reads an IPv4 address in any form getaddrinfo/inet_aton accepts (`2130706433`, `0x7f.1`,
 * `0177.0.0.1`) or an IPv6 literal (optionally in brackets), so it is checked as the address it
 * denotes. Returns undefined for a host name.
 */
export function ipLiteral(host: string): string | undefined {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare)) return bare.toLowerCase();
  if (!/^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}$/i.test(bare)) return undefined;
  const parts = bare
    .split('.')
    .map((p) => (/^0x/i.test(p) ? parseInt(p, 16) : /^0[0-7]+$/.test(p) ? parseInt(p, 8) : /^[0-9]+$/.test(p) ? parseInt(p, 10) : NaN));
  if (parts.some((n) => !Number.isFinite(n))) return undefined;
  const last = parts.pop()!;
  const maxLast = 2 ** (8 * (4 - parts.length)) - 1;
  if (parts.some((n) => n > 255) || last > maxLast) return undefined;
  let value = 0;
  parts.forEach((n, i) => {
    value += n * 2 ** (8 * (3 - i));
  });
  value += last;
  return [24, 16, 8, 0].map((s) => Math.floor(value / 2 ** s) % 256).join('.');
}

/** `localhost` and names under `.localhost` (RFC 6761 §6.3): refused by name, before any lookup. */
export function isLocalhostName(host: string): boolean {
  return /^localhost\.?$/i.test(host) || /\.localhost\.?$/i.test(host);
}

/**
 * Why a `localhost` name is refused: by name, whatever `LATCHKEY_ALLOWED_DESTINATIONS` allows
 * (which admits addresses, never this name), and what to give instead (issue 13).
 */
export function localhostMessage(host: string): string {
  return (
    `The host name ${host} is refused by name: localhost and names under .localhost are never dialled, ` +
    'whatever LATCHKEY_ALLOWED_DESTINATIONS allows. To reach a server on this machine, give its IP address instead, ' +
    'and have the operator allow that address in LATCHKEY_ALLOWED_DESTINATIONS.'
  );
}
