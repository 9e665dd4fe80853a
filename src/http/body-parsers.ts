import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/api-error.ts';

/** DECISIONS "Transport": JSON, form bodies, and JSON sent as text/plain (the v2 Node SDK); a route's `consumes`. */
export const BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'];

/** A parsed body or query string as an object: anything else (absent, a string, an array) is `{}`. */
export function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Request bodies (DECISIONS "Transport"): JSON; `application/x-www-form-urlencoded` (PHP SDK),
 * with `settings[imap_host]=…` bracket keys read as a nested object; and `text/plain` that holds
 * JSON, because the official v2 Node SDK sends its JSON with `Content-Type: text/plain`.
 */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const json = (_req: unknown, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError('invalid_value', { message: 'The request body is not valid JSON.' }));
    }
  };
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, json);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseForm(body.toString()));
  });
}

/** Keys that would reach Object.prototype through an assignment: never accepted from a client. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `a=1&settings[b]=2` → `{ a: '1', settings: { b: '2' } }`. One level of brackets, as the SDKs
 * send. Objects are built without a prototype and `__proto__`/`constructor`/`prototype` keys are
 * dropped, so no request can change another's defaults (prototype pollution).
 */
export function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const m = /^([^[\]]+)\[([^[\]]*)\]$/.exec(key);
    if (!m) {
      if (!FORBIDDEN_KEYS.has(key)) out[key] = value;
      continue;
    }
    const [, outer = '', inner = ''] = m;
    if (FORBIDDEN_KEYS.has(outer) || FORBIDDEN_KEYS.has(inner)) continue;
    const existing = Object.hasOwn(out, outer) ? out[outer] : undefined;
    const bag = (existing && typeof existing === 'object' ? existing : (out[outer] = inner === '' ? [] : Object.create(null))) as
      Record<string, unknown> | unknown[];
    if (Array.isArray(bag)) bag.push(value);
    else bag[inner] = value;
  }
  return out;
}
