/**
 * EmailEngine's side of the authentication-server contract, ported line for line from its
 * lib/tools.js `resolveCredentials` (postalsys/emailengine, v2.6x): the configured URL's
 * userinfo is HTML-entity-decoded, removed from the URL and sent as HTTP Basic after
 * HTML-entity-encoding each part (`he`); `account` and `proto` are set as query parameters; the
 * User-Agent is `emailengine/VERSION (+https://emailengine.app)`; any non-2xx fails; the JSON is
 * validated with the same Joi schema and unknown keys are stripped. Only the HTTP client differs
 * (global fetch instead of undici's fetch with a retry agent).
 */
import he from 'he';
import Joi from 'joi';

export const EMAILENGINE_USER_AGENT = 'emailengine/2.62.0 (+https://emailengine.app)';

export async function resolveCredentials(authServer: string, account: string, proto: 'imap' | 'smtp' | 'api'): Promise<{ user: string; pass?: string; accessToken?: string }> {
  const headers: Record<string, string> = { 'User-Agent': EMAILENGINE_USER_AGENT };
  const parsed = new URL(authServer);
  let username: string | undefined;
  let password: string | undefined;
  if (parsed.username) {
    username = he.decode(parsed.username);
    parsed.username = '';
  }
  if (parsed.password) {
    password = he.decode(parsed.password);
    parsed.password = '';
  }
  if (username || password) {
    headers.Authorization = `Basic ${Buffer.from(he.encode(username || '') + ':' + he.encode(password || '')).toString('base64')}`;
  }
  parsed.searchParams.set('account', account);
  parsed.searchParams.set('proto', proto);
  const authResponse = await fetch(parsed.toString(), { method: 'GET', headers });
  if (!authResponse.ok) {
    throw new Error(`Invalid response: ${authResponse.status} ${authResponse.statusText}`);
  }
  const authData = await authResponse.json();
  if (!authData) {
    throw new Error('Failed resolving credentials for ' + account);
  }
  const schema = Joi.object({
    user: Joi.string().max(256).required(),
    pass: Joi.string()
      .allow('')
      .max(256)
      .when('accessToken', {
        is: Joi.exist().not(false, null),
        then: Joi.optional().valid(false, null),
        otherwise: Joi.required(),
      }),
    accessToken: Joi.string().max(4 * 4096),
  });
  const { error, value } = schema.validate(authData, { abortEarly: false, stripUnknown: true, convert: true });
  if (error) throw error;
  return value as { user: string; pass?: string; accessToken?: string };
}
