// @ts-check
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF protection (OWASP "signed double-submit cookie"): a random value in an HttpOnly,
 * SameSite=Strict cookie, and in the form (and the detection call's header) its HMAC under a
 * server key. A request is accepted only when both are present and agree.
 * @param {Buffer} key at least 32 random bytes
 */
export function csrf(key) {
  const sign = (/** @type {string} */ value) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    cookieName: 'bl_csrf',
    /** @param {string | undefined} existing the cookie as sent, reused when well-formed */
    issue(existing) {
      const value = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomBytes(32).toString('base64url');
      return { cookie: value, token: sign(value) };
    },
    /** @param {string | undefined} cookie @param {unknown} token */
    verify(cookie, token) {
      if (!cookie || typeof token !== 'string') return false;
      const a = Buffer.from(sign(cookie));
      const b = Buffer.from(token);
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}
