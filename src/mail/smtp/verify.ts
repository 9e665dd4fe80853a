import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { TLSSocket } from 'node:tls';
import { dialAuto, type Dialed } from '../dial.ts';
import { ApiError, type Step } from '../../errors/api-error.ts';
import { classifySmtpError } from './classify.ts';
import type { VerifyContext } from '../context.ts';
import type { ServerLogin } from '../login.ts';
import { planTls, starttlsFor } from '../starttls.ts';
import { reportAuth, smtpTap, type Observed } from '../observe.ts';
import { chooseMechanism, offeredMechanisms, TOKEN_HANDLERS, tokenHandlers } from './auth.ts';

/** What a successful SMTP verification saw. */
export interface SmtpEvidence {
  mechanism: string;
  secure: boolean;
}

/**
 * Verifies an SMTP submission login without sending mail (DECISIONS "Verifying credentials"):
 * connect → greeting → EHLO with the configured name → TLS (implicit or STARTTLS) → EHLO → AUTH
 * with a mechanism the last EHLO offers (mail/smtp/auth.ts: PLAIN, else LOGIN for a password;
 * XOAUTH2, else OAUTHBEARER for an access token — never one kind for the other) → QUIT.
 * @throws ApiError with `step` `smtp.*`.
 */
export async function verifySmtp(login: ServerLogin, ctx: VerifyContext): Promise<SmtpEvidence> {
  if (login.security === 'none' && login.sslRequired) {
    throw new ApiError('invalid_value', {
      message: 'smtp_security "none" sends the password unencrypted: it needs "ssl_required": false.',
    });
  }
  const plan = planTls(login, 465);
  ctx.onStep?.('smtp.connect');
  const dialed = await dialAuto(
    { host: login.host, port: login.port, protocol: 'smtp', implicitTls: plan.implicitTls },
    ctx,
    login.security === 'auto',
  );
  const starttls = starttlsFor(plan, dialed.secure, login.sslRequired);
  const observed: Observed | undefined = ctx.onEvent ? { protocol: 'smtp', onEvent: ctx.onEvent, tls: dialed.secure } : undefined;
  // Observed (latchkey doctor): nodemailer's transaction log feeds a tap that reports EHLO lines
  // and the STARTTLS handshake; the TLS socket is nodemailer's own (`_socket`).
  const tap: Pick<SMTPConnection.Options, 'logger' | 'transactionLog'> = observed
    ? {
        logger: smtpTap(observed, (): TLSSocket | undefined => (conn as unknown as { _socket?: TLSSocket })._socket, {
          servername: dialed.servername,
          certName: dialed.servername ?? dialed.certName,
        }),
        transactionLog: true,
      }
    : { logger: false };
  const conn: SMTPConnection = new SMTPConnection({
    host: dialed.address,
    port: login.port,
    secure: dialed.secure,
    secured: dialed.secure,
    connection: dialed.socket,
    ...(dialed.servername ? { servername: dialed.servername } : {}),
    name: ctx.ehloName,
    requireTLS: starttls === 'required',
    ignoreTLS: starttls === 'never',
    opportunisticTLS: starttls === 'opportunistic',
    // STARTTLS is nodemailer's own tls.connect (it has no transport hook as imapflow has): the same
    // trust anchors as net/tls.ts startTls, and Node checks the chain and the name (servername, or
    // the address for an IP literal) before the connect callback, so no credential precedes a
    // verified certificate. A failure reaches classifySmtpError as an error code (net/tls.ts
    // classifyTlsError), so its wording is startTls's except for a wrong name ("not this host").
    tls: { secureContext: ctx.secureContext, rejectUnauthorized: true },
    ...(login.accessToken
      ? { customAuth: tokenHandlers(login.username, login.accessToken, { host: dialed.servername ?? login.host, port: login.port }) }
      : {}),
    connectionTimeout: ctx.connectTimeoutMs,
    greetingTimeout: ctx.greetingTimeoutMs,
    socketTimeout: ctx.commandTimeoutMs,
    // A hostile server must not make one verification hold much memory (nodemailer's default is
    // 1 MiB per response; an EHLO or AUTH reply is a few hundred bytes) — issue 18.
    maxResponseSize: 64 * 1024,
    ...tap,
    debug: false,
  } as SMTPConnection.Options);
  let step: Step = 'smtp.ehlo';
  ctx.onStep?.(step);
  const onAbort = () => failed?.(Object.assign(new Error('verification ended'), { code: 'ETIMEDOUT' }));
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  // nodemailer reports some failures (socket timeout, a dropped connection) only as events, not
  // through the pending callback: every wait below also ends on them.
  let failed: ((err: unknown) => void) | undefined;
  let lastError: unknown;
  conn.on('error', (err) => {
    lastError = err;
    failed?.(err);
  });
  conn.on('end', () => failed?.(lastError ?? Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })));
  const wait = (start: (done: (err?: Error | null) => void) => void) =>
    new Promise<void>((resolve, reject) => {
      failed = reject;
      start((err) => (err ? reject(err) : resolve()));
    });
  try {
    await wait((done) => conn.connect(done));
    step = 'smtp.auth';
    ctx.onStep?.(step);
    // nodemailer keeps the lines of the last EHLO reply (after STARTTLS when there was one).
    const offered = offeredMechanisms((conn as unknown as { _ehloLines?: string[] })._ehloLines ?? []);
    const mechanism = chooseMechanism(offered, login.accessToken ? 'token' : 'password');
    if (!mechanism && login.accessToken && offered.length) {
      throw new ApiError('no_supported_auth_mechanism', {
        step,
        message:
          `The SMTP server offers neither AUTH XOAUTH2 nor OAUTHBEARER (offered: ${offered.join(', ')}), so the OAuth access token ` +
          `cannot be used.`,
      });
    }
    if (!mechanism) {
      const secure = Boolean((conn as unknown as { secure?: boolean }).secure);
      if (!secure && starttls !== 'required' && offered.length === 0) {
        throw new ApiError('tls_required', {
          step,
          message: 'The SMTP server offers no sign-in on this unencrypted connection. Use STARTTLS or SSL/TLS.',
        });
      }
      throw new ApiError('no_supported_auth_mechanism', {
        step,
        message:
          `The SMTP server offers no sign-in method Latchkey can use on port ${login.port} (offered: ` +
          `${offered.length ? offered.join(', ') : 'none'}). Try port 587 with STARTTLS or 465 with SSL/TLS.`,
      });
    }
    const authStart = performance.now();
    // A token mechanism runs under its handler's own name, so nodemailer cannot swap it for another.
    const method = mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER' ? TOKEN_HANDLERS[mechanism] : mechanism;
    await wait((done) => conn.login({ user: login.username, pass: login.password, method } as SMTPConnection.Credentials, done));
    if (observed) reportAuth(observed, `AUTH ${mechanism}`, authStart);
    failed = undefined;
    conn.quit();
    return { mechanism, secure: Boolean((conn as unknown as { secure?: boolean }).secure) };
  } catch (err) {
    throw classifySmtpError(err, stepOf(err, step), login, ctx);
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    conn.close();
    dialed.socket.destroy();
  }
}

function stepOf(err: unknown, current: Step): Step {
  const cmd = (err as { command?: string }).command ?? '';
  if (/^EHLO|^HELO|^LHLO/i.test(cmd)) return 'smtp.ehlo';
  if (/STARTTLS/i.test(cmd)) return 'smtp.tls';
  if (/^AUTH/i.test(cmd)) return 'smtp.auth';
  return current;
}
