import { request as httpsRequest } from 'node:https';
import { checkedDestination, type HttpGetContext } from './http-get.ts';

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
export async function httpsPost(url: URL, body: string, headers: Record<string, string>, ctx: HttpGetContext, timeoutMs: number): Promise<number> {
  if (url.protocol !== 'https:') throw new Error('only https URLs are dialled');
  const lookup = await checkedDestination(url, ctx, 'webhook');
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
