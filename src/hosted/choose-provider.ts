import type { AppContext } from '../app/context.ts';
import type { RequestSource } from '../connect/authorize.ts';
import { detectDomain } from '../detect/detect.ts';
import type { DomainDetection } from '../detect/types.ts';
import { detectionView } from '../detect/view.ts';
import { ApiError } from '../errors/api-error.ts';
import { APP_PASSWORD_HELP } from './provider-help.ts';
import type { ChosenProvider, HostedRequest } from './request.ts';

/**
 * The provider an address will be verified with (the hosted page's address step): the one the
 * application asked for (`provider=`); else detection — a known password provider by name; a
 * provider that takes OAuth but also app passwords (Gmail with 2-step verification) as `imap`
 * with its servers; another detected server as `imap` with the detected settings; nothing
 * detected → the server settings are asked for.
 * @throws ApiError `invalid_value` (not a whole address), `rate_limited` (detection's budget),
 *   `unsupported_provider` (a mailbox that takes OAuth only, e.g. Microsoft 365).
 */
export async function chooseProvider(ctx: AppContext, r: HostedRequest, email: string, source: RequestSource): Promise<ChosenProvider> {
  const domain = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email)?.[1];
  if (!domain)
    throw new ApiError('invalid_value', { message: 'Please enter a whole email address, like name@example.com (email_address).' });
  if (r.provider && r.provider !== 'imap') {
    const entry = Object.hasOwn(ctx.providers, r.provider) ? ctx.providers[r.provider] : undefined;
    return {
      auth: r.provider,
      key: r.provider,
      label: entry?.label ?? r.provider,
      manual: false,
      ...(entry?.appPasswords ? { appPasswords: true } : {}),
    };
  }
  // Detection contacts DNS and the domain's servers before authorize's limits are consulted:
  // it gets a budget of its own, and a locked IP none (the form is anyone's to post).
  await ctx.guard.beforeDetection(r.clientId, source.ip);
  const view = detectionView(
    email,
    await detectDomain(domain, ctx.detect, email).catch((): DomainDetection => ({ domain, oauthRequired: false, trace: [] })),
  );
  if (!view.detected || !view.settings) return { auth: 'imap', manual: true };
  const entry = Object.hasOwn(ctx.providers, view.auth_name) ? ctx.providers[view.auth_name] : undefined;
  const label = entry?.label ?? view.provider_name;
  const settings = view.settings;
  if (view.oauth_required) {
    if (entry?.appPasswords)
      return { auth: 'imap', key: view.auth_name, label, settings: compact(settings), manual: false, appPasswords: true };
    throw new ApiError('unsupported_provider', { message: `${label} mailboxes sign in with OAuth, which this server does not offer yet.` });
  }
  if (entry?.auth === 'password')
    return { auth: view.auth_name, key: view.auth_name, label, manual: false, ...(entry.appPasswords ? { appPasswords: true } : {}) };
  return { auth: 'imap', settings: compact(settings), manual: false };
}

/** The provider's name and help page as the page shows them. */
export function providerView(ctx: AppContext, p: ChosenProvider | undefined): { label?: string; helpUrl?: string } {
  if (!p) return {};
  const help = p.key && p.appPasswords ? APP_PASSWORD_HELP[p.key] : undefined;
  return { ...(p.label ? { label: p.label } : {}), ...(help ? { helpUrl: help } : {}) };
}

function compact(o: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}
