import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { SecureContext } from 'node:tls';
import type { Step } from '../errors/api-error.ts';
import type { DestinationPolicy } from './policy.ts';

export interface HttpGetContext {
  resolve: (host: string, step: Step) => Promise<string[]>;
  policy: DestinationPolicy;
  secureContext: SecureContext;
}

/**
 * Resolves and checks the URL's host BEFORE any connection: every address (an IP literal too —
 * Node never calls `lookup` for one, so checking only inside `lookup` would let
 * `https://10.0.0.1/` through) must pass the outbound policy for the URL's port. Returns a
 * `lookup` that hands Node exactly the checked addresses, so no second resolution happens.
 * @throws ApiError `destination_not_allowed` or `dns_not_found`.
 */
export async function checkedDestination(url: URL, ctx: HttpGetContext, step: Step): Promise<LookupFunction> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const addresses = await ctx.resolve(url.hostname, step);
  ctx.policy.assertAll(addresses, port, step);
  return (_hostname, options, callback) => {
    const first = addresses[0]!;
    if ((options as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, addresses.map((a) => ({ address: a, family: a.includes(':') ? 6 : 4 })));
    else callback(null, first, first.includes(':') ? 6 : 4);
  };
}

export interface HttpGetResult {
  status: number;
  body: string;
  contentType: string;
}

/**
 * GET a small document (autoconfig XML, later OAuth/EWS answers) through the outbound-connection
 * policy: the name is resolved by Latchkey's resolver, every address is checked, and the socket
 * goes to the checked address (no second lookup, so DNS rebinding cannot switch it) while TLS
 * SNI and the certificate check keep the host name. Redirects are not followed.
 *
 * @param timeoutMs for the whole request (connect, TLS, headers and body)
 * @param maxBytes larger bodies are cut off and rejected
 * @throws the resolver's ApiError (`dns_not_found`, `destination_not_allowed`), or an Error for
 *   network/TLS failures, a timeout or an oversized body — callers treat all as "no answer here".
 */
export async function httpGet(url: URL, ctx: HttpGetContext, timeoutMs: number, maxBytes = 256 * 1024, step: Step = 'detect'): Promise<HttpGetResult> {
  const lookup = await checkedDestination(url, ctx, step);
  return new Promise((resolve, reject) => {
    const options = {
      method: 'GET',
      lookup,
      // One-shot requests: no pooled keep-alive socket outlives the call (or skips the policy).
      agent: false,
      headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'Latchkey' },
      ...(url.protocol === 'https:' ? { secureContext: ctx.secureContext } : {}),
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy(new Error(`response larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') });
      });
      res.on('error', fail);
    });
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', fail);
    req.end();
  });
}
