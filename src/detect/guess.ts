import { dial, type DialContext } from '../mail/dial.ts';
import { probeStarttls } from '../mail/starttls.ts';
import type { ServerCandidate } from './types.ts';

/**
 * The last resort: common host names, returned only once probed — a greeting that really is
 * IMAP/SMTP, and TLS that really works with a valid certificate for the name (implicit TLS, or
 * STARTTLS advertised and completed). No credentials are sent.
 */
export function guessCandidates(domain: string): { imap: ServerCandidate[]; smtp: ServerCandidate[] } {
  const u = '%EMAILADDRESS%';
  return {
    imap: [
      { host: `imap.${domain}`, port: 993, security: 'ssl', username: u },
      { host: `mail.${domain}`, port: 993, security: 'ssl', username: u },
      { host: `imap.${domain}`, port: 143, security: 'starttls', username: u },
      { host: `mail.${domain}`, port: 143, security: 'starttls', username: u },
    ],
    smtp: [
      { host: `smtp.${domain}`, port: 465, security: 'ssl', username: u },
      { host: `mail.${domain}`, port: 465, security: 'ssl', username: u },
      { host: `smtp.${domain}`, port: 587, security: 'starttls', username: u },
      { host: `mail.${domain}`, port: 587, security: 'starttls', username: u },
    ],
  };
}

/** The first candidate (in order) whose probe succeeds; all are probed at once. */
export async function firstWorking(
  candidates: ServerCandidate[],
  protocol: 'imap' | 'smtp',
  ctx: DialContext,
): Promise<ServerCandidate | undefined> {
  const results = candidates.map((c) =>
    probe(c, protocol, ctx).then(
      () => true,
      () => false,
    ),
  );
  for (let i = 0; i < candidates.length; i++) if (await results[i]) return candidates[i];
  return undefined;
}

/**
 * Probes one server without credentials.
 * @throws ApiError from dial() or probeStarttls() (`certificate_invalid`, `tls_mismatch`, `response_timeout`…),
 *   or an Error when STARTTLS is refused or the server does not answer (mail/starttls.ts).
 */
export async function probe(c: ServerCandidate, protocol: 'imap' | 'smtp', ctx: DialContext): Promise<void> {
  const dialed = await dial({ host: c.host, port: c.port, protocol, implicitTls: c.security === 'ssl' }, ctx);
  try {
    if (c.security === 'starttls') await probeStarttls(dialed, protocol, c.port, ctx);
  } finally {
    dialed.socket.destroy();
  }
}
