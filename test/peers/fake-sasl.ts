/**
 * SASL payload decoding shared by the fake IMAP and SMTP servers.
 */

/**
 * Decoded credentials of an AUTHENTICATE / AUTH exchange. For XOAUTH2 and OAUTHBEARER,
 * `pass` is the bearer token (without "Bearer "). `raw` is the decoded payload when it
 * did not have the mechanism's shape.
 */
export type SaslCredentials = { authzid: string; user: string; pass: string } | { raw: string };

/** Mechanisms the fakes can run. */
export const SASL_MECHANISMS = ['PLAIN', 'LOGIN', 'XOAUTH2', 'OAUTHBEARER'] as const;

/** Whether `s` is syntactically base64 (empty allowed). */
export function isBase64(s: string): boolean {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s);
}

/** Base64 to UTF-8 text. */
export function b64decode(s: string): string {
  return Buffer.from(s, 'base64').toString('utf8');
}

/** UTF-8 text to base64. */
export function b64encode(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Decodes a one-step payload (PLAIN, XOAUTH2, OAUTHBEARER) given as base64. */
export function decodeSasl(mechanism: string, b64: string): SaslCredentials {
  const raw = b64decode(b64);
  if (mechanism === 'PLAIN') {
    const parts = raw.split('\x00');
    if (parts.length === 3) return { authzid: parts[0] ?? '', user: parts[1] ?? '', pass: parts[2] ?? '' };
  } else if (mechanism === 'XOAUTH2') {
    const m = /^user=([^\x01]*)\x01auth=Bearer ([^\x01]*)\x01\x01$/.exec(raw);
    if (m) return { authzid: '', user: m[1] ?? '', pass: m[2] ?? '' };
  } else if (mechanism === 'OAUTHBEARER') {
    const user = /^n,a=([^,]*),/.exec(raw)?.[1];
    const token = /\x01auth=Bearer ([^\x01]*)\x01/.exec(raw)?.[1];
    if (user !== undefined && token !== undefined) {
      return { authzid: '', user: user.replace(/=2C/g, ',').replace(/=3D/g, '='), pass: token };
    }
  }
  return { raw };
}
