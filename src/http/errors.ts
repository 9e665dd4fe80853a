import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error.ts';
import { StoreUnavailable } from '../store/store.ts';

/**
 * The one serializer: every failure leaves as the catalogue's JSON body. Fastify's own errors
 * (body too large, bad JSON, unsupported media type, schema validation) are mapped too, so no
 * request ever gets an HTML page, a stack trace or a 500 for its own mistake.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(errorHandler((err) => err.toBody()));
  app.setNotFoundHandler((request, reply) => {
    const err = new ApiError('not_found', { message: `No endpoint ${request.method} ${request.url.split('?')[0]}.` });
    void reply.code(err.status).send(err.toBody());
  });
}

/**
 * A Fastify error handler: the thrown value as its catalogue error (toApiError), logged when it
 * is Latchkey's own failure (`internal`, `store_unavailable`), answered with the error's status
 * and headers and the body `body` builds (v2's `toBody()`; v3's envelope: v3/routes.ts).
 */
export function errorHandler(
  body: (err: ApiError, reply: FastifyReply) => unknown,
): (raw: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => void {
  return (raw, request, reply) => {
    const err = toApiError(raw);
    if (err.status >= 500 && (err.reason === 'internal' || err.reason === 'store_unavailable')) {
      request.log.error({ err: raw, reason: err.reason }, 'request failed');
    }
    void reply.code(err.status).headers(err.toHeaders()).send(body(err, reply));
  };
}

/** Any thrown value as the catalogue error it answers with (also the v3 serializer's input: v3/routes.ts). */
export function toApiError(err: FastifyError | ApiError): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof StoreUnavailable) return new ApiError('store_unavailable', { cause: err });
  const code = (err as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ApiError('body_too_large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new ApiError('invalid_value', { message: 'Send the body as JSON or as application/x-www-form-urlencoded.' });
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new ApiError('invalid_value', { message: 'The request body is empty.' });
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return new ApiError('invalid_value', { message: 'The Content-Length does not match the body.' });
  if (err.validation) {
    const missing = err.validation
      .filter((v) => v.keyword === 'required')
      .map((v) => String((v.params as { missingProperty?: string }).missingProperty));
    if (missing.length) return new ApiError('missing_fields', { missingFields: missing });
    const first = err.validation[0];
    return new ApiError('invalid_value', {
      message: `${(first?.instancePath || '/').slice(1) || 'body'} ${first?.message ?? 'is not valid'}.`,
    });
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
    return new ApiError('invalid_value', { message: 'The request body is not valid JSON.' });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError('invalid_value', { message: err.message });
  }
  return new ApiError('internal', { cause: err });
}
