import * as ntlm from 'httpntlm/ntlm.js';
import type { ExchangeLogin } from './types.ts';

/**
 * NTLM over HTTP (MS-NTHT; message formats MS-NLMP §2.2) with the codec of the `httpntlm`
 * package: NEGOTIATE (type 1) → the server's CHALLENGE (type 2, in `WWW-Authenticate: NTLM …`)
 * → AUTHENTICATE (type 3, NTLMv2 when the server sends target info). The three requests must
 * travel on one TCP connection; the caller keeps it (a keep-alive agent with one socket).
 */
/** @returns the base64 NEGOTIATE message (without the scheme name). */
export function ntlmNegotiate(login: ExchangeLogin): string {
  return bare(ntlm.createType1Message({ ...identity(login), password: '' }));
}

/** A CHALLENGE message too short for its own fields (httpntlm reads past its end and throws). */
export class NtlmMalformedError extends Error {}

/**
 * @param challengeHeader the `WWW-Authenticate` value carrying the type 2 message
 * @returns the base64 AUTHENTICATE message (without the scheme name), or undefined when the
 *   header holds no type 2 message
 * @throws NtlmMalformedError when the type 2 message is cut short or its fields point outside it
 */
export function ntlmAuthenticate(login: ExchangeLogin, challengeHeader: string): string | undefined {
  let bad = false;
  try {
    const type2 = ntlm.parseType2Message(challengeHeader.replace(/^Negotiate /i, 'NTLM '), () => {
      bad = true;
    });
    if (bad || !type2) return undefined;
    return bare(ntlm.createType3Message(type2, identity(login)));
  } catch (err) {
    throw new NtlmMalformedError(`malformed NTLM CHALLENGE message: ${(err as Error).message}`, { cause: err });
  }
}

/** httpntlm returns `NTLM <base64>`; the caller picks the scheme name (NTLM or Negotiate). */
function bare(message: string): string {
  return message.replace(/^NTLM\s+/i, '');
}

/** `DOMAIN\user` splits into domain and user; `user@domain` is sent whole (UPN form, MS-NLMP §3.1.5.1.2). */
function identity(login: ExchangeLogin): { username: string; password: string; domain: string; workstation: string } {
  const m = /^([^\\]+)\\(.+)$/.exec(login.username);
  return { username: m ? m[2]! : login.username, domain: m ? m[1]! : '', password: login.password, workstation: '' };
}
