import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { ApiError } from '../errors/api-error.ts';
import type { Reason } from '../errors/catalogue.ts';
import { hygieneHeaders } from './hygiene.ts';
import { requestIdOf, v3ErrorBody } from '../v3/errors.ts';

/**
 * Requests refused before any route runs still get the documented JSON error (`message`, `type`,
 * `reason`) and the headers every response carries (issue 18: Fastify's defaults answered
 * `{"error":"Bad Request",…}` without Cache-Control, X-Frame-Options or CSP).
 *
 * Two places refuse them:
 * - Node's HTTP parser (llhttp) emits `clientError` on the server for a malformed request line
 *   or header line, Content-Length together with Transfer-Encoding (RFC 9112 §6.1 request
 *   smuggling), a bad Content-Length, headers over `--max-http-header-size` (16 KiB: 431), a
 *   request that did not arrive within `requestTimeout` (408). No request object exists: the
 *   answer is written to the socket, which is then closed (the parser cannot resync).
 * - Fastify's router refuses a URL with bad percent-encoding (`GET /%ZZ`, FST_ERR_BAD_URL) or a
 *   path parameter over `maxParamLength` (FST_ERR_MAX_PARAM_LENGTH: 414), through
 *   `frameworkErrors`; there a reply exists but no hook runs, so the headers are set here too.
 */

/** Fastify's `clientErrorHandler`: the parser's error as the catalogue's answer, then close. */
export function clientErrorHandler(log: Logger): (err: NodeJS.ErrnoException, socket: Socket) => void {
  return (err, socket) => {
    // A reset connection: nobody is there to answer (Node's own handler does the same).
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const reason: Reason =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers_too_large'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'request_timeout'
          : 'malformed_request';
    log.debug({ parser_error: err.code, reason }, 'request refused by the HTTP parser');
    const e = new ApiError(reason);
    const body = JSON.stringify(e.toBody());
    const headers: Record<string, string> = {
      ...hygieneHeaders(),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\n${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n${body}`,
      );
    }
    // A peer that does not read the answer does not hold the socket.
    setTimeout(() => socket.destroy(), 2000).unref();
  };
}

/**
 * Fastify's `frameworkErrors`: router refusals as the catalogue's answer, with every header. Under
 * `/v3` the answer is v3's shape with a request id (v3/errors.ts): the `/v3` error handler never
 * sees these, as no route matched yet.
 */
export function frameworkErrorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const e =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError('uri_too_long')
      : error.code === 'FST_ERR_BAD_URL'
        ? new ApiError('malformed_request', { message: 'The request URL is not valid (bad percent-encoding).' })
        : new ApiError('malformed_request', { message: `The request could not be read: ${error.message}` });
  const v3 = /^\/v3(?:[/?]|$)/.test(req.raw.url ?? '');
  void reply
    .code(e.status)
    .headers({ ...hygieneHeaders(), ...e.toHeaders() })
    .send(v3 ? v3ErrorBody(e, requestIdOf(reply)) : e.toBody());
}
