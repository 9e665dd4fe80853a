import { substitute } from './autoconfig-xml.ts';
import { Type, type Static } from 'typebox';
import type { DomainDetection } from './types.ts';

/** Providers whose accounts connect by OAuth or EWS rather than IMAP with a password. */
const NOT_IMAP = new Set(['gmail', 'office365', 'graph', 'exchange']);

/** The detected servers, usernames resolved: `settings` of the v2 answer here and of v3's `GET /v3/providers/detect`. */
export const detectedSettingsFields = {
  imap_host: Type.String(),
  imap_port: Type.Integer(),
  imap_security: Type.String(),
  imap_username: Type.String(),
  smtp_host: Type.String(),
  smtp_port: Type.Integer(),
  smtp_security: Type.String(),
  smtp_username: Type.String(),
};

/** `POST /connect/detect-provider` answer: v2 fields (reference §6.6) plus DECISIONS "Detection"; declared once, here. */
export const DetectResponse = Type.Object({
  email_address: Type.String(),
  detected: Type.Boolean(),
  auth_name: Type.String({ description: 'The `provider` value to use at /connect/authorize.' }),
  provider_name: Type.String(),
  is_imap: Type.Boolean(),
  oauth_required: Type.Boolean({ description: 'Google and Microsoft mailboxes: passwords are refused, use OAuth.' }),
  source: Type.Optional(Type.String({ enum: ['builtin', 'mx', 'autoconfig', 'ispdb', 'ispdb_mx', 'srv', 'guess'] })),
  source_detail: Type.Optional(
    Type.String({
      description:
        'When the source listed several servers for IMAP or SMTP: which one answered and was chosen, and why ' +
        'the ones before it were skipped.',
    }),
  ),
  settings: Type.Optional(Type.Object(detectedSettingsFields)),
});

/** The `POST /connect/detect-provider` answer (DetectResponse above). */
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
