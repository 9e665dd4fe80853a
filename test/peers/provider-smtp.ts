/**
 * Scripted SMTP submission servers that answer as Microsoft 365 (smtp.office365.com) and Gmail
 * (smtp.gmail.com) do, line for line, on the fake SMTP server (fake-smtp.ts). The lines are
 * copied from public transcripts of the live servers:
 * - Microsoft, 587 after STARTTLS: `250-<host>.outlook.office365.com Hello [<ip>]`, SIZE 157286400,
 *   PIPELINING, DSN, ENHANCEDSTATUSCODES, `AUTH LOGIN XOAUTH2`, 8BITMIME, BINARYMIME, CHUNKING,
 *   SMTPUTF8 (before STARTTLS the same list with STARTTLS in place of AUTH); `535 5.7.139
 *   Authentication unsuccessful, basic authentication is disabled.` for a password when basic
 *   authentication is off; `504 5.7.4 Unrecognized authentication type` for any other mechanism.
 * - Google, 465 or 587 after TLS: `250-smtp.gmail.com at your service, [<ip>]`, SIZE 35882577,
 *   8BITMIME, `AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH`,
 *   ENHANCEDSTATUSCODES, PIPELINING, CHUNKING, SMTPUTF8; a refused password gets the two-line
 *   `535-5.7.8 Username and Password not accepted.` reply.
 * Each accepts an access token only through its OAuth mechanisms, and only when `tokenOk` says
 * so; every password is refused, as for accounts that are connected with OAuth.
 */
import { startFakeSmtp, type FakeSmtpServer, type TlsMaterial } from './fake-smtp.ts';

export interface ProviderSmtpOptions {
  tls: TlsMaterial;
  /** Implicit TLS (465 style); otherwise STARTTLS (587 style). */
  implicitTls: boolean;
  /** Whether `token` is a live access token for `user`. */
  tokenOk: (user: string, token: string) => boolean;
}

const MS_HOST = 'PN4P287CA0064.outlook.office365.com';
const MS_TAIL = ['8BITMIME', 'BINARYMIME', 'CHUNKING', 'SMTPUTF8'];
const MS_HEAD = ['SIZE 157286400', 'PIPELINING', 'DSN', 'ENHANCEDSTATUSCODES'];

/** smtp.office365.com as Exchange Online answers it. */
export function startMicrosoftSmtp(o: ProviderSmtpOptions): Promise<FakeSmtpServer> {
  const afterTls = [...MS_HEAD, 'AUTH LOGIN XOAUTH2', ...MS_TAIL];
  return startFakeSmtp({
    ...(o.implicitTls ? { tls: o.tls } : { starttlsCert: o.tls }),
    greeting: `220 ${MS_HOST} Microsoft ESMTP MAIL Service ready at Sun, 6 Dec 2026 11:52:03 +0000`,
    hello: `${MS_HOST} Hello [127.0.0.1]`,
    ehlo: o.implicitTls ? afterTls : [...MS_HEAD, 'STARTTLS', ...MS_TAIL],
    ehloAfterTls: afterTls,
    starttlsReply: '220 2.0.0 SMTP server ready',
    auth: (mechanism, user, pass) => {
      if (mechanism !== 'XOAUTH2') return `535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [${MS_HOST.replace('.outlook.office365.com', '')}.INDP287.PROD.OUTLOOK.COM 2026-12-06T11:52:04.000Z 08DD1234ABCD5678]`;
      return o.tokenOk(user, pass) ? '235 2.7.0 Authentication successful' : `535 5.7.3 Authentication unsuccessful [${MS_HOST.replace('.outlook.office365.com', '')}.INDP287.PROD.OUTLOOK.COM 2026-12-06T11:52:04.000Z 08DD1234ABCD5678]`;
    },
  });
}

const GMAIL_AFTER_TLS = ['SIZE 35882577', '8BITMIME', 'AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH', 'ENHANCEDSTATUSCODES', 'PIPELINING', 'CHUNKING', 'SMTPUTF8'];

/** smtp.gmail.com as Google answers it. */
export function startGoogleSmtp(o: ProviderSmtpOptions): Promise<FakeSmtpServer> {
  return startFakeSmtp({
    ...(o.implicitTls ? { tls: o.tls } : { starttlsCert: o.tls }),
    greeting: '220 smtp.gmail.com ESMTP 41be03b00d2f7-6340a632725sm17786173a12.12 - gsmtp',
    hello: 'smtp.gmail.com at your service, [127.0.0.1]',
    ehlo: o.implicitTls ? GMAIL_AFTER_TLS : ['SIZE 35882577', '8BITMIME', 'STARTTLS', 'ENHANCEDSTATUSCODES', 'PIPELINING', 'CHUNKING', 'SMTPUTF8'],
    ehloAfterTls: GMAIL_AFTER_TLS,
    auth: (mechanism, user, pass) => {
      if ((mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER') && o.tokenOk(user, pass)) return '235 2.7.0 Accepted';
      return '535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials 41be03b00d2f7-6340a632725sm17786173a12.12 - gsmtp';
    },
  });
}
