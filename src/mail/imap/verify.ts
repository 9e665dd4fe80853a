import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Socket } from 'node:net';
import { dialAuto, type Dialed } from '../dial.ts';
import { startTls } from '../../net/tls.ts';
import { ApiError, type Step } from '../../errors/api-error.ts';
import { classifyImapError, responseStatus, type ImapflowError } from './classify.ts';
import type { VerifyContext } from '../context.ts';
import type { ServerLogin } from '../login.ts';
import { planTls, starttlsFor } from '../starttls.ts';
import { imapTap, reportAuth, type Observed } from '../observe.ts';
import { since } from '../../net/events.ts';

/** What a successful IMAP verification saw. */
export interface ImapEvidence {
  mechanism: 'AUTHENTICATE PLAIN' | 'LOGIN' | 'AUTHENTICATE OAUTHBEARER' | 'AUTHENTICATE XOAUTH2';
  capabilities: string[];
  folders: number;
  attempts: number;
}

const CLIENT_INFO = { name: 'Latchkey', vendor: 'Latchkey', 'support-url': 'https://github.com/latchkey' };

/**
 * Verifies an IMAP login without changing anything in the mailbox (DECISIONS "Verifying
 * credentials"): connect → TLS (implicit or STARTTLS) → CAPABILITY → LOGIN or AUTHENTICATE PLAIN
 * as the server offers → ID (RFC 2971) when advertised → LIST → EXAMINE INBOX → LOGOUT.
 *
 * At most two authentication attempts: the second, on a fresh connection, with LOGIN, only when
 * AUTHENTICATE PLAIN was refused, the server does not disable LOGIN, and either the refusal was
 * not of the credentials (a tagged BAD: `command_rejected`) or the provider is known to refuse
 * PLAIN and accept LOGIN (`imapLoginAfterPlain`, iCloud). A wrong password otherwise costs one
 * failed login at the provider, not two (issue 13).
 *
 * @throws ApiError with `step` `imap.*` — see the catalogue for every reason.
 */
export async function verifyImap(login: ServerLogin, ctx: VerifyContext): Promise<ImapEvidence> {
  if (login.security === 'none' && login.sslRequired) {
    throw new ApiError('invalid_value', {
      message: 'imap_security "none" sends the password unencrypted: it needs "ssl_required": false.',
    });
  }
  const first = await attempt(login, ctx, undefined);
  if (first.ok) return { ...first.evidence, attempts: 1 };
  const e = first.error as ImapflowError;
  const knownQuirk =
    ctx.imapLoginAfterPlain &&
    responseStatus(e) === 'NO' &&
    first.classified.reason === 'invalid_credentials' &&
    ['', 'AUTHENTICATIONFAILED'].includes((e.serverResponseCode ?? '').toUpperCase());
  const retryWithLogin =
    !login.accessToken &&
    first.mechanism === 'AUTHENTICATE PLAIN' &&
    !first.capabilities.includes('LOGINDISABLED') &&
    (first.classified.reason === 'command_rejected' || knownQuirk);
  if (!retryWithLogin) throw first.classified;
  ctx.onEvent?.({ protocol: 'imap', kind: 'retry', why: 'AUTHENTICATE PLAIN was refused: trying LOGIN once more on a fresh connection.' });
  const second = await attempt(login, ctx, 'LOGIN');
  if (second.ok) return { ...second.evidence, attempts: 2 };
  throw second.classified;
}

type Attempt =
  | { ok: true; evidence: Omit<ImapEvidence, 'attempts'> }
  | { ok: false; error: unknown; classified: ApiError; mechanism: ImapEvidence['mechanism'] | undefined; capabilities: string[] };

