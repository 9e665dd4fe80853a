import type { Application } from '../store/store.ts';
import type { ApplicationDetails } from './schemas.ts';

/**
 * `GET /v3/applications` (the SDK's `applications.getDetails()`): the application the API key
 * belongs to, in v3's shape — the same application v2's `GET /a/{client_id}` shows. Latchkey
 * has no organizations or regions: those fields say so plainly. A redirect URI's `id` is its
 * position, stable while the list is unchanged.
 */
export function applicationDetails(app: Application): ApplicationDetails {
  return {
    application_id: app.clientId,
    organization_id: app.clientId,
    region: 'self-hosted',
    environment: 'production',
    branding: { name: app.name, ...(app.iconUrl ? { icon_url: app.iconUrl } : {}) },
    hosted_authentication: app.accentColor ? { color_primary: app.accentColor } : {},
    callback_uris: app.redirectUris.map((url, i) => ({ id: String(i + 1), url, platform: 'web' as const })),
    created_at: app.createdAt,
  };
}
