import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpGetContext } from './http-get.ts';

/**
 * POST a small body to an https URL through the outbound-connection policy, as http-get.ts does
 * for GET: the name is resolved by Latchkey's resolver, every address is checked
 * (`LATCHKEY_ALLOWED_DESTINATIONS`, HTTP ports), and the socket goes to the checked address while
 * TLS SNI and the certificate check keep the host name. Redirects are not followed; at most 64 KiB
 * of the answer is read.
 * @param timeoutMs for the whole request
 * @returns the HTTP status
 * @throws the resolver's ApiError (`dns_not_found`, `destination_not_allowed`) or an Error for
 *   network/TLS failures and timeouts.
 */
export function httpsPost(url: URL, body: string, headers: Record<string, string>, ctx: HttpGetContext, timeoutMs: number): Promise<number> {
  if (url.protocol !== 'https:') return Promise.reject(new Error('only https URLs are dialled'));
  const port = Number(url.port || 443);
  const lookup: LookupFunction = (hostname, options, callback) => {
    ctx.resolve(hostname, 'webhook').then(
      (addresses) => {
        try {
          ctx.policy.assertAll(addresses, port, 'webhook');
        } catch (err) {
          return (callback as (e: Error) => void)(err as Error);
        }
        const first = addresses[0]!;
        if ((options as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, addresses.map((a) => ({ address: a, family: a.includes(':') ? 6 : 4 })));
        else callback(null, first, first.includes(':') ? 6 : 4);
      },
      (err: Error) => (callback as (e: Error) => void)(err),
    );
  };
  return new Promise((resolve, reject) => {
    const options = {
      method: 'POST',
      lookup,
      agent: false,
      secureContext: ctx.secureContext,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Latchkey', ...headers },
    };
    const req = httpsRequest(url, options, (res) => {
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 64 * 1024) res.destroy();
      });
      res.on('close', () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      });
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}
