import { CATALOGUE, type Reason } from './catalogue.ts';

/** Where a provider conversation failed (DECISIONS "Errors": `step`). */
export type Step =
  | 'imap.connect'
  | 'imap.tls'
  | 'imap.greeting'
  | 'imap.login'
  | 'imap.list'
  | 'imap.examine'
  | 'smtp.connect'
  | 'smtp.tls'
  | 'smtp.greeting'
  | 'smtp.ehlo'
  | 'smtp.auth'
  | 'oauth.refresh'
  | 'oauth.userinfo'
  | 'ews.autodiscover'
  | 'ews.request'
  | 'detect'
  | 'webhook';

export interface ApiErrorDetails {
  /** Overrides the catalogue's default message. */
  message?: string;
  step?: Step;
  /** The provider's own reply text; secrets are removed by the serializer's caller. */
  serverError?: string;
  missingFields?: string[];
  /** Network failures: every `address:port` attempted, in order. */
  addressesTried?: string[];
  /** Seconds; sent as `Retry-After`. */
  retryAfter?: number;
  /** Extra response headers (e.g. `X-RateLimit-*`). */
  headers?: Record<string, string>;
  /** Underlying error, for the log only; never serialized. */
  cause?: unknown;
  /** Operator-facing detail for the log only (never serialized): what was refused and how to allow it. */
  internal?: string;
}

/**
 * The one error type every layer throws. Its `reason` selects status, `type` and the
 * default message from the catalogue; `toBody()` is the only serializer (DECISIONS "Errors").
 */
export class ApiError extends Error {
  readonly reason: Reason;
  readonly status: number;
  readonly details: ApiErrorDetails;

  constructor(reason: Reason, details: ApiErrorDetails = {}) {
    super(details.message ?? CATALOGUE[reason].message, { cause: details.cause });
    this.name = 'ApiError';
    this.reason = reason;
    this.status = CATALOGUE[reason].status;
    this.details = details;
  }

  /** The JSON body: `message`, `type`, `reason`, then the optional fields that apply. */
  toBody(): Record<string, unknown> {
    const entry = CATALOGUE[this.reason];
    // A 5xx from our side is generic: the detail goes to the log only.
    const message = this.status === 500 ? entry.message : this.message;
    const body: Record<string, unknown> = { message, type: entry.type, reason: this.reason };
    const d = this.details;
    if (d.missingFields) {
      body.missing_fields = d.missingFields;
      body.error = 'Missing fields.';
    }
    if (d.step) body.step = d.step;
    if (d.serverError) body.server_error = d.serverError;
    if (d.addressesTried) body.addresses_tried = d.addressesTried;
    return body;
  }

  /** Response headers this error carries (`Retry-After` and any extra). */
  toHeaders(): Record<string, string> {
    const h: Record<string, string> = { ...(this.details.headers ?? {}) };
    if (this.details.retryAfter !== undefined) h['retry-after'] = String(Math.ceil(this.details.retryAfter));
    return h;
  }
}

/**
 * The `missing_fields` error (400 `auth_error`) that lists what is missing after the catalogue's
 * words: `[before]Please include the missing fields[ in settings]: a, b[after]`.
 * @param fields — the names the message lists; also `missing_fields` unless `wireNames` is given.
 * @param opts.inSettings — the names are keys of `settings` ("… in settings: …").
 * @param opts.before — text before the sentence (ending with a space), e.g. why the fields are needed.
 * @param opts.after — text after the list, e.g. "." or a hint.
 * @param opts.wireNames — `missing_fields` as sent when it differs from the listed names (v3: `settings.x`).
 */
export function missingFieldsError(
  fields: string[],
  opts: { inSettings?: boolean; before?: string; after?: string; wireNames?: string[] } = {},
): ApiError {
  const where = opts.inSettings ? ' in settings' : '';
  return new ApiError('missing_fields', {
    missingFields: opts.wireNames ?? fields,
    message: `${opts.before ?? ''}${CATALOGUE.missing_fields.message}${where}: ${fields.join(', ')}${opts.after ?? ''}`,
  });
}
