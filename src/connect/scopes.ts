import { ApiError } from '../errors/api-error.ts';

/** The 13 v2 scopes (Nylas v2 reference §5.1). */
export const V2_SCOPES = [
  'email',
  'email.modify',
  'email.read_only',
  'email.send',
  'email.folders_and_labels',
  'email.metadata',
  'email.drafts',
  'calendar',
  'calendar.read_only',
  'calendar.free_busy',
  'room_resources.read_only',
  'contacts',
  'contacts.read_only',
] as const;

/** DECISIONS "Scopes": used when `scopes` is absent or empty. */
export const DEFAULT_SCOPES = 'email,calendar,contacts';

/**
 * Normalises `scopes` (comma-separated string, or an array) to the stored comma-separated form.
 * @throws ApiError `invalid_scope` naming the unknown scope; `invalid_value` for another type.
 */
export function parseScopes(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_SCOPES;
  let list: string[];
  if (typeof value === 'string') list = value.split(',');
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) list = value as string[];
  else throw new ApiError('invalid_value', { message: 'scopes must be a comma-separated string or an array of strings.' });
  const scopes = [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  if (!scopes.length) return DEFAULT_SCOPES;
  const unknown = scopes.filter((s) => !(V2_SCOPES as readonly string[]).includes(s));
  if (unknown.length) {
    throw new ApiError('invalid_scope', {
      message: `Unknown scope${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid scopes: ${V2_SCOPES.join(', ')}.`,
    });
  }
  return scopes.join(',');
}
