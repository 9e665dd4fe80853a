import type { ErrorBody, ErrorType, Reason } from './types.ts';
import { readJson } from './transport.ts';

/**
 * Every failure of a Latchkey call: an error answer from the server (`status` ≥ 400, with the
 * body's `type`, `reason` and details), an answer that is not Latchkey's JSON (a proxy's HTML
 * page: `reason` undefined), or no answer at all (`status` 0, the network error as `cause`).
 * An aborted call rejects with the abort's own error instead.
 */
export class LatchkeyError extends Error {
  /** HTTP status; 0 when Latchkey could not be reached. */
  readonly status: number;
  /** v2 `type`: `auth_error`, `invalid_request_error`, `api_error`, `provider_error`. */
  readonly type: ErrorType | undefined;
  /** Latchkey's stable code (`invalid_credentials`, `tls_mismatch`, …; docs/errors.md). */
  readonly reason: Reason | undefined;
  /** Where the provider conversation failed: `imap.connect`, `imap.tls`, `imap.login`, `smtp.auth`, … */
  readonly step: string | undefined;
  /** The fields a 400 `missing_fields` names (top level or settings keys). */
  readonly missingFields: string[] | undefined;
  /** The mail server's own reply, secrets removed. */
  readonly serverError: string | undefined;
  /** Network failures (502/504): every `address:port` tried. */
  readonly addressesTried: string[] | undefined;
  /** Seconds to wait before trying again, from `Retry-After` (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    body: Partial<ErrorBody> & { message: string },
    retryAfter: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(body.message, options);
    this.name = 'LatchkeyError';
    this.status = status;
    this.type = body.type;
    this.reason = body.reason;
    this.step = body.step;
    this.missingFields = body.missing_fields;
    this.serverError = body.server_error;
    this.addressesTried = body.addresses_tried;
    this.retryAfter = retryAfter;
  }
}

/** The error for a non-2xx answer. Reads the JSON error body when there is one. */
export async function errorFromResponse(res: Response): Promise<LatchkeyError> {
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'), Date.now());
  const body = await readJson(res);
  if (isErrorBody(body)) return new LatchkeyError(res.status, body, retryAfter);
  return new LatchkeyError(res.status, { message: `Latchkey answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} without its JSON error body.` }, retryAfter);
}

/**
 * `Retry-After` (RFC 9110 §10.2.3) as seconds from now: delay-seconds, or an HTTP-date.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function isErrorBody(v: unknown): v is ErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string' && typeof (v as { reason?: unknown }).reason === 'string';
}
