/**
 * Built-in provider table: which hosts a `provider` value means, how its users log in, and the
 * domains / MX patterns that identify it. Facts from the Nylas v2 reference §7.2 (sync-engine
 * provider table and the Nylas imap-provider-settings list), restated as Latchkey's own data.
 * Operators override or extend entries with `LATCHKEY_PROVIDERS_FILE` (DECISIONS "Running it").
 */
import type { Security } from '../mail/login.ts';

export interface ServerEntry {
  host: string;
  port: number;
  security: Security;
  /** Login name form for this server when it differs from the entry's (iCloud: IMAP local part, SMTP address). */
  username?: 'email' | 'local_part';
}

export interface ProviderEntry {
  /** Display name for messages. */
  label?: string;
  /** `password` (variant K), `oauth` (Google/Microsoft, variants G1/M1), `exchange` (E1). */
  auth?: 'password' | 'oauth' | 'exchange';
  domains?: string[];
  /** MX host patterns, `*` wildcard. */
  mx?: string[];
  imap?: ServerEntry;
  smtp?: ServerEntry;
  /** Login name form: the full address or only the local part. */
  username?: 'email' | 'local_part';
  /** The provider is known to require app passwords for IMAP (messages say so on a refusal). */
  appPasswords?: boolean;
  /**
   * Passwords are refused although the entry is reached with the password variant (detection's
   * `oauth_required`). Outlook.com ended Basic authentication for IMAP/SMTP on 16 September 2024
   * (Microsoft, "Modern Auth and Unsecure Apps – Outlook.com", support.microsoft.com).
   */
  oauthRequired?: boolean;
  /**
   * The IMAP server refuses `AUTHENTICATE PLAIN` with `NO [AUTHENTICATIONFAILED]` yet accepts the
   * same password with `LOGIN` (iCloud; DECISIONS "Verifying credentials"): only then is a refused
   * PLAIN retried with LOGIN. Elsewhere a credentials refusal is final, so that one wrong password
   * costs one failed login at the provider, not two (issue 13; providers lock accounts after a
   * handful of failures).
   */
  imapLoginAfterPlain?: boolean;
  /** OAuth providers: which identity platform, and endpoint overrides (the LATCHKEY_*_URL variables win). */
  oauth?: { platform?: 'google' | 'microsoft'; token_url?: string; userinfo_url?: string };
  ews?: { url?: string };
}

const ssl = (host: string, port = 993, username?: ServerEntry['username']): ServerEntry => ({
  host,
  port,
  security: 'ssl',
  ...(username ? { username } : {}),
});
const starttls = (host: string, port = 587): ServerEntry => ({ host, port, security: 'starttls' });

