import type { AppContext } from '../app/context.ts';
import { detectAddress } from '../connect/detect-provider.ts';
import { ApiError } from '../errors/api-error.ts';
import { v3ProviderName } from '../providers/v3-names.ts';
import type { ProviderDetect } from './schemas.ts';

/**
 * `POST /v3/providers/detect?email=…` (the SDK's `auth.detectProvider`): v2's detection of one
 * address (DNS, autoconfig, ISPDB…) in v3's shape. `provider` is the name to send to
 * `POST /v3/connect/custom` (`google`, `microsoft`, `ews`, `imap`, `yahoo`, `icloud`, …); `type`
 * says how it connects: `oauth` (Google, Microsoft 365), `ews`, or `imap` (a password).
 * Latchkey adds the detected IMAP/SMTP `settings` when it found them. `all_provider_types` is
 * accepted and changes nothing: every type is always answered.
 * @throws ApiError `missing_fields` (400) without `email`; `invalid_value` (400) for a non-address.
 */
export async function detectProviderV3(ctx: AppContext, query: Record<string, unknown>): Promise<ProviderDetect> {
  if (typeof query.email !== 'string' || query.email.trim() === '') throw new ApiError('missing_fields', { missingFields: ['email'] });
  const view = await detectAddress(ctx, query.email);
  if (!view.detected) return { email_address: view.email_address, detected: false };
  const provider = v3ProviderName(view.auth_name);
  const type = provider === 'google' || provider === 'microsoft' ? 'oauth' : provider === 'ews' ? 'ews' : 'imap';
  return { email_address: view.email_address, detected: true, provider, type, ...(view.settings ? { settings: view.settings } : {}) };
}
