import type { AppContext } from '../app/context.ts';
import { ApiError, missingFieldsError } from '../errors/api-error.ts';
import { detectDomain } from '../detect/detect.ts';
import { detectionView, type DetectionView } from '../detect/view.ts';
import { authenticateClient } from './clients.ts';

const EMAIL = /^[^\s@"]+@([^\s@]+\.[^\s@]+)$/;

/**
 * `POST /connect/detect-provider` (v2 reference §6.6; DECISIONS "Detection"): an authenticated
 * client asks which provider and server settings an address uses.
 * @throws ApiError `missing_fields`, `invalid_client` (401), `invalid_value` (not an address).
 */
export async function detectProvider(ctx: AppContext, body: Record<string, unknown>): Promise<DetectionView> {
  const missing = ['client_id', 'client_secret', 'email_address'].filter((k) => typeof body[k] !== 'string' || !body[k]);
  if (missing.length) throw new ApiError('missing_fields', { missingFields: missing });
  await authenticateClient(ctx.store, body.client_id, body.client_secret);
  return detectAddress(ctx, body.email_address as string);
}

/**
 * The detection step both surfaces share (v2 `/connect/detect-provider`, v3 `/v3/providers/detect`),
 * once the caller is authenticated: provider and IMAP/SMTP settings of one address.
 * @throws ApiError `invalid_value` (400) when `address` is not an email address.
 */
export async function detectAddress(ctx: AppContext, address: string): Promise<DetectionView> {
  const email = address.trim();
  const domain = EMAIL.exec(email)?.[1];
  if (!domain)
    throw new ApiError('invalid_value', { message: `email_address ${JSON.stringify(email.slice(0, 80))} is not an email address.` });
  const started = ctx.now();
  const detection = await detectDomain(domain, ctx.detect, email);
  const view = detectionView(email, detection);
  ctx.log.info(
    { event: 'connect.detect', detected: view.detected, source: view.source, provider: view.auth_name, duration_ms: ctx.now() - started },
    'detect',
  );
  return view;
}

/**
 * Authorize with `provider: "imap"` and only some settings (or only `password`): fills every
 * missing host, port, security and username from detection, leaving what the request gave as is.
 * @returns the body with `settings` completed.
 * @throws ApiError `missing_fields` naming what is still missing when nothing was detected.
 */
export async function fillSettingsByDetection(ctx: AppContext, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const settings = body.settings;
  if (body.provider !== 'imap' || !settings || typeof settings !== 'object' || Array.isArray(settings)) return body;
  const s = settings as Record<string, unknown>;
  const blank = (k: string) => s[k] === undefined || s[k] === null || s[k] === '';
  const needed = ['imap_host', 'imap_port', 'smtp_host', 'smtp_port'];
  if (!needed.some(blank)) return body;
  const email = typeof body.email_address === 'string' ? body.email_address.trim() : '';
  const domain = EMAIL.exec(email)?.[1];
  if (!domain) return body; // the request validation names the bad address
  const view = detectionView(email, await detectDomain(domain, ctx.detect, email));
  if (!view.settings) {
    const passwordMissing = blank('imap_password') && blank('password');
    const missing = ['imap_host', 'imap_port', ...(passwordMissing ? ['imap_password'] : []), 'smtp_host', 'smtp_port'].filter(
      (k) => k === 'imap_password' || blank(k),
    );
    throw missingFieldsError(missing, { inSettings: true, before: `Latchkey could not detect the mail servers of ${domain}. ` });
  }
  const filled: Record<string, unknown> = { ...s };
  const detected = view.settings as Record<string, unknown>;
  // A host given by the request keeps its own port/security unless those are given too.
  for (const p of ['imap', 'smtp']) {
    if (!blank(`${p}_host`) && blank(`${p}_port`)) continue;
    for (const k of ['host', 'port', 'security', 'username']) {
      if (blank(`${p}_${k}`)) filled[`${p}_${k}`] = detected[`${p}_${k}`];
    }
  }
  if (blank('imap_password') && typeof s.password === 'string') filled.imap_password = s.password;
  return { ...body, settings: filled };
}
