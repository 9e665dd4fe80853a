/**
 * SMTP AUTH (RFC 4954): which SASL mechanism Latchkey uses, and the OAuth mechanisms themselves.
 *
 * nodemailer picks a mechanism on its own when asked for `XOAUTH2` without its own token
 * generator: it takes the first one the server lists. Microsoft 365 lists `AUTH LOGIN XOAUTH2`,
 * so an OAuth account was signed in with `AUTH LOGIN` and a placeholder password and refused
 * with `535 5.7.139 … basic authentication is disabled` (issue 13). The OAuth mechanisms are
 * therefore registered with nodemailer under names of our own (`TOKEN_HANDLERS`), which it runs
 * as given, and the choice below is the only one made.
 */

/** SASL mechanisms for passwords, in order of preference (RFC 4616 PLAIN, then LOGIN). */
export const PASSWORD_MECHANISMS = ['PLAIN', 'LOGIN'] as const;
/**
 * SASL mechanisms for an OAuth access token, in order of preference: XOAUTH2 is what Google
 * ("OAuth 2.0 Mechanism") and Microsoft ("Authenticate an IMAP, POP or SMTP connection using
 * OAuth") document for SMTP; OAUTHBEARER (RFC 7628) when a server offers only that.
 */
export const TOKEN_MECHANISMS = ['XOAUTH2', 'OAUTHBEARER'] as const;

export type SmtpMechanism = (typeof PASSWORD_MECHANISMS)[number] | (typeof TOKEN_MECHANISMS)[number];

/**
 * The SASL mechanisms an EHLO reply offers, upper-cased, in the server's order. Reads every
 * `AUTH` line in the spellings servers use: `AUTH LOGIN XOAUTH2`, the pre-RFC `AUTH=LOGIN`,
 * lower case, several lines.
 * @param ehloLines the keyword lines of the EHLO reply, without the `250-` prefix.
 */
export function offeredMechanisms(ehloLines: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of ehloLines) {
    const m = /^AUTH[\s=](.*)$/i.exec(line.trim());
    for (const word of m?.[1]?.trim().split(/[\s=]+/) ?? []) if (word) found.add(word.toUpperCase());
  }
  return [...found];
}

/**
 * The mechanism to sign in with: with an access token only XOAUTH2 / OAUTHBEARER, with a
 * password only PLAIN / LOGIN — never the other kind, whatever the server offers first.
 * @returns undefined when the server offers none of the mechanisms the credential allows.
 */
export function chooseMechanism(offered: readonly string[], credential: 'password' | 'token'): SmtpMechanism | undefined {
  const allowed: readonly SmtpMechanism[] = credential === 'token' ? TOKEN_MECHANISMS : PASSWORD_MECHANISMS;
  return allowed.find((m) => offered.includes(m));
}

/** nodemailer's customAuth contract: the commands go through `sendCommand`, the outcome through resolve/reject. */
interface AuthSession {
  sendCommand(cmd: string): Promise<{ status: number; response: string }>;
  resolve(): void;
  reject(err: Error): void;
}

/** The names under which the token mechanisms are handed to nodemailer (see the file comment). */
export const TOKEN_HANDLERS = { XOAUTH2: 'LATCHKEY-XOAUTH2', OAUTHBEARER: 'LATCHKEY-OAUTHBEARER' } as const;

/**
 * nodemailer `customAuth` handlers for both token mechanisms, keyed by `TOKEN_HANDLERS`.
 * - XOAUTH2: `AUTH XOAUTH2 base64("user=" user ^A "auth=Bearer " token ^A ^A)`.
 * - OAUTHBEARER (RFC 7628 §3.1): `base64("n,a=" user "," ^A "host=" host ^A "port=" port ^A
 *   "auth=Bearer " token ^A ^A)`, the authzid's `,` and `=` escaped as `=2C` / `=3D`.
 * On refusal both servers first send a 334 challenge holding a JSON error; the client answers
 * with an empty line (XOAUTH2) or `^A` (RFC 7628 §3.2.3) and the server ends with 535. The
 * token is never retried or refreshed here (it was minted just before): the final reply is what
 * the caller classifies.
 */
export function tokenHandlers(user: string, accessToken: string, server: { host: string; port: number }) {
  const run = (mechanism: string, payload: string, abort: string) => async (c: AuthSession) => {
    let reply = await c.sendCommand(`AUTH ${mechanism} ${Buffer.from(payload, 'utf8').toString('base64')}`);
    if (reply.status === 334) reply = await c.sendCommand(abort);
    if (reply.status === 235) c.resolve();
    else c.reject(Object.assign(new Error('Invalid login'), { response: reply.response }));
  };
  const authzid = user.replace(/=/g, '=3D').replace(/,/g, '=2C');
  return {
    [TOKEN_HANDLERS.XOAUTH2]: run('XOAUTH2', `user=${user}\x01auth=Bearer ${accessToken}\x01\x01`, ''),
    [TOKEN_HANDLERS.OAUTHBEARER]: run(
      'OAUTHBEARER',
      `n,a=${authzid},\x01host=${server.host}\x01port=${server.port}\x01auth=Bearer ${accessToken}\x01\x01`,
      Buffer.from('\x01').toString('base64'),
    ),
  };
}