async function attempt(login: ServerLogin, ctx: VerifyContext, loginMethod: 'LOGIN' | undefined): Promise<Attempt> {
  const plan = planTls(login, 993);
  ctx.onStep?.('imap.connect');
  let dialed: Dialed;
  try {
    dialed = await dialAuto(
      { host: login.host, port: login.port, protocol: 'imap', implicitTls: plan.implicitTls },
      ctx,
      login.security === 'auto',
    );
  } catch (err) {
    return { ok: false, error: err, classified: err as ApiError, mechanism: undefined, capabilities: [] };
  }
  const observed: Observed | undefined = ctx.onEvent ? { protocol: 'imap', onEvent: ctx.onEvent, tls: dialed.secure } : undefined;
  const client = new ImapFlow(imapOptions(login, ctx, dialed, starttlsFor(plan, dialed.secure, login.sslRequired), loginMethod, observed));
  client.on('error', () => undefined); // failures surface through the awaited calls below
  let step: Step = 'imap.login';
  ctx.onStep?.(step);
  const onAbort = () => client.close();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let started = performance.now();
    await client.connect();
    const mechanism = usedMechanism(client, loginMethod, login);
    if (observed) reportAuth(observed, mechanism, started);
    step = 'imap.list';
    ctx.onStep?.(step);
    started = performance.now();
    const folders = await client.list();
    ctx.onEvent?.({ protocol: 'imap', kind: 'list', folders: folders.length, ms: since(started) });
    step = 'imap.examine';
    ctx.onStep?.(step);
    started = performance.now();
    await client.mailboxOpen('INBOX', { readOnly: true });
    ctx.onEvent?.({ protocol: 'imap', kind: 'examine', mailbox: 'INBOX', ms: since(started) });
    const capabilities = [...client.capabilities.keys()];
    await client.logout().catch(() => undefined);
    return { ok: true, evidence: { mechanism, capabilities, folders: folders.length } };
  } catch (err) {
    const capabilities = [...client.capabilities.keys()];
    const secure = Boolean(client.secureConnection || (client as unknown as { tls?: unknown }).tls);
    const classified = classifyImapError(err, step, login, ctx, secure);
    return {
      ok: false,
      error: err,
      classified,
      mechanism: step === 'imap.login' ? usedMechanism(client, loginMethod, login) : undefined,
      capabilities,
    };
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    client.close();
  }
}

function usedMechanism(client: ImapFlow, loginMethod: string | undefined, login: ServerLogin): ImapEvidence['mechanism'] {
  // imapflow prefers OAUTHBEARER (RFC 7628) over XOAUTH2 when both are offered.
  if (login.accessToken) return client.capabilities.has('AUTH=OAUTHBEARER') ? 'AUTHENTICATE OAUTHBEARER' : 'AUTHENTICATE XOAUTH2';
  return !loginMethod && client.capabilities.has('AUTH=PLAIN') ? 'AUTHENTICATE PLAIN' : 'LOGIN';
}

function imapOptions(
  login: ServerLogin,
  ctx: VerifyContext,
  dialed: Dialed,
  starttls: 'required' | 'never' | 'opportunistic',
  loginMethod: string | undefined,
  observed: Observed | undefined,
): ImapFlowOptions {
  const tlsTarget = {
    address: dialed.address,
    port: login.port,
    servername: dialed.servername,
    host: dialed.certName,
    secureContext: ctx.secureContext,
    timeoutMs: ctx.commandTimeoutMs,
    step: 'imap.tls' as const,
    ...(observed ? { observer: { mode: 'starttls' as const, onEvent: observed.onEvent } } : {}),
  };
  return {
    host: dialed.address,
    port: login.port,
    secure: dialed.secure,
    ...(dialed.servername ? { servername: dialed.servername } : {}),
    doSTARTTLS: starttls === 'required' ? true : starttls === 'never' ? false : undefined,
    tls: { secureContext: ctx.secureContext },
    auth: login.accessToken
      ? { user: login.username, accessToken: login.accessToken }
      : { user: login.username, pass: login.password, ...(loginMethod ? { loginMethod } : {}) },
    clientInfo: CLIENT_INFO,
    // Observed (latchkey doctor): a logger that reports the server's capabilities; never the client's lines.
    logger: observed ? imapTap(observed) : false,
    connectionTimeout: ctx.connectTimeoutMs,
    greetingTimeout: ctx.greetingTimeoutMs,
    socketTimeout: ctx.commandTimeoutMs,
    disableAutoIdle: true,
    // A hostile server must not make one verification hold gigabytes (imapflow's defaults are 1-2 GiB).
    maxLineLength: 64 * 1024,
    maxLiteralSize: 256 * 1024,
    maxResponseSize: 1024 * 1024,
    disableCompression: true,
    disableAutoEnable: true,
    // The socket is already connected (and checked) by dial(): hand it over, and run
    // STARTTLS through the same certificate checks as implicit TLS.
    transport: {
      connect: (_opts, onConnect) => {
        setImmediate(onConnect);
        return dialed.socket;
      },
      upgrade: (socket, _opts, onSecure) => {
        const tls = startTls(tlsTarget, socket as Socket);
        tls.ready.then(
          () => {
            if (observed) observed.tls = true;
            onSecure();
          },
          (err: unknown) => tls.socket.emit('error', err),
        );
        return tls.socket;
      },
    },
  } as ImapFlowOptions;
}
