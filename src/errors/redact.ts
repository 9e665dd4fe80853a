/**
 * Removes secrets from a provider's reply before it is shown (`server_error`) or logged.
 * Servers sometimes echo what they were sent: a failed `LOGIN user "pass"` quoted back, or the
 * SASL PLAIN response (`base64(authzid NUL user NUL pass)`) in which the password need not fall
 * on a base64 boundary. So besides the literal, quoted, URL-encoded and hex forms, every token
 * that decodes (base64 or base64url) to text containing a secret is replaced. A secret too short
 * to be searched for safely (under 4 characters) withholds the whole reply.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const present = secrets.filter((s) => s.length > 0);
  if (present.some((s) => s.length < 4)) return '[server reply withheld]';
  let out = text;
  for (const secret of present) {
    for (const form of secretForms(secret)) out = out.split(form).join('[redacted]');
  }
  out = out.replace(/[A-Za-z0-9+/_-]{8,}={0,2}/g, (token) => (decodesToSecret(token, present) ? '[redacted]' : token));
  // Trim to a sane length: a reply is evidence, not a dump.
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

function secretForms(secret: string): string[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const quoted = secret.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return [...new Set([secret, quoted, encodeURIComponent(secret), utf8.toString('hex'), utf8.toString('hex').toUpperCase()])].filter(
    (f) => f.length >= 4,
  );
}

function decodesToSecret(token: string, secrets: readonly string[]): boolean {
  for (const encoding of ['base64', 'base64url'] as const) {
    const decoded = Buffer.from(token, encoding).toString('utf8');
    if (secrets.some((s) => decoded.includes(s))) return true;
  }
  return false;
}
