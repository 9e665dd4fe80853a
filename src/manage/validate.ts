import { ApiError } from '../errors/api-error.ts';

/** Metadata limits (reference §6.3, from the PHP SDK): keys, key length, value length in characters. */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;

/**
 * Checks a `metadata` value: an object of at most 50 keys, each 1–40 characters, each value a
 * string of at most 500 characters.
 * @throws ApiError `invalid_value` (400) naming the first rule broken.
 */
export function checkMetadata(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ApiError('invalid_value', { message: 'metadata must be an object of string values.' });
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > METADATA_LIMITS.maxKeys)
    throw new ApiError('invalid_value', { message: `metadata may hold at most ${METADATA_LIMITS.maxKeys} keys.` });
  for (const [k, v] of entries) {
    const keyLength = [...k].length;
    if (keyLength < 1 || keyLength > METADATA_LIMITS.maxKeyLength)
      throw new ApiError('invalid_value', { message: `metadata keys must be 1 to ${METADATA_LIMITS.maxKeyLength} characters long.` });
    if (typeof v !== 'string') throw new ApiError('invalid_value', { message: `metadata.${k} must be a string.` });
    if ([...v].length > METADATA_LIMITS.maxValueLength)
      throw new ApiError('invalid_value', { message: `metadata.${k} may be at most ${METADATA_LIMITS.maxValueLength} characters long.` });
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * Redirect URIs must be https, or http on localhost (reference §4.4: "Redirect URI is not HTTPS
 * or localhost").
 * @returns the problem, or undefined when the URI is acceptable.
 */
export function redirectUriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return 'Redirect URI must be a string.';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `Redirect URI ${JSON.stringify(uri)} is not a URL.`;
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return `Redirect URI is not HTTPS or localhost: ${uri} (it must be https, or http on localhost).`;
  return undefined;
}
