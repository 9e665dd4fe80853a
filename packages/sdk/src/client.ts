import { errorFromResponse, LatchkeyError } from './errors.ts';
import { send, transport } from './transport.ts';
import type { Account, AuthorizeRequest, CodeResponse, DetectResponse, TokenResponse } from './types.ts';
import { managementApis, oauthApi, type AccountsApi, type ApplicationApi, type OAuthApi } from './management.ts';
import { hostedAuthUrl, type HostedAuthOptions } from './hosted.ts';

export interface LatchkeyOptions {
  /** Where Latchkey answers, e.g. `https://auth.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** The application's `client_id`. */
  clientId: string;
  /** Needed only by `connect.token`. Keep it on your backend: never ship it to a browser. */
  clientSecret?: string;
  /** A `fetch` to use instead of the global one (tests, custom agents). */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * A small typed client for Latchkey's native-authentication API (Nylas v2 wire format).
 * Runs in Node 20+ and in browsers; its only dependency is `fetch`. Every failure rejects with
 * a {@link LatchkeyError}.
 *
 * @example
 * const lk = new Latchkey({ baseUrl: 'https://auth.example.com', clientId, clientSecret });
 * const { code } = await lk.connect.authorize({ name, email_address, provider: 'imap', settings });
 * const { access_token } = await lk.connect.token(code);
 * const account = await lk.account.get(access_token);
 */
export class Latchkey {
  readonly connect: {
    /**
     * `POST /connect/authorize`: Latchkey logs in to the user's IMAP and SMTP servers and answers
     * with a one-time code (valid 15 minutes). Needs no secret, so a login page may call it.
     */
    authorize(request: Omit<AuthorizeRequest, 'client_id'>, options?: CallOptions): Promise<CodeResponse>;
    /** `POST /connect/token`: exchanges a code for the account and its `access_token`. Needs `clientSecret`. */
    token(code: string, options?: CallOptions): Promise<TokenResponse>;
    /**
     * `POST /connect/detect-provider`: the provider and IMAP/SMTP settings of an address (`detected`,
     * `auth_name` — the `provider` to authorize with —, `settings`, `oauth_required`, `source`).
     * Needs `clientSecret` (call it from your backend).
     */
    detectProvider(emailAddress: string, options?: CallOptions): Promise<DetectResponse>;
  };

  readonly account: {
    /** `GET /account`: the account behind an access token. */
    get(accessToken: string, options?: CallOptions): Promise<Account>;
  };

  /** The v2 management API for this application's accounts (needs `clientSecret`: backend only). */
  readonly accounts: AccountsApi;
  /** This application's name, icon and redirect URIs (needs `clientSecret`). */
  readonly application: ApplicationApi;
  /** `oauth.revoke(accessToken)`: the token stops working at once. `oauth.token(code, …)`: the hosted-login exchange. */
  readonly oauth: OAuthApi;
  /** Hosted authentication (Latchkey's own login page). */
  readonly hosted: {
    /** The URL to send the person to: `/oauth/authorize` with this client's id. Needs no secret. */
    authorizeUrl(options: HostedAuthOptions): string;
  };

  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: LatchkeyOptions) {
    if (!options.baseUrl) throw new TypeError('Latchkey: baseUrl is required');
    if (!options.clientId) throw new TypeError('Latchkey: clientId is required');
    ({ baseUrl: this.baseUrl, fetchImpl: this.fetchImpl } = transport(options));
    this.connect = {
      authorize: (request, o) => this.call<CodeResponse>('POST', '/connect/authorize', { body: { ...request, client_id: this.options.clientId }, ...o }),
      token: async (code, o) => {
        if (!this.options.clientSecret) throw new TypeError('Latchkey: connect.token needs clientSecret (call it from your backend)');
        return this.call<TokenResponse>('POST', '/connect/token', { body: { client_id: this.options.clientId, client_secret: this.options.clientSecret, code }, ...o });
      },
      detectProvider: async (emailAddress, o) => {
        if (!this.options.clientSecret) throw new TypeError('Latchkey: connect.detectProvider needs clientSecret (call it from your backend)');
        return this.call<DetectResponse>('POST', '/connect/detect-provider', { body: { client_id: this.options.clientId, client_secret: this.options.clientSecret, email_address: emailAddress }, ...o });
      },
    };
    this.account = {
      get: (accessToken, o) => this.call<Account>('GET', '/account', { headers: { authorization: `Bearer ${accessToken}` }, ...o }),
    };
    const call = <T>(method: string, path: string, o: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }) => this.call<T>(method, path, o);
    const secret = (method: string) => {
      if (!this.options.clientSecret) throw new TypeError(`Latchkey: ${method} needs clientSecret (call it from your backend)`);
      return this.options.clientSecret;
    };
    ({ accounts: this.accounts, application: this.application } = managementApis(call, options.clientId, secret));
    this.oauth = oauthApi(call, options.clientId, options.clientSecret);
    this.hosted = { authorizeUrl: (o) => hostedAuthUrl(this.baseUrl, options.clientId, o) };
  }

  private async call<T>(method: string, path: string, o: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }): Promise<T> {
    const url = this.baseUrl + path;
    const res = await send(this.fetchImpl, url, { method, ...o }, (message, cause) => new LatchkeyError(0, { message }, undefined, { cause }));
    if (!res.ok) throw await errorFromResponse(res);
    try {
      return (await res.json()) as T;
    } catch (err) {
      throw new LatchkeyError(res.status, { message: `Latchkey answered HTTP ${res.status} with a body that is not JSON.` }, undefined, { cause: err });
    }
  }
}
