import type { paths } from './openapi.ts';
import { parseRetryAfter } from './errors.ts';
import { readJson, send, transport } from './transport.ts';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Data<T> = JsonBody<T> extends { data: infer D } ? D : never;

/** A v3 grant: a Latchkey account in v3's shape (`GET /v3/grants/{id}`). Times in Unix seconds. */
export type Grant = Data<paths['/v3/grants/{grant_id}']['get']['responses'][200]>;
/** `POST /v3/connect/custom` body: `provider` and its `settings`. */
export type CustomAuthRequest = JsonBody<paths['/v3/connect/custom']['post']['requestBody']>;
/** `GET /v3/grants` filters (v3's names); numbers may be given as numbers. */
export type GrantListQuery = { [K in keyof NonNullable<paths['/v3/grants']['get']['parameters']['query']>]?: string | number };
/** One page of grants and the cursor of the next (pass it back as `page_token`). */
export type GrantPage = JsonBody<paths['/v3/grants']['get']['responses'][200]>;
/** `POST /v3/providers/detect` answer. */
export type ProviderDetectResponse = Data<paths['/v3/providers/detect']['post']['responses'][200]>;
/** `GET /v3/applications` answer. */
export type ApplicationDetails = Data<paths['/v3/applications']['get']['responses'][200]>;
/** Every v3 error body: `{request_id, error: {type, message, reason, provider_error?, missing_fields?}}`. */
export type V3ErrorBody = JsonBody<paths['/v3/grants']['get']['responses']['4XX']>;

/**
 * A v3 failure: `status` (0 when Latchkey could not be reached), v3's `type`
 * (`api.provider_error`, …), Latchkey's `reason`, the provider's error and the request id.
 */
export class LatchkeyV3Error extends Error {
  readonly status: number;
  readonly type: V3ErrorBody['error']['type'] | undefined;
  readonly reason: V3ErrorBody['error']['reason'] | undefined;
  readonly providerError: V3ErrorBody['error']['provider_error'];
  readonly missingFields: string[] | undefined;
  readonly requestId: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(status: number, body: { request_id?: string; error: { message: string } & Partial<V3ErrorBody['error']> }, retryAfter?: number, options?: { cause?: unknown }) {
    super(body.error.message, options);
    this.name = 'LatchkeyV3Error';
    this.status = status;
    this.type = body.error.type;
    this.reason = body.error.reason;
    this.providerError = body.error.provider_error;
    this.missingFields = body.error.missing_fields;
    this.requestId = body.request_id;
    this.retryAfter = retryAfter;
  }
}

export interface LatchkeyV3Options {
  /** Where Latchkey answers, e.g. `https://auth.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** An API key of the application (`latchkey apps api-keys create CLIENT_ID`). Backend only. */
  apiKey: string;
  fetch?: typeof fetch;
}

/**
 * Latchkey's Nylas v3 surface (`/v3`): custom authentication, grants and provider detection with
 * an application API key. The official `nylas` SDK speaks the same API; this client is for apps
 * that want Latchkey's typed shapes and its `reason` / `provider_error` details.
 *
 * @example
 * const v3 = new LatchkeyV3({ baseUrl, apiKey });
 * const grant = await v3.connect.custom({ provider: 'imap', settings: { imap_username, imap_password } });
 */
export class LatchkeyV3 {
  readonly connect: {
    /** `POST /v3/connect/custom`: verifies the credentials with the provider and answers the grant (same address again: same id). */
    custom(request: CustomAuthRequest, signal?: AbortSignal): Promise<Grant>;
  };
  readonly grants: {
    /** `GET /v3/grants`: one page; follow `next_cursor` with `page_token`. */
    list(query?: GrantListQuery, signal?: AbortSignal): Promise<GrantPage>;
    get(grantId: string, signal?: AbortSignal): Promise<Grant>;
    /** `PATCH /v3/grants/{id}`: new credentials, verified with the provider, merged over the stored settings. */
    update(grantId: string, settings: Record<string, unknown>, signal?: AbortSignal): Promise<Grant>;
    /** `DELETE /v3/grants/{id}`: with its credentials and every token. */
    delete(grantId: string, signal?: AbortSignal): Promise<void>;
    /** `GET /v3/grants/me`: the grant behind an access token (no API key needed). */
    me(accessToken: string, signal?: AbortSignal): Promise<Grant>;
  };
  readonly providers: {
    /** `POST /v3/providers/detect`: `provider` (for `connect.custom`), `type`, detected `settings`. */
    detect(email: string, signal?: AbortSignal): Promise<ProviderDetectResponse>;
  };
  readonly application: {
    get(signal?: AbortSignal): Promise<ApplicationDetails>;
  };

  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: LatchkeyV3Options) {
    if (!options.baseUrl) throw new TypeError('LatchkeyV3: baseUrl is required');
    if (!options.apiKey) throw new TypeError('LatchkeyV3: apiKey is required');
    ({ baseUrl: this.baseUrl, fetchImpl: this.fetchImpl } = transport(options));
    const grant = (id: string) => `/v3/grants/${encodeURIComponent(id)}`;
    const data = async <T>(p: Promise<{ data: T }>) => (await p).data;
    this.connect = { custom: (request, signal) => data(this.call('POST', '/v3/connect/custom', { body: request, signal })) };
    this.grants = {
      list: (query = {}, signal) => {
        const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
        const qs = q.toString();
        return this.call('GET', `/v3/grants${qs ? `?${qs}` : ''}`, { signal });
      },
      get: (id, signal) => data(this.call('GET', grant(id), { signal })),
      update: (id, settings, signal) => data(this.call('PATCH', grant(id), { body: { settings }, signal })),
      delete: async (id, signal) => { await this.call('DELETE', grant(id), { signal }); },
      me: (accessToken, signal) => data(this.call('GET', '/v3/grants/me', { signal, bearer: accessToken })),
    };
    this.providers = { detect: (email, signal) => data(this.call('POST', `/v3/providers/detect?email=${encodeURIComponent(email)}`, { signal })) };
    this.application = { get: (signal) => data(this.call('GET', '/v3/applications', { signal })) };
  }

  private async call<T>(method: string, path: string, o: { body?: unknown; signal?: AbortSignal | undefined; bearer?: string }): Promise<T> {
    const url = this.baseUrl + path;
    const headers = { authorization: `Bearer ${o.bearer ?? this.options.apiKey}` };
    const unreachable = (message: string, cause: unknown) => new LatchkeyV3Error(0, { error: { message } }, undefined, { cause });
    const res = await send(this.fetchImpl, url, { method, headers, body: o.body, signal: o.signal }, unreachable);
    const body = await readJson(res);
    if (!res.ok) {
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), Date.now());
      const e = (body as Partial<V3ErrorBody> | undefined)?.error;
      if (e && typeof e.message === 'string') throw new LatchkeyV3Error(res.status, body as V3ErrorBody, retryAfter);
      throw new LatchkeyV3Error(res.status, { error: { message: `Latchkey answered HTTP ${res.status} without its JSON error body.` } }, retryAfter);
    }
    if (body === undefined) throw new LatchkeyV3Error(res.status, { error: { message: `Latchkey answered HTTP ${res.status} with a body that is not JSON.` } });
    return body as T;
  }
}
