import type { Config } from '../../config/env.ts';
import { parseConnectRequest, type ConnectRequest } from '../../connect/request.ts';
import { ApiError } from '../../errors/api-error.ts';
import { CATALOGUE, type ErrorType, type Reason } from '../../errors/catalogue.ts';
import type { DialContext } from '../../mail/dial.ts';
import type { Protocol } from '../../net/events.ts';
import type { ProviderEntry } from '../../providers/table.ts';
import { verifyContext } from '../../mail/context.ts';
import type { VerifyEvent } from '../../mail/events.ts';
import { verifyImap } from '../../mail/imap/verify.ts';
import { verifySmtp } from '../../mail/smtp/verify.ts';
import type { Security, ServerLogin } from '../../mail/login.ts';
import { adviceFor } from './advice.ts';
import type { Diagnosis, DoctorError, DoctorInput, DoctorObserver, DoctorReport, ProtocolResult } from './report.ts';

/** Default ports when none is given: the usual port of the security mode (RFC 8314 §3.3, RFC 6409). */
const DEFAULT_PORT: Record<Protocol, Record<Security, number>> = {
  imap: { ssl: 993, auto: 993, starttls: 143, none: 143 },
  smtp: { ssl: 465, auto: 587, starttls: 587, none: 587 },
};

/**
 * Turns the flags into the two logins exactly as `POST /connect/authorize` would (same parser,
 * same defaults: usernames default to the address, SMTP's password to IMAP's).
 * @throws ApiError `missing_fields` / `invalid_value` / `unsupported_provider` — bad input (exit 2).
 */
export function resolveSettings(input: DoctorInput, providers: Record<string, ProviderEntry>): ConnectRequest {
  const settings: Record<string, unknown> = { ssl_required: input.sslRequired };
  if (input.provider === 'imap') {
    for (const p of ['imap', 'smtp'] as const) {
      const s = input[p];
      Object.assign(settings, {
        [`${p}_host`]: s.host,
        [`${p}_port`]: s.port ?? DEFAULT_PORT[p][s.security ?? 'auto'],
        [`${p}_security`]: s.security ?? 'auto',
      });
    }
    Object.assign(settings, { imap_password: input.password, ...(input.username ? { imap_username: input.username } : {}) });
  } else {
    Object.assign(settings, { password: input.password, ...(input.username ? { username: input.username } : {}) });
  }
  return parseConnectRequest(
    { client_id: 'latchkey-doctor', name: 'latchkey doctor', email_address: input.email, provider: input.provider, settings },
    providers,
  );
}

/**
 * Verifies IMAP, then SMTP — both, even when IMAP fails, so one run shows everything — with the
 * server's own code and configuration, reporting each step as it happens.
 */
export async function runDoctor(
  request: ConnectRequest,
  dial: DialContext,
  config: Pick<Config, 'timeouts' | 'ehloName'>,
  observer: DoctorObserver = {},
): Promise<DoctorReport> {
  const walk = async (protocol: Protocol, login: ServerLogin): Promise<ProtocolResult> => {
    const events: VerifyEvent[] = [];
    const ctx = verifyContext(dial, config, request, (e) => {
      events.push(e);
      observer.event?.(e);
    });
    const result: ProtocolResult = {
      protocol,
      host: login.host,
      port: login.port,
      security: login.security,
      username: login.username,
      ok: true,
      events,
    };
    observer.start?.(result);
    try {
      await (protocol === 'imap' ? verifyImap(login, ctx) : verifySmtp(login, ctx));
    } catch (err) {
      result.ok = false;
      result.error = toDoctorError(err);
    }
    observer.end?.(result);
    return result;
  };
  const imap = await walk('imap', request.imap);
  const smtp = await walk('smtp', request.smtp);
  return { email: request.emailAddress, provider: request.provider, imap, smtp, diagnosis: diagnose(imap, smtp, request) };
}

function diagnose(imap: ProtocolResult, smtp: ProtocolResult, request: ConnectRequest): Diagnosis {
  const failed = [imap, smtp].filter((r) => !r.ok);
  const first = failed[0];
  if (!first?.error)
    return { ok: true, message: 'IMAP and SMTP both accepted these settings: Latchkey will connect this account with them.' };
  const e = first.error;
  const other = failed[1];
  return {
    ok: false,
    reason: e.reason,
    status: e.status,
    type: e.type,
    ...(e.step ? { step: e.step } : {}),
    message: e.message,
    catalogue_message: CATALOGUE[e.reason].message,
    ...(e.server_error ? { server_error: e.server_error } : {}),
    advice: adviceFor(e, first, request),
    ...(other?.error && other.error.reason !== e.reason ? { also: { ...other.error, protocol: other.protocol } } : {}),
  };
}

function toDoctorError(err: unknown): DoctorError {
  const e =
    err instanceof ApiError
      ? err
      : new ApiError('internal', { message: `Unexpected error: ${(err as Error)?.message ?? String(err)}`, cause: err });
  const body = e.toBody() as Omit<DoctorError, 'status'>;
  // The API hides a 500's detail from its clients; the operator running the doctor sees it.
  return { ...body, status: e.status, message: e.message };
}
