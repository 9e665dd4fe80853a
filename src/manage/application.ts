import { recordAudit } from '../audit/record.ts';
import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import type { Application } from '../store/store.ts';
import { redirectUriProblem } from './validate.ts';

/** The v2 application object (reference §6.3, `GET /a/{client_id}`). */
export interface ApplicationView {
  application_name: string;
  icon_url: string | null;
  redirect_uris: string[];
  /** Latchkey extension (issue 8): the hosted login page's accent colour, `#rrggbb`, or null. */
  accent_color: string | null;
  /** Latchkey extension (issue 14): the application may read its accounts' credentials (off by default). */
  credentials_release: boolean;
}

export function applicationView(app: Application): ApplicationView {
  return {
    application_name: app.name,
    icon_url: app.iconUrl,
    redirect_uris: app.redirectUris,
    accent_color: app.accentColor ?? null,
    credentials_release: Boolean(app.credentialsRelease),
  };
}

/**
 * `PUT` / `POST /a/{client_id}` (both, as the reference says to accept both): changes any of
 * `application_name` (1–256 characters), `icon_url` (an https URL, or null) and `redirect_uris`
 * (each https, or http on localhost) and `accent_color` (`#rrggbb` or null: the hosted login
 * page's accent colour, a Latchkey extension) and `credentials_release` (true / false: whether the
 * application may read its accounts' credentials, issue 14; off by default); fields left out stay.
 * @throws ApiError `invalid_value` (400) for an empty body or a value that breaks a rule.
 */
export async function updateApplication(ctx: AppContext, app: Application, body: Record<string, unknown>): Promise<ApplicationView> {
  const changes: {
    name?: string;
    iconUrl?: string | null;
    redirectUris?: string[];
    accentColor?: string | null;
    credentialsRelease?: boolean;
  } = {};
  if (!['application_name', 'icon_url', 'redirect_uris', 'accent_color', 'credentials_release'].some((k) => k in body)) {
    throw new ApiError('invalid_value', {
      message: 'Empty request body: send application_name, icon_url, redirect_uris, accent_color or credentials_release.',
    });
  }
  if ('credentials_release' in body) {
    const on = body.credentials_release;
    // Form bodies carry strings: "true" / "false" as well.
    if (on !== true && on !== false && on !== 'true' && on !== 'false')
      throw new ApiError('invalid_value', { message: 'credentials_release must be true or false.' });
    changes.credentialsRelease = on === true || on === 'true';
  }
  if ('accent_color' in body) {
    const color = body.accent_color;
    if (color !== null && (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)))
      throw new ApiError('invalid_value', { message: 'accent_color must be a colour written #rrggbb (or null).' });
    changes.accentColor = color === null ? null : (color as string).toLowerCase();
  }
  if ('application_name' in body) {
    const name = body.application_name;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 256)
      throw new ApiError('invalid_value', { message: 'application_name must be 1 to 256 characters.' });
    changes.name = name;
  }
  if ('icon_url' in body) {
    const icon = body.icon_url;
    if (icon !== null && (typeof icon !== 'string' || !isHttpsUrl(icon)))
      throw new ApiError('invalid_value', { message: 'icon_url must be an https URL (or null).' });
    changes.iconUrl = icon as string | null;
  }
  if ('redirect_uris' in body) {
    const uris = body.redirect_uris;
    if (!Array.isArray(uris)) throw new ApiError('invalid_value', { message: 'redirect_uris must be an array of URLs.' });
    for (const uri of uris) {
      const problem = redirectUriProblem(uri);
      if (problem) throw new ApiError('invalid_value', { message: problem });
    }
    changes.redirectUris = uris as string[];
  }
  const updated = await ctx.store.updateApplication(app.clientId, changes);
  if (!updated) throw new ApiError('invalid_client');
  await recordAudit(ctx, { event: 'application.updated', clientId: app.clientId, outcome: 'ok' });
  return applicationView(updated);
}

function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}
