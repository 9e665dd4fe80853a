/**
 * Removes secrets from a provider's reply before it is shown (`server_error`) or logged.
 * Servers sometimes echo what they were sent (a failed `LOGIN user pass` quoted back, a
 * base64 SASL blob): every secret of the current request, raw and in the encodings a
 * protocol may have carried it in, is replaced by `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 3) continue;
    for (const form of secretForms(secret)) out = out.split(form).join('[redacted]');
  }
  // Trim to a sane length: a reply is evidence, not a dump.
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

function secretForms(secret: string): string[] {
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  const quoted = secret.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return [...new Set([secret, quoted, b64, b64.replace(/=+$/, '')])].filter((f) => f.length >= 3);
}
