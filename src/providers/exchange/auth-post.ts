import { ApiError, type Step } from '../../errors/api-error.ts';
import { redactSecrets } from '../../errors/redact.ts';
import type { HttpGetContext } from '../../net/http-get.ts';
import { httpsCall, keptConnectionAgent, type HttpsAnswer } from '../../net/http-request.ts';
import { NtlmMalformedError, ntlmAuthenticate, ntlmNegotiate } from './ntlm.ts';
import type { ExchangeLogin } from './types.ts';

export type HttpAuthScheme = 'ntlm' | 'basic';

export interface AuthedAnswer {
  answer: HttpsAnswer;
  /** The scheme the credentials went with. */
  scheme: HttpAuthScheme;
}

export interface AuthedPost {
  url: URL;
  body: string;
  step: Step;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * POSTs an XML body to an Exchange endpoint (EWS or Autodiscover) with the user's credentials,
 * the way Exchange 2016+ negotiates them: a first request without credentials learns the offered
 * schemes from `WWW-Authenticate` (RFC 7235 §4.1); NTLM (MS-NTHT) is used when offered, so the
 * password never crosses the wire, else Basic (RFC 7617). All requests share one TCP connection
 * (NTLM authenticates the connection) and go through the outbound policy.
 * @returns the answer to the authenticated request, whatever its status (the caller reads it).
 * @throws ApiError with `step`: `invalid_credentials` (403: the credentials were refused),
 *   `oauth_required` (403: the server accepts only OAuth — Exchange Online without basic auth),
 *   `no_supported_auth_mechanism` (422), `protocol_error` (502: a malformed NTLM challenge), and
 *   the transport errors of net/http-request.ts.
 */
export async function authedPost(req: AuthedPost, login: ExchangeLogin, ctx: HttpGetContext): Promise<AuthedAnswer> {
  const agent = keptConnectionAgent();
  const send = (authorization?: string) =>
    httpsCall(
      {
        url: req.url,
        method: 'POST',
        step: req.step,
        timeoutMs: req.timeoutMs,
        agent,
        ...(req.signal ? { signal: req.signal } : {}),
        headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml', ...(authorization ? { authorization } : {}) },
        body: req.body,
      },
      ctx,
    );
  try {
    const probe = await send();
    if (probe.status !== 401) return { answer: probe, scheme: 'basic' };
    const offered = challenges(probe);
    let scheme: HttpAuthScheme;
    let answer: HttpsAnswer;
    if (offered.some((c) => /^(NTLM|Negotiate)\b/i.test(c))) {
      scheme = 'ntlm';
      const negotiate = offered.some((c) => /^NTLM\b/i.test(c)) ? 'NTLM' : 'Negotiate';
      const challenge = await send(`${negotiate} ${ntlmNegotiate(login)}`);
      const type2 = challenges(challenge).find((c) => /^(NTLM|Negotiate) \S+/i.test(c));
      const type3 = challenge.status === 401 && type2 ? authenticateMessage(login, type2, req) : undefined;
      if (type3) {
        answer = await send(`${negotiate} ${type3}`);
      } else if (challenge.status !== 401) {
        return { answer: challenge, scheme };
      } else {
        // No NTLM CHALLENGE came back (Negotiate meaning Kerberos only): the NEGOTIATE message
        // holds no credentials, so nothing was refused yet. Basic when offered, else say so.
        const r = refused(challenge, req.step, login, 'NTLM');
        if (r.reason === 'oauth_required') throw r;
        if (!offered.some((c) => /^Basic\b/i.test(c))) {
          throw new ApiError('no_supported_auth_mechanism', {
            step: req.step,
            message:
              `The Exchange server answered the NTLM sign-in without an NTLM challenge (it may accept Kerberos only, which ` +
              `Latchkey does not use; offered: ${offered.map((c) => c.split(' ')[0]).join(', ')}).`,
          });
        }
        scheme = 'basic';
        answer = await send(basic(login));
      }
    } else if (offered.some((c) => /^Basic\b/i.test(c))) {
      scheme = 'basic';
      answer = await send(basic(login));
    } else if (offered.some((c) => /^Bearer\b/i.test(c))) {
      throw new ApiError('oauth_required', {
        step: req.step,
        message:
          'This Exchange server accepts only OAuth (basic authentication is disabled): connect the account with provider "office365" and ' +
          'a Microsoft refresh token.',
      });
    } else {
      throw new ApiError('no_supported_auth_mechanism', {
        step: req.step,
        message:
          `The Exchange server offers no sign-in method Latchkey can use (offered: ` +
          `${offered.map((c) => c.split(' ')[0]).join(', ') || 'none'}; Latchkey uses NTLM or Basic).`,
      });
    }
    if (answer.status === 401) throw refused(answer, req.step, login, scheme === 'ntlm' ? 'NTLM' : 'Basic');
    return { answer, scheme };
  } finally {
    agent.destroy();
  }
}

/** RFC 7617 credentials (UTF-8). */
function basic(login: ExchangeLogin): string {
  return `Basic ${Buffer.from(`${login.username}:${login.password}`, 'utf8').toString('base64')}`;
}

/** The NTLM AUTHENTICATE message; a CHALLENGE the server garbled is its protocol error, not a 500. */
function authenticateMessage(login: ExchangeLogin, type2: string, req: AuthedPost): string | undefined {
  try {
    return ntlmAuthenticate(login, type2);
  } catch (err) {
    if (!(err instanceof NtlmMalformedError)) throw err;
    throw new ApiError('protocol_error', {
      step: req.step,
      message: `The server at ${req.url.host} sent a malformed NTLM challenge.`,
      cause: err,
    });
  }
}

/** `WWW-Authenticate` challenges, one per header line (several schemes may share one line, comma separated). */
function challenges(a: HttpsAnswer): string[] {
  return (a.headersDistinct['www-authenticate'] ?? [])
    .flatMap((h) => h.split(/,\s*(?=(?:NTLM|Negotiate|Basic|Bearer|Digest|Kerberos)\b)/i))
    .map((c) => c.trim())
    .filter(Boolean);
}

/** A 401 to the credentials: wrong password, or (Exchange Online) basic authentication switched off. */
function refused(a: HttpsAnswer, step: Step, login: ExchangeLogin, scheme: string): ApiError {
  const diagnostics = [a.headers['x-ms-diagnostics'], a.body.slice(0, 2000)].join(' ');
  if (/basic auth(entication)? (is )?(disabled|blocked)|BasicAuthBlocked|does not allow direct password/i.test(diagnostics)) {
    return new ApiError('oauth_required', {
      step,
      serverError: redactSecrets(String(a.headers['x-ms-diagnostics'] ?? '').slice(0, 300), [login.password]) || undefined,
      message:
        'This Microsoft account no longer accepts passwords (basic authentication is disabled): connect it with provider "office365" and ' +
        'a Microsoft refresh token.',
    });
  }
  return new ApiError('invalid_credentials', {
    step,
    serverError: `HTTP 401 (${scheme})`,
    message:
      `The Exchange server rejected the username or password (${scheme}). Check them; the username may need the DOMAIN\\user or ` +
      `user@domain form.${login.username.includes('@') || login.username.includes('\\') ? '' : ' This one has neither.'}`,
  });
}
