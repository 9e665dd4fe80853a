import type { Config } from '../config/env.ts';
import type { VerifyContext } from '../mail/context.ts';
import { verifyImap } from '../mail/imap/verify.ts';
import type { ServerLogin } from '../mail/login.ts';
import { verifySmtp } from '../mail/smtp/verify.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { DnsLookups } from '../net/dns.ts';
import type { ExchangeLogin } from './exchange/types.ts';
import { verifyExchange } from './exchange/verify.ts';
import { oauthEndpoints, type OAuthPlatform } from './oauth/endpoints.ts';
import { mintMailToken, type OAuthCredentials } from './oauth/mint.ts';
import type { ProviderEntry } from './table.ts';

/**
 * The credentials to verify, by way of signing in. `/connect/authorize` (connect/request.ts) and
 * the health check of a stored account (health/verify-account.ts) each build one; `provider` is
 * the provider-table key (the OAuth endpoints of its entry).
 */
export type VerifyRequest =
  | { method: 'password'; emailAddress: string; provider: string; imap: ServerLogin; smtp: ServerLogin }
  | {
      method: 'oauth';
      emailAddress: string;
      provider: string;
      platform: OAuthPlatform;
      oauth: OAuthCredentials;
      imap: ServerLogin;
      smtp: ServerLogin;
    }
  | { method: 'exchange'; emailAddress: string; provider: string; exchange: ExchangeLogin };

/** What verification uses besides the request and the dialling context. */
export interface VerifyDeps {
  /** `LATCHKEY_*_URL` overrides of the OAuth endpoints. */
  config: Pick<Config, 'oauthEndpoints'>;
  /** The provider table: an entry's `oauth` endpoints. */
  providers: Record<string, ProviderEntry>;
  /** MX and SRV lookups for Exchange Autodiscover. */
  dns: DnsLookups;
  /** Times each provider step for `GET /metrics`; the CLI has none. */
  metrics?: Pick<Metrics, 'timeLogin'>;
}

/** What a successful verification learned that must be stored with the account. */
export interface VerifiedFacts {
  /** OAuth: a refresh token the endpoint rotated in (store it instead of the one sent). */
  rotatedRefreshToken?: string;
  /** Exchange: the EWS URL that answered (found by Autodiscover, or built from the host). */
  ewsUrl?: string;
}

/**
 * Verifies a request's credentials with the provider, by method:
 * - `password` (variants I, K): IMAP, then SMTP (reference §9.1 order).
 * - `oauth` (G1, M1): a fresh access token minted from the refresh token — first, always, and
 *   only once (case C23) — then IMAP and SMTP with XOAUTH2 / OAUTHBEARER (reference §9.2, §9.3).
 *   No IMAP connection is opened when the token endpoint refuses.
 * - `exchange` (E1): EWS GetFolder, after Autodiscover when no host was given.
 * Every connection goes through `v`'s resolver, outbound policy and trust anchors; `v.signal`
 * ends it all (the authorize deadline).
 * @throws ApiError with `step` — see the catalogue.
 */
export async function verifyCredentials(ctx: VerifyDeps, r: VerifyRequest, v: VerifyContext): Promise<VerifiedFacts> {
  // Each provider step is timed for GET /metrics when the caller has metrics (the CLI has none).
  const timed = <T>(protocol: 'oauth' | 'imap' | 'smtp' | 'ews', fn: () => Promise<T>): Promise<T> =>
    ctx.metrics ? ctx.metrics.timeLogin(protocol, fn) : fn();
  const http = { resolve: v.resolve, policy: v.policy, secureContext: v.secureContext };
  if (r.method === 'exchange') {
    const found = await timed('ews', () =>
      verifyExchange(r.exchange, r.emailAddress, {
        ...http,
        dns: ctx.dns,
        timeoutMs: v.commandTimeoutMs,
        ...(v.signal ? { signal: v.signal } : {}),
        ...(v.onStep ? { onStep: v.onStep } : {}),
      }),
    );
    return { ewsUrl: found.url };
  }
  let facts: VerifiedFacts = {};
  let imap = r.imap;
  let smtp = r.smtp;
  if (r.method === 'oauth') {
    const endpoints = oauthEndpoints(r.platform, ctx.config, ctx.providers[r.provider]);
    const token = await timed('oauth', () =>
      mintMailToken(
        endpoints,
        r.oauth,
        r.emailAddress,
        { ...http, ...(v.signal ? { signal: v.signal } : {}) },
        v.commandTimeoutMs,
        v.onStep,
      ),
    );
    if (v.signal?.aborted) return facts;
    imap = { ...imap, accessToken: token.accessToken };
    smtp = { ...smtp, accessToken: token.accessToken };
    facts = token.rotatedRefreshToken ? { rotatedRefreshToken: token.rotatedRefreshToken } : {};
  }
  await timed('imap', () => verifyImap(imap, v));
  if (v.signal?.aborted) return facts;
  await timed('smtp', () => verifySmtp(smtp, v));
  return facts;
}
