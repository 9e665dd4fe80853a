import { substitute } from './autoconfig-xml.ts';
import type { Static } from 'typebox';
import type { DetectResponse } from '../http/schemas.ts';
import type { DomainDetection } from './types.ts';

/** Providers whose accounts connect by OAuth or EWS rather than IMAP with a password. */
const NOT_IMAP = new Set(['gmail', 'office365', 'graph', 'exchange']);

/** `POST /connect/detect-provider` answer: v2 fields (reference §6.6) plus DECISIONS "Detection" (shape declared once, in http/schemas.ts). */
export type DetectionView = Static<typeof DetectResponse>;

/** The detection for one address: usernames and `%EMAIL…%` placeholders resolved for it. */
export function detectionView(email: string, d: DomainDetection): DetectionView {
  const detected = Boolean(d.imap && d.smtp);
  if (!detected) {
    return { email_address: email, detected: false, auth_name: 'imap', provider_name: 'unknown', is_imap: true, oauth_required: false };
  }
  const authName = d.provider ?? 'imap';
  return {
    email_address: email,
    detected: true,
    auth_name: authName,
    provider_name: d.provider ?? d.displayName ?? d.domain,
    is_imap: !NOT_IMAP.has(authName),
    oauth_required: d.oauthRequired,
    source: d.imap!.source,
    ...(d.choice?.imap || d.choice?.smtp ? { source_detail: [d.choice.imap, d.choice.smtp].filter(Boolean).join('; ') } : {}),
    settings: {
      imap_host: substitute(d.imap!.host, email),
      imap_port: d.imap!.port,
      imap_security: d.imap!.security,
      imap_username: substitute(d.imap!.username, email),
      smtp_host: substitute(d.smtp!.host, email),
      smtp_port: d.smtp!.port,
      smtp_security: d.smtp!.security,
      smtp_username: substitute(d.smtp!.username, email),
    },
  };
}