export const BUILTIN_PROVIDERS: Record<string, ProviderEntry> = {
  gmail: {
    label: 'Google',
    auth: 'oauth',
    mx: ['aspmx.l.google.com', '*.aspmx.l.google.com', 'aspmx*.googlemail.com', '*gmail-smtp-in.l.google.com', '*.psmtp.com'],
    domains: ['gmail.com', 'googlemail.com'],
    imap: ssl('imap.gmail.com'),
    smtp: ssl('smtp.gmail.com', 465),
    appPasswords: true,
  },
  office365: {
    label: 'Microsoft 365',
    auth: 'oauth',
    mx: ['*.mail.protection.outlook.com', '*.mail.eo.outlook.com'],
    domains: ['onmicrosoft.com', 'mail.protection.outlook.com'],
    imap: ssl('outlook.office365.com'),
    smtp: starttls('smtp.office365.com'),
  },
  graph: { label: 'Microsoft 365 (Graph)', auth: 'oauth', imap: ssl('outlook.office365.com'), smtp: starttls('smtp.office365.com') },
  exchange: { label: 'Exchange', auth: 'exchange' },
  yahoo: {
    label: 'Yahoo',
    auth: 'password',
    domains: ['yahoo.com', 'ymail.com', 'rocketmail.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.com.br'],
    mx: [
      'mx-biz.mail.am0.yahoodns.net',
      'mx*.biz.mail.yahoo.com',
      'mxvm2.mail.yahoo.com',
      'mx-van.mail.am0.yahoodns.net',
      '*.yahoodns.net',
    ],
    imap: ssl('imap.mail.yahoo.com'),
    smtp: ssl('smtp.mail.yahoo.com', 465),
    appPasswords: true,
  },
  aol: {
    label: 'AOL',
    auth: 'password',
    domains: ['aol.com', 'love.com', 'games.com'],
    mx: ['mailin-0*.mx.aol.com'],
    imap: ssl('imap.aol.com'),
    smtp: ssl('smtp.aol.com', 465),
    appPasswords: true,
  },
  icloud: {
    label: 'iCloud',
    auth: 'password',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    mx: ['mx*.mail.icloud.com'],
    imap: ssl('imap.mail.me.com', 993, 'local_part'),
    smtp: starttls('smtp.mail.me.com'),
    appPasswords: true,
    imapLoginAfterPlain: true,
  },
  hotmail: {
    label: 'Outlook.com',
    auth: 'password',
    domains: ['hotmail.com', 'live.com', 'msn.com', 'hotmail.co.uk', 'live.ca', 'hotmail.ca'],
    mx: ['*.olc.protection.outlook.com'],
    imap: ssl('outlook.office365.com'),
    smtp: starttls('smtp-mail.outlook.com'),
    oauthRequired: true,
  },
  outlook: {
    label: 'Outlook.com',
    auth: 'password',
    domains: ['outlook.com'],
    imap: ssl('outlook.office365.com'),
    smtp: starttls('smtp-mail.outlook.com'),
    oauthRequired: true,
  },
  gmx: { label: 'GMX', auth: 'password', domains: ['gmx.com', 'gmx.us'], imap: ssl('imap.gmx.com'), smtp: starttls('mail.gmx.com') },
  yandex: {
    label: 'Yandex',
    auth: 'password',
    domains: ['yandex.ru', 'yandex.com', 'ya.ru'],
    mx: ['mx.yandex.ru', 'mx.yandex.net'],
    imap: ssl('imap.yandex.com'),
    smtp: ssl('smtp.yandex.com', 465),
    appPasswords: true,
  },
  zoho: {
    label: 'Zoho Mail',
    auth: 'password',
    domains: ['zoho.com', 'zohomail.com'],
    mx: ['mx*.zoho.com', 'mx*.zoho.eu'],
    imap: ssl('imap.zoho.com'),
    smtp: starttls('smtp.zoho.com'),
  },
  fastmail: {
    label: 'Fastmail',
    auth: 'password',
    domains: ['fastmail.com', 'fastmail.fm'],
    mx: ['in*-smtp.messagingengine.com'],
    imap: ssl('imap.fastmail.com'),
    smtp: ssl('smtp.fastmail.com', 465),
    appPasswords: true,
  },
  'mail.ru': {
    label: 'Mail.ru',
    auth: 'password',
    domains: ['mail.ru'],
    mx: ['mxs.mail.ru'],
    imap: ssl('imap.mail.ru'),
    smtp: ssl('smtp.mail.ru', 465),
    appPasswords: true,
  },
  gandi: {
    label: 'Gandi',
    auth: 'password',
    mx: ['spool.mail.gandi.net', 'fb.mail.gandi.net', 'mail*.gandi.net'],
    imap: ssl('mail.gandi.net'),
    smtp: starttls('mail.gandi.net'),
  },
  hover: {
    label: 'Hover',
    auth: 'password',
    mx: ['mx.hover.com.cust.hostedemail.com'],
    imap: ssl('mail.hover.com'),
    smtp: starttls('mail.hover.com'),
  },
  soverin: {
    label: 'Soverin',
    auth: 'password',
    domains: ['soverin.net'],
    mx: ['mx.soverin.net'],
    imap: ssl('imap.soverin.net'),
    smtp: starttls('smtp.soverin.net'),
  },
  namecheap: {
    label: 'Namecheap Private Email',
    auth: 'password',
    mx: ['mx*.privateemail.com'],
    imap: ssl('mail.privateemail.com'),
    smtp: ssl('mail.privateemail.com', 465),
  },
  tiliq: {
    label: 'Tiliq',
    auth: 'password',
    mx: ['mx*.tiliq.com', 'mx*.us-west-2.tiliq.com'],
    imap: ssl('imap.us-west-2.tiliq.com'),
    smtp: starttls('smtp.tiliq.com'),
  },
  zimbra: {
    label: 'Zimbra (mrmail.com)',
    auth: 'password',
    domains: ['mrmail.com'],
    mx: ['mx.mrmail.com'],
    imap: ssl('mail.you-got-mail.com'),
    smtp: starttls('smtp.you-got-mail.com'),
  },
  godaddy: {
    label: 'GoDaddy',
    auth: 'password',
    mx: ['smtp.secureserver.net', 'mailstore1.secureserver.net', 'mailstore1.*.secureserver.net'],
    imap: ssl('imap.secureserver.net'),
    smtp: ssl('smtpout.secureserver.net', 465),
  },
  '163': {
    label: 'NetEase 163',
    auth: 'password',
    domains: ['163.com'],
    mx: ['163mx0*.mxmail.netease.com'],
    imap: ssl('imap.163.com'),
    smtp: ssl('smtp.163.com', 465),
    appPasswords: true,
  },
  '163_ym': {
    label: 'NetEase 163 (ym)',
    auth: 'password',
    mx: ['mx.ym.163.com'],
    imap: ssl('imap.ym.163.com'),
    smtp: ssl('smtp.ym.163.com', 994),
  },
  '163_qiye': {
    label: 'NetEase Qiye',
    auth: 'password',
    mx: ['qiye163mx0*.mxmail.netease.com'],
    imap: ssl('imap.qiye.163.com'),
    smtp: ssl('smtp.qiye.163.com', 994),
  },
  '126': {
    label: 'NetEase 126',
    auth: 'password',
    domains: ['126.com'],
    mx: ['126mx0*.mxmail.netease.com'],
    imap: ssl('imap.126.com'),
    smtp: ssl('smtp.126.com', 465),
    appPasswords: true,
  },
  'yeah.net': {
    label: 'NetEase yeah.net',
    auth: 'password',
    domains: ['yeah.net'],
    mx: ['yeahmx0*.mxmail.netease.com'],
    imap: ssl('imap.yeah.net'),
    smtp: ssl('smtp.yeah.net', 465),
    appPasswords: true,
  },
  '123_reg': {
    label: '123-reg',
    auth: 'password',
    mx: ['mx*.123-reg.co.uk'],
    imap: ssl('imap.123-reg.co.uk'),
    smtp: ssl('smtp.123-reg.co.uk', 465),
  },
  qq: {
    label: 'QQ Mail',
    auth: 'password',
    domains: ['qq.com', 'vip.qq.com'],
    mx: ['mx*.qq.com'],
    imap: ssl('imap.qq.com'),
    smtp: ssl('smtp.qq.com', 465),
    appPasswords: true,
  },
  foxmail: {
    label: 'Foxmail',
    auth: 'password',
    domains: ['foxmail.com'],
    imap: ssl('imap.exmail.qq.com'),
    smtp: ssl('smtp.exmail.qq.com', 465),
    appPasswords: true,
  },
  qq_enterprise: {
    label: 'Tencent Exmail',
    auth: 'password',
    mx: ['mxbiz*.qq.com'],
    imap: ssl('imap.exmail.qq.com'),
    smtp: ssl('smtp.exmail.qq.com', 465),
  },
  aliyun: {
    label: 'Aliyun Mail',
    auth: 'password',
    mx: ['mx2.mail.aliyun.com'],
    imap: ssl('imap.aliyun.com'),
    smtp: ssl('smtp.aliyun.com', 465),
  },
  '139': {
    label: 'China Mobile 139',
    auth: 'password',
    domains: ['139.com'],
    mx: ['mx*.mail.139.com'],
    imap: ssl('imap.139.com'),
    smtp: ssl('smtp.139.com', 465),
  },
  comcast: {
    label: 'Comcast',
    auth: 'password',
    domains: ['comcast.net'],
    imap: ssl('imap.comcast.net'),
    smtp: starttls('smtp.comcast.net'),
  },
  'mail.com': {
    label: 'mail.com',
    auth: 'password',
    domains: ['mail.com', 'email.com', 'usa.com'],
    imap: ssl('imap.mail.com'),
    smtp: ssl('smtp.mail.com', 465),
  },
};

/** Providers Latchkey does not verify: they answer 400 `unsupported_provider`. */
export const NOT_YET_SUPPORTED: Record<string, string> = {
  nylas: 'Virtual calendars (provider "nylas") are not supported by Latchkey.',
};
