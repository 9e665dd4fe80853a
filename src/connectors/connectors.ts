import type { AppContext } from '../app/context.ts';
import { ApiError } from '../errors/api-error.ts';
import { Conflict, type ConnectorRow } from '../store/store.ts';

/**
 * Connectors (Nylas v3 "connectors", issue 15): an application's own OAuth client for Google or
 * Microsoft — its client id and secret, and the scopes it asks for — which Latchkey uses to
 * exchange the refresh tokens that application's users bring (`POST /v3/connect/custom` with
 * provider `google` / `microsoft`). One connector per (application, provider). The client secret
 * is stored as an AEAD envelope under the key ring, its associated data naming the row and the
 * field, so it cannot be moved to another application's row; it is never shown again.
 */

/** The providers a connector can be made for: the OAuth ones (v3 names). */
export const CONNECTOR_PROVIDERS = ['google', 'microsoft'] as const;
export type ConnectorProvider = (typeof CONNECTOR_PROVIDERS)[number];

/**
 * Scopes asked for when the application names none: what IMAP and SMTP with XOAUTH2 need.
 * Google: "https://mail.google.com/" (developers.google.com/gmail/imap/xoauth2-protocol);
 * Microsoft: IMAP.AccessAsUser.All and SMTP.Send on outlook.office.com, plus offline_access for a
 * refresh token (learn.microsoft.com, "Authenticate an IMAP, POP or SMTP connection using OAuth").
 */
export const DEFAULT_SCOPES: Record<ConnectorProvider, string[]> = {
  google: ['https://mail.google.com/'],
  microsoft: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send', 'offline_access'],
};

/** What a connector shows (never the client secret). Unix seconds. */
export interface ConnectorView {
  name: string;
  provider: ConnectorProvider;
  settings: Record<string, string>;
  scope: string[];
  created_at: number;
  updated_at: number;
}

/** What `connectorFor` hands to the code that talks to the provider: the secret decrypted. */
export interface ConnectorClient {
  provider: ConnectorProvider;
  clientId: string;
  clientSecret: string;
  scope: string[];
  /** Microsoft's tenant (`common` when not set). */
  tenant?: string;
}

/** The body of create / update, in v3's names (`settings.client_id`, `settings.client_secret`, `tenant`, `topic_name`). */
export interface ConnectorInput {
  provider?: unknown;
  name?: unknown;
  settings?: unknown;
  scope?: unknown;
}

const OPTIONAL_SETTINGS: Record<ConnectorProvider, readonly string[]> = { google: ['topic_name'], microsoft: ['tenant'] };

const aad = (clientId: string, provider: string) => `connector:${clientId}:${provider}:client_secret`;

/** @throws ApiError `unsupported_provider` for anything but google and microsoft. */
export function connectorProvider(p: unknown): ConnectorProvider {
  if (typeof p === 'string' && (CONNECTOR_PROVIDERS as readonly string[]).includes(p)) return p as ConnectorProvider;
  throw new ApiError('unsupported_provider', {
    message:
      `Connectors are for the OAuth providers ${CONNECTOR_PROVIDERS.join(' and ')}` +
      `${typeof p === 'string' ? ` (not "${p.slice(0, 40)}")` : ''}; password providers (imap, icloud, yahoo, …) need none.`,
  });
}

/**
 * `POST /v3/connectors`: stores the application's OAuth client for a provider.
 * @throws ApiError `unsupported_provider`, `missing_fields` (settings.client_id / client_secret),
 *   `invalid_value`, `connector_exists` (409).
 */
export async function createConnector(ctx: AppContext, clientId: string, input: ConnectorInput): Promise<ConnectorView> {
  const provider = connectorProvider(input.provider);
  const settings = record(input.settings, 'settings');
  const missing = ['client_id', 'client_secret'].filter((k) => typeof settings[k] !== 'string' || !settings[k]);
  if (missing.length)
    throw new ApiError('missing_fields', {
      missingFields: missing.map((k) => `settings.${k}`),
      message: `Please include the OAuth client's ${missing.map((k) => `settings.${k}`).join(' and ')}.`,
    });
  const now = Math.floor(ctx.now() / 1000);
  const row: ConnectorRow = {
    clientId,
    provider,
    name: input.name === undefined ? `${provider} connector` : text(input.name, 'name', 256),
    settings: publicSettings(provider, settings),
    scope: input.scope === undefined ? DEFAULT_SCOPES[provider] : scopes(input.scope),
    secretEnvelope: ctx.keys.encrypt(text(settings.client_secret, 'settings.client_secret', 2048), aad(clientId, provider)),
    keyVersion: ctx.keys.current,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.store.createConnector(row);
  } catch (err) {
    if (err instanceof Conflict) throw new ApiError('connector_exists');
    throw err;
  }
  return view(row);
}

