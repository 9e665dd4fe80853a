import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError, type Step } from '../errors/api-error.ts';
import { classifyTlsError, startTls } from './tls.ts';
import { checkedDestination, type HttpGetContext } from './http-destination.ts';
import { connectFirst, guardSocket } from './connect.ts';
import { ipLiteral } from './resolve.ts';

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
   * connection, RFC 4559 §4 style), from {@link keptConnectionAgent}: the caller owns it and
   * destroys it. Default: one connection per call.
   */
  agent?: HttpsAgent;
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

/** How a request's connection is opened: the request options carry it to the agent. */
type Opener = (callback: (err: Error | null, socket?: Socket) => void) => void;
const OPEN = 'latchkeyOpen';

/**
 * A keep-alive agent (one connection) whose connections are opened like every other outbound
 * connection: by {@link httpsCall}'s checked opener, never by Node's own `tls.connect`.
 */
export function keptConnectionAgent(): HttpsAgent {
  const agent = new HttpsAgent({ keepAlive: true, maxSockets: 1 });
  // Agent#createSocket passes the request's options here, and takes the socket from the callback.
  (agent as unknown as { createConnection: unknown }).createConnection = (
    options: Record<string, unknown>,
    callback: (err: Error | null, socket?: Socket) => void,
  ) => {
    (options[OPEN] as Opener)(callback);
    return undefined;
  };
  return agent;
}

/**
 * One HTTPS request to a provider endpoint (OAuth token/userinfo, EWS, Autodiscover, webhooks).
 * Any HTTP status is an answer; only transport failures throw. See {@link httpCall}.
 * @throws ApiError `destination_not_allowed` for a non-https URL, and those of {@link httpCall}.
 */
export async function httpsCall(call: HttpsCall, ctx: HttpGetContext): Promise<HttpsAnswer> {
  if (call.url.protocol !== 'https:')
    throw new ApiError('destination_not_allowed', { step: call.step, internal: `only https URLs are dialled (${call.url.protocol})` });
  return httpCall(call, ctx);
}

/**
 * One HTTP(S) request through the outbound-connection policy: the host is resolved by Latchkey's
 * resolver, every address is checked for the URL's port, then the connection is opened here —
 * TCP to each checked address in turn (net/connect.ts, error listener attached as the socket is
 * created), TLS with SNI and the certificate check on the host name (trust anchors: system store
 * + LATCHKEY_TLS_CA_FILE) — and only a connected, verified socket is handed to Node's HTTP client.
 * So a connect failure is an answer (`network_unreachable` …), never an unhandled `'error'`.
 * Redirects are not followed.
 * @throws ApiError with `step`: `destination_not_allowed`, `dns_not_found` (resolver),
 *   `connect_refused` / `network_unreachable` (502), `connect_timeout` / `response_timeout` (504),
 *   `certificate_invalid` / `tls_mismatch` (422), `connection_closed` / `protocol_error` (502).
 */
export async function httpCall(call: HttpsCall, ctx: HttpGetContext): Promise<HttpsAnswer> {
  const { url, step } = call;
  const addresses = await checkedDestination(url, ctx, step);
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const where = `${url.hostname}:${port}`;
  const maxBytes = call.maxBytes ?? 256 * 1024;
  const ending = new AbortController();
  let connected = false;
  const literal = ipLiteral(url.hostname);
  const open = async (): Promise<Socket> => {
    const { socket, address } = await connectFirst(addresses, port, {
      timeoutMs: call.timeoutMs,
      step,
      signal: ending.signal,
      describe: {
        connect_refused: `The server at ${where} refused the connection.`,
        connect_timeout: `The connection to ${where} timed out.`,
        network_unreachable: `${url.hostname} could not be reached from this server (no route).`,
      },
    });
    // TCP is up: from here a silence is the server not answering (response_timeout), TLS included.
    connected = true;
    if (!secure) return socket;
    const onAbort = () => socket.destroy();
    ending.signal.addEventListener('abort', onAbort, { once: true });
    const tls = startTls(
      {
        address,
        port,
        servername: literal ? undefined : url.hostname.replace(/\.$/, ''),
        host: literal ?? url.hostname,
        secureContext: ctx.secureContext,
        timeoutMs: call.timeoutMs,
        step,
      },
      socket,
    );
    try {
      return await tls.ready;
    } catch (err) {
      throw err instanceof ApiError && err.reason === 'tls_mismatch'
        ? new ApiError('tls_mismatch', { step, message: `The server at ${where} did not answer with TLS (HTTPS).`, cause: err })
        : err;
    } finally {
      ending.signal.removeEventListener('abort', onAbort);
    }
  };
  const opener: Opener = (callback) => {
    open().then(
      (s) => callback(null, s),
      (err: Error) => callback(err),
    );
  };
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': 'Latchkey', ...(call.headers ?? {}) };
    if (call.body !== undefined) headers['content-length'] = String(Buffer.byteLength(call.body));
    const options = {
      method: call.method,
      headers,
      [OPEN]: opener,
      ...(call.agent
        ? { agent: call.agent }
        : {
            createConnection: (_o: unknown, cb: (err: Error | null, socket?: Socket) => void) => {
              opener(cb);
              return undefined;
            },
          }),
    };
    const req = (secure ? httpsRequest : httpRequest)(url, options as Parameters<typeof httpsRequest>[1], (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        if (settled) return;
        settled = true;
        finish();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          headersDistinct: res.headersDistinct,
          body: Buffer.concat(chunks).toString('utf8'),
        });
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
    const finish = () => {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: ApiError) => {
      if (settled) return;
      settled = true;
      finish();
      ending.abort();
      reject(err);
    };
    const onAbort = () => {
      fail(new ApiError('response_timeout', { step, message: `The exchange with ${where} was ended by the verification deadline.` }));
      req.destroy();
    };
    if (call.signal?.aborted) queueMicrotask(onAbort);
    else call.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('socket', (socket) => {
      guardSocket(socket);
    });
    const timer = setTimeout(() => {
      fail(
        connected
          ? new ApiError('response_timeout', {
              step,
              message: `The server at ${where} did not answer within ${Math.round(call.timeoutMs / 1000)} s.`,
            })
          : new ApiError('connect_timeout', { step, addressesTried: [where], message: `The connection to ${where} timed out.` }),
      );
      req.destroy();
    }, call.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => fail(err instanceof ApiError ? err : transportError(err, step, where, connected)));
    req.end(call.body);
  });
}

/** A transport failure (socket, TLS) after the connection was made, as the catalogue names it. */
function transportError(err: NodeJS.ErrnoException, step: Step, where: string, connected: boolean): ApiError {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED')
    return new ApiError('connect_refused', {
      step,
      addressesTried: [where],
      message: `The server at ${where} refused the connection.`,
      cause: err,
    });
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return new ApiError('network_unreachable', { step, addressesTried: [where], cause: err });
  if (code === 'ETIMEDOUT')
    return new ApiError(connected ? 'response_timeout' : 'connect_timeout', { step, addressesTried: [where], cause: err });
  if (/^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_TLS_CERT)/.test(code) || /certificate|altnames/i.test(err.message)) {
    const e = classifyTlsError(err, step);
    return e.reason === 'tls_mismatch'
      ? new ApiError('tls_mismatch', { step, message: `The server at ${where} did not answer with TLS (HTTPS).`, cause: err })
      : e;
  }
  return new ApiError('connection_closed', { step, message: `The connection to ${where} broke (${code || err.message}).`, cause: err });
}
