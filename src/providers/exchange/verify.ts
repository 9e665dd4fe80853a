import type { HttpGetContext } from '../../net/http-get.ts';
import type { DnsLookups } from '../../net/dns.ts';
import type { Step } from '../../errors/api-error.ts';
import { autodiscover } from './autodiscover.ts';
import { verifyEws, type EwsEvidence } from './ews.ts';
import type { ExchangeLogin } from './types.ts';

/**
 * Verifies an Exchange (E1) login: the EWS URL from `exchange_server_host`
 * (`https://HOST[:PORT]/EWS/Exchange.asmx`) or from Autodiscover, then a read-only GetFolder.
 * @throws ApiError — see autodiscover() and verifyEws().
 */
export async function verifyExchange(
  login: ExchangeLogin,
  email: string,
  ctx: HttpGetContext & { dns: DnsLookups; timeoutMs: number; signal?: AbortSignal; onStep?: (step: Step) => void },
): Promise<EwsEvidence> {
  let url: URL;
  if (login.ewsUrl) {
    url = login.ewsUrl;
  } else if (login.server) {
    const host = login.server.host.includes(':') ? `[${login.server.host}]` : login.server.host;
    url = new URL(`https://${host}${login.server.port === 443 ? '' : `:${login.server.port}`}/EWS/Exchange.asmx`);
  } else {
    ctx.onStep?.('ews.autodiscover');
    url = (await autodiscover(email, login, ctx, ctx.dns, ctx.timeoutMs, ctx.signal)).ewsUrl;
  }
  ctx.onStep?.('ews.request');
  return verifyEws(url, login, email, ctx, ctx.timeoutMs, ctx.signal);
}