/**
 * `PATCH /v3/connectors/{provider}`: changes the name, scopes, or settings; a new
 * `settings.client_secret` replaces the stored one, absent keeps it.
 * @throws ApiError `connector_not_found`, `invalid_value`.
 */
export async function updateConnector(
  ctx: AppContext,
  clientId: string,
  providerName: string,
  input: ConnectorInput,
): Promise<ConnectorView> {
  const provider = connectorProvider(providerName);
  const row = await ctx.store.findConnector(clientId, provider);
  if (!row) throw new ApiError('connector_not_found');
  const next: ConnectorRow = { ...row, updatedAt: Math.floor(ctx.now() / 1000) };
  if (input.name !== undefined) next.name = text(input.name, 'name', 256);
  if (input.scope !== undefined) next.scope = scopes(input.scope);
  if (input.settings !== undefined) {
    const settings = record(input.settings, 'settings');
    next.settings = publicSettings(provider, { ...row.settings, ...settings });
    if (settings.client_secret !== undefined) {
      next.secretEnvelope = ctx.keys.encrypt(text(settings.client_secret, 'settings.client_secret', 2048), aad(clientId, provider));
      next.keyVersion = ctx.keys.current;
    }
  }
  if (!(await ctx.store.updateConnector(next))) throw new ApiError('connector_not_found');
  return view(next);
}

/** `GET /v3/connectors`: the application's connectors, by provider name. */
export async function listConnectors(ctx: AppContext, clientId: string): Promise<ConnectorView[]> {
  return (await ctx.store.listConnectors(clientId)).map(view);
}

/** `GET /v3/connectors/{provider}`. @throws ApiError `connector_not_found`. */
export async function findConnector(ctx: AppContext, clientId: string, provider: string): Promise<ConnectorView> {
  const row = (CONNECTOR_PROVIDERS as readonly string[]).includes(provider) ? await ctx.store.findConnector(clientId, provider) : undefined;
  if (!row) throw new ApiError('connector_not_found');
  return view(row);
}

/** `DELETE /v3/connectors/{provider}`: grants already connected keep working. @throws ApiError `connector_not_found`. */
export async function deleteConnector(ctx: AppContext, clientId: string, provider: string): Promise<void> {
  if (!(await ctx.store.deleteConnector(clientId, provider))) throw new ApiError('connector_not_found');
}

/**
 * The application's OAuth client for `provider` with its secret decrypted, for the code that
 * exchanges refresh tokens (v3 custom authentication for google / microsoft), or undefined when
 * the application made no connector for it.
 * @throws Error when the envelope cannot be decrypted (its key was retired, or the row was tampered with).
 */
export async function connectorFor(ctx: AppContext, clientId: string, provider: ConnectorProvider): Promise<ConnectorClient | undefined> {
  const row = await ctx.store.findConnector(clientId, provider);
  if (!row) return undefined;
  return {
    provider,
    clientId: row.settings.client_id!,
    clientSecret: ctx.keys.decrypt(row.secretEnvelope, aad(clientId, provider)),
    scope: row.scope,
    ...(row.settings.tenant ? { tenant: row.settings.tenant } : {}),
  };
}

function view(row: ConnectorRow): ConnectorView {
  return {
    name: row.name,
    provider: row.provider as ConnectorProvider,
    settings: row.settings,
    scope: row.scope,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

function publicSettings(provider: ConnectorProvider, s: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = { client_id: text(s.client_id, 'settings.client_id', 512) };
  for (const k of OPTIONAL_SETTINGS[provider]) if (s[k] !== undefined && s[k] !== '') out[k] = text(s[k], `settings.${k}`, 256);
  return out;
}

function record(v: unknown, field: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new ApiError('invalid_value', { message: `${field} must be an object.` });
  return v as Record<string, unknown>;
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || !v.trim() || v.length > max)
    throw new ApiError('invalid_value', { message: `${field} must be a non-empty string of at most ${max} characters.` });
  return v;
}

function scopes(v: unknown): string[] {
  if (!Array.isArray(v) || v.length > 50 || !v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 256 && !/\s/.test(s))) {
    throw new ApiError('invalid_value', { message: 'scope must be a list of at most 50 scope strings without spaces.' });
  }
  return [...new Set(v as string[])];
}
