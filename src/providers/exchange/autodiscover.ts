import { XMLParser } from 'fast-xml-parser';
import { ApiError } from '../../errors/api-error.ts';
import type { HttpGetContext } from '../../net/http-get.ts';
import type { DnsLookups } from '../../net/dns.ts';
import { authedPost } from './auth-post.ts';
import { EXCHANGE_XML, xmlText } from './ews.ts';
import type { ExchangeLogin } from './types.ts';

const xml = new XMLParser({ ...EXCHANGE_XML, isArray: (name) => name === 'Protocol' });

/** Autodiscover POX request (Exchange "Autodiscover for Exchange", Outlook request schema 2006). */
function request(email: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
  <Request>
    <EMailAddress>${xmlText(email)}</EMailAddress>
    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
  </Request>
</Autodiscover>`;
}

export interface AutodiscoverResult {
  ewsUrl: URL;
  /** The Autodiscover URL that answered. */
  source: string;
}

/**
 * Finds the EWS URL of an address by POX Autodiscover, in the documented order ("Autodiscover
 * for Exchange", "Implementing an Autodiscover client"): `https://autodiscover.<domain>/autodiscover/autodiscover.xml`,
 * then `https://<domain>/autodiscover/autodiscover.xml`, then the `_autodiscover._tcp.<domain>`
 * SRV record's host and port. Each candidate gets the user's credentials (Autodiscover requires
 * them); the first that names an EWS URL (`Protocol` EXCH, then EXPR, then WEB) wins. Every
 * request goes through the outbound policy; the EWS URL found is checked again when dialled.
 * @throws ApiError, step `ews.autodiscover`: `invalid_credentials` / `oauth_required` (403) as
 *   soon as a candidate refuses the credentials (the search stops there); `autodiscover_failed`
 *   (422) when no candidate answered.
 */
export async function autodiscover(
  email: string,
  login: ExchangeLogin,
  ctx: HttpGetContext,
  dns: DnsLookups,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<AutodiscoverResult> {
  const step = 'ews.autodiscover' as const;
  const domain = email.split('@').pop()!.toLowerCase();
  const tried: string[] = [];
  const candidates = async function* () {
    // The address's domain and the SRV target are data, not URL text: only a plain host name
    // becomes a URL (a domain such as `x.test:1%zz` or `a.b/c` would otherwise throw or add a path).
    if (!isHostName(domain)) return;
    yield candidateUrl(`autodiscover.${domain}`, 443);
    yield candidateUrl(domain, 443);
    const srv = await dns.srv(`_autodiscover._tcp.${domain}`).catch(() => []);
    for (const s of srv) yield candidateUrl(s.host, s.port);
  };
  for await (const candidate of candidates()) {
    if (signal?.aborted) break;
    if (!candidate) continue;
    tried.push(candidate.href);
    let body: string;
    try {
      const { answer } = await authedPost(
        { url: candidate, body: request(email), step, timeoutMs, ...(signal ? { signal } : {}) },
        login,
        ctx,
      );
      if (answer.status !== 200) continue;
      body = answer.body;
    } catch (err) {
      // A refusal of the credentials ends the search: offering the password to more servers
      // would only add failed logins (account lockout policies count them).
      if (err instanceof ApiError && (err.reason === 'invalid_credentials' || err.reason === 'oauth_required')) throw err;
      if (!(err instanceof ApiError)) throw err;
      continue;
    }
    const ews = ewsUrlOf(body);
    if (ews) return { ewsUrl: ews, source: candidate.href };
  }
  throw new ApiError('autodiscover_failed', {
    step,
    message:
      `Latchkey could not find the Exchange server of ${domain} by Autodiscover (tried ${tried.length} ` +
      `place${tried.length === 1 ? '' : 's'}). Give its host name in settings.exchange_server_host.`,
    internal: `tried ${tried.join(', ')}`,
  });
}

/** A DNS host name (letters of any script, digits, `-`, `_`; dot-separated labels): nothing a URL would read as a port, path or escape. */
function isHostName(host: string): boolean {
  return host.length <= 253 && /^[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)*$/u.test(host);
}

/** `https://HOST[:PORT]/autodiscover/autodiscover.xml`, or undefined when HOST is not a host name. */
function candidateUrl(host: string, port: number): URL | undefined {
  if (!isHostName(host)) return undefined;
  try {
    return new URL(`https://${host}${port === 443 ? '' : `:${port}`}/autodiscover/autodiscover.xml`);
  } catch {
    return undefined; // e.g. a compatibility character that folds to one a host may not hold
  }
}

/** The EWS URL of a POX Autodiscover answer (responseschema 2006a `Account/Protocol/EwsUrl`), https only. */
export function ewsUrlOf(body: string): URL | undefined {
  let doc: Record<string, any>;
  try {
    doc = xml.parse(body) as Record<string, any>;
  } catch {
    return undefined;
  }
  const protocols: Array<Record<string, unknown>> = doc?.Autodiscover?.Response?.Account?.Protocol ?? [];
  for (const type of ['EXCH', 'EXPR', 'WEB']) {
    const p = protocols.find((x) => x?.Type === type && typeof x.EwsUrl === 'string');
    if (!p) continue;
    try {
      const url = new URL(String(p.EwsUrl).trim());
      if (url.protocol === 'https:') return url;
    } catch {
      /* next */
    }
  }
  return undefined;
}
