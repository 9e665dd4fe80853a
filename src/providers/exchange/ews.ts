import { XMLParser } from 'fast-xml-parser';
import { ApiError } from '../../errors/api-error.ts';
import { redactSecrets } from '../../errors/redact.ts';
import type { HttpGetContext } from '../../net/http-get.ts';
import { authedPost, type HttpAuthScheme } from './auth-post.ts';
import type { ExchangeLogin } from './types.ts';

/** How Exchange's XML answers are parsed: attributes as `@name`, namespace prefixes dropped, XML entities only. */
export const EXCHANGE_XML = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: false,
} as const;

const xml = new XMLParser(EXCHANGE_XML);

/** XML text escaped for an element's content. */
export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The read-only EWS request Latchkey verifies with: GetFolder of the mailbox's Inbox, id only
 * (EWS reference "GetFolder operation"; DistinguishedFolderId with a Mailbox so that a username
 * other than the address must have access to that mailbox). Server version Exchange2013 (2016+
 * servers answer it).
 */
export function getInboxRequest(email: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
    xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
  <soap:Header><t:RequestServerVersion Version="Exchange2013"/></soap:Header>
  <soap:Body>
    <m:GetFolder>
      <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
      <m:FolderIds><t:DistinguishedFolderId Id="inbox">
        <t:Mailbox><t:EmailAddress>${xmlText(email)}</t:EmailAddress></t:Mailbox>
      </t:DistinguishedFolderId></m:FolderIds>
    </m:GetFolder>
  </soap:Body>
</soap:Envelope>`;
}

export interface EwsEvidence {
  url: string;
  scheme: HttpAuthScheme;
}

/**
 * Verifies an Exchange login against EWS (`/EWS/Exchange.asmx`): GetFolder on the Inbox with the
 * credentials (NTLM or Basic, auth-post.ts). Nothing in the mailbox changes.
 * @throws ApiError, step `ews.request`: `invalid_credentials`, `oauth_required` (403),
 *   `mailbox_access_denied` (403: signed in, but the mailbox refused, e.g. ErrorAccessDenied,
 *   ErrorNonExistentMailbox), `provider_unavailable` (503: ErrorServerBusy, HTTP 5xx),
 *   `protocol_error` (502: not an EWS answer), and the transport errors.
 */
export async function verifyEws(
  url: URL,
  login: ExchangeLogin,
  email: string,
  ctx: HttpGetContext,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<EwsEvidence> {
  const step = 'ews.request' as const;
  const { answer, scheme } = await authedPost(
    { url, body: getInboxRequest(email), step, timeoutMs, ...(signal ? { signal } : {}) },
    login,
    ctx,
  );
  let doc: Record<string, any> | undefined;
  try {
    doc = xml.parse(answer.body) as Record<string, any>;
  } catch {
    /* below */
  }
  const body = doc?.Envelope?.Body;
  const message = body?.GetFolderResponse?.ResponseMessages?.GetFolderResponseMessage;
  const responseClass = message?.['@ResponseClass'];
  if (answer.status === 200 && responseClass === 'Success') return { url: url.href, scheme };
  const code = String(message?.ResponseCode ?? body?.Fault?.detail?.ResponseCode ?? body?.Fault?.faultstring ?? '');
  const text = String(message?.MessageText ?? body?.Fault?.faultstring?.['#text'] ?? body?.Fault?.faultstring ?? '');
  // Server text is shown to the client: a server that quotes what it was sent must not echo the password.
  const serverError = redactSecrets([code, text].filter(Boolean).join(': ').slice(0, 300), [login.password]) || `HTTP ${answer.status}`;
  // The code is matched as sent but shown redacted (a fault string may stand in for it).
  const shownCode = code ? redactSecrets(code.slice(0, 200), [login.password]) : '';
  if (
    /ErrorServerBusy|ErrorTimeoutExpired|ErrorMailboxMoveInProgress|ErrorMailboxStoreUnavailable/.test(code) ||
    answer.status === 503 ||
    answer.status === 429
  ) {
    throw new ApiError('provider_unavailable', {
      step,
      serverError,
      retryAfter: 60,
      message: 'The Exchange server is busy. Please try again later.',
    });
  }
  if (responseClass === 'Error' || /^Error/.test(code)) {
    if (
      /ErrorNonExistentMailbox|ErrorAccessDenied|ErrorImpersonat|ErrorMailboxLogonFailed|ErrorFolderNotFound|ErrorInvalidSmtpAddress/.test(
        code,
      )
    ) {
      throw new ApiError('mailbox_access_denied', {
        step,
        serverError,
        message: `The Exchange server accepted the sign-in but refused access to the mailbox of ${email} (${shownCode}).`,
      });
    }
    throw new ApiError('protocol_error', {
      step,
      serverError,
      message: `The Exchange server refused the request (${shownCode || `HTTP ${answer.status}`}).`,
    });
  }
  if (answer.status === 403)
    throw new ApiError('mailbox_access_denied', {
      step,
      serverError,
      message: 'The Exchange server accepted the sign-in but refused access to EWS (HTTP 403). EWS may be disabled for this mailbox.',
    });
  if (answer.status >= 500)
    throw new ApiError('provider_unavailable', {
      step,
      serverError,
      retryAfter: 60,
      message: `The Exchange server answered HTTP ${answer.status}. Please try again later.`,
    });
  throw new ApiError('protocol_error', {
    step,
    serverError,
    message: `${url.host} did not answer like Exchange Web Services at ${url.pathname} (HTTP ${answer.status}).`,
  });
}
