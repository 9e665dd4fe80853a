import { request as httpsRequest, type Agent } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, type Step } from '../errors/api-error.ts';
import { classifyTlsError } from './tls.ts';
import { checkedDestination, type HttpGetContext } from './http-get.ts';

export interface HttpsCall {
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Step named by every error (`oauth.refresh`, `oauth.userinfo`, `ews.autodiscover`, `ews.request`). */
  step: Step;
  /** ms, for the whole exchange (connect, TLS, headers and body). */
  timeoutMs: number;
  /** Larger answers are cut off and fail as `protocol_error`. Default 256 KiB. */
  maxBytes?: number;
  /**
   * Only the status matters (webhook deliveries): the body is not kept, and an answer longer
   * than `maxBytes` is cut off there and still answered with its status, not failed.
   */
  statusOnly?: boolean;
  /**
   * A keep-alive agent for connection-bound authentication (NTLM authenticates the TCP
   * connection, RFC 4559 §4 style): the caller owns it and destroys it. Default: one socket per call.
   */
  agent?: Agent;
  /** Ends the call at once (the authorize deadline). */
  signal?: AbortSignal;
}

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every header as sent, repeated ones kept apart (`WWW-Authenticate` may come several times). */
  headersDistinct: NodeJS.Dict<string[]>;
  body: string;
}

/**
 * One HTTPS request to a provider endpoint (OAuth token/userinfo, EWS, Autodiscover) through the
 * outbound-connection policy, like http-get.ts: the host is resolved by Latchkey's resolver,
 * every address is checked for the URL's port, the socket goes to a checked address, and TLS SNI
 * and the certificate check keep the host name (trust anchors: system store + LATCHKEY_TLS_CA_FILE).
 * Redirects are not followed. Any HTTP status is an answer; only transport failures throw.
 * @throws ApiError with `step`: `destination_not_allowed`, `dns_not_found` (resolver),
 *   `connect_refused` / `network_unreachable` (502), `connect_timeout` / `response_timeout` (504),
 *   `certificate_invalid` / `tls_mismatch` (422), `connection_closed` / `protocol_error` (502).
 */
export async function httpsCall(call: HttpsCall, ctx: HttpGetContext): Promise<HttpsAnswer> {
  const { url, step } = call;
  if (url.protocol !== 'https:') throw new ApiError('destination_not_allowed', { step, internal: `only https URLs are dialled (${url.protocol})` });
  const lookup = await checkedDestination(url, ctx, step);
  const port = url.port || '443';
  const where = `${url.hostname}:${port}`;
  const maxBytes = call.maxBytes ?? 256 * 1024;
  return new Promise((resolve, reject) => {
    let connected = false;
    const headers: Record<string, string> = { 'user-agent': 'Latchkey', ...(call.headers ?? {}) };
    if (call.body !== undefined) headers['content-length'] = String(Buffer.byteLength(call.body));
    // `secureContext` is a tls.connect option https.request passes through (its types omit it).
    const options = { method: call.method, lookup, agent: call.agent ?? false, secureContext: ctx.secureContext, headers };
    const req = httpsRequest(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        call.signal?.removeEventListener('abort', onAbort);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, headersDistinct: res.headersDistinct, body: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes && call.statusOnly) {
          done();
          req.destroy();
          return;
        }
        if (size > maxBytes) {
          fail(new ApiError('protocol_error', { step, message: `The server at ${where} sent an answer larger than ${maxBytes} bytes.` }));
          req.destroy();
          return;
        }
        if (!call.statusOnly) chunks.push(chunk);
      });
      res.on('end', done);
      res.on('error', (err) => fail(transportError(err as NodeJS.ErrnoException, step, where, true)));
    });
    let settled = false;
    const fail = (err: ApiError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      reject(err);
    };
    const onAbort = () => {
      fail(new ApiError('response_timeout', { step, message: `The exchange with ${where} was ended by the verification deadline.` }));
      req.destroy();
    };
    call.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      socket.once('connect', () => { connected = true; });
    });
    const timer = setTimeout(() => {
      fail(connected
        ? new ApiError('response_timeout', { step, message: `The server at ${where} did not answer within ${Math.round(call.timeoutMs / 1000)} s.` })
        : new ApiError('connect_timeout', { step, addressesTried: [where], message: `The connection to ${where} timed out.` }));
      req.destroy();
    }, call.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => fail(transportError(err, step, where, connected)));
    req.end(call.body);
  });
}

/** A transport failure (socket, TLS) as the catalogue names it. */
function transportError(err: NodeJS.ErrnoException, step: Step, where: string, connected: boolean): ApiError {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return new ApiError('connect_refused', { step, addressesTried: [where], message: `The server at ${where} refused the connection.`, cause: err });
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return new ApiError('network_unreachable', { step, addressesTried: [where], cause: err });
  if (code === 'ETIMEDOUT') return new ApiError(connected ? 'response_timeout' : 'connect_timeout', { step, addressesTried: [where], cause: err });
  if (/^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_TLS_CERT)/.test(code) || /certificate|altnames/i.test(err.message)) {
    const e = classifyTlsError(err, step);
    return e.reason === 'tls_mismatch'
      ? new ApiError('tls_mismatch', { step, message: `The server at ${where} did not answer with TLS (HTTPS).`, cause: err })
      : e;
  }
  return new ApiError('connection_closed', { step, message: `The connection to ${where} broke (${code || err.message}).`, cause: err });
}
