import type { FastifyReply } from 'fastify';
import { ApiError } from '../errors/api-error.ts';

/**
 * Nylas v3's error `type`s (https://developer.nylas.com/docs/api/errors/ "Error types"), the ones
 * Latchkey's catalogue maps onto. The catalogue stays the one list of errors: a v3 answer is the
 * same error (same status, message and `reason`) in v3's envelope.
 */
export const V3_ERROR_TYPES = [
  'api.invalid_request_error',
  'api.authentication_error',
  'api.not_found_error',
  'api.provider_error',
  'api.rate_limit_error',
  'api.internal_error',
] as const;
export type V3ErrorType = (typeof V3_ERROR_TYPES)[number];

/**
 * The v3 `type` of a catalogue error, from its status: 401 authentication; 404 not found; 429
 * rate limit; 500 internal; a provider's verdict (422, 502–504, or a 403 that names the step of the
 * provider conversation that refused) provider error; everything else an invalid request.
 */
export function v3Type(err: ApiError): V3ErrorType {
  const s = err.status;
  if (s === 401) return 'api.authentication_error';
  if (s === 404) return 'api.not_found_error';
  if (s === 429) return 'api.rate_limit_error';
  if (s === 500) return 'api.internal_error';
  if (s === 422 || s >= 502 || (s === 403 && err.details.step)) return 'api.provider_error';
  if (s === 403) return 'api.authentication_error';
  return 'api.invalid_request_error';
}

/** v3's error body: `{request_id, error: {type, message, provider_error?}}`, plus Latchkey's `reason`. */
export interface V3ErrorBody {
  request_id: string;
  error: {
    type: V3ErrorType;
    message: string;
    /** Latchkey's stable reason (docs/errors.md); the same as on the v2 surface. */
    reason: string;
    /** What the provider answered, when a provider conversation failed: its step and reply (secrets removed). */
    provider_error?: { step?: string; server_error?: string; addresses_tried?: string[] };
    missing_fields?: string[];
  };
}

/**
 * Serializes an ApiError in v3's shape. Built from `toBody()`, the one serializer, so a 5xx
 * message stays generic here too and nothing secret can appear that v2 would not show.
 */
export function v3ErrorBody(err: ApiError, requestId: string): V3ErrorBody {
  const v2 = err.toBody();
  const error: V3ErrorBody['error'] = { type: v3Type(err), message: String(v2.message), reason: err.reason };
  const provider: NonNullable<V3ErrorBody['error']['provider_error']> = {};
  if (typeof v2.step === 'string') provider.step = v2.step;
  if (typeof v2.server_error === 'string') provider.server_error = v2.server_error;
  if (Array.isArray(v2.addresses_tried)) provider.addresses_tried = v2.addresses_tried as string[];
  if (Object.keys(provider).length) error.provider_error = provider;
  if (Array.isArray(v2.missing_fields)) error.missing_fields = v2.missing_fields as string[];
  return { request_id: requestId, error };
}

/** The header every v3 answer carries, read by the official SDK as `requestId` (its REQUEST_ID_HEADER). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** This answer's request id (set by the `/v3` onRequest hook; set here when an early failure skipped it). */
export function requestIdOf(reply: FastifyReply): string {
  const existing = reply.getHeader(REQUEST_ID_HEADER);
  if (typeof existing === 'string') return existing;
  const id = crypto.randomUUID();
  void reply.header(REQUEST_ID_HEADER, id);
  return id;
}
