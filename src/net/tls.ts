import {
  checkServerIdentity,
  connect as tlsConnect,
  createSecureContext,
  rootCertificates,
  type PeerCertificate,
  type SecureContext,
  type TLSSocket,
} from 'node:tls';
import type { Socket } from 'node:net';
import { ApiError, type Step } from '../errors/api-error.ts';
import { guardSocket } from './connect.ts';
import { since, type CertificateFacts, type ConnectionEvent, type ConnectionObserver, type Protocol } from './events.ts';

/**
 * The TLS client context for every outbound connection: trust anchors are the system store plus
 * `LATCHKEY_TLS_CA_FILE` (DECISIONS "Running it"), TLS 1.2 at least. Built once at start.
 */
export function outboundTlsContext(extraCaPem: string | undefined): SecureContext {
  return createSecureContext({ ca: extraCaPem ? [...rootCertificates, extraCaPem] : [...rootCertificates], minVersion: 'TLSv1.2' });
}

export interface TlsTarget {
  /** The checked address actually dialled. */
  address: string;
  port: number;
  /** The host name the user gave: SNI and certificate name check. Undefined for an IP literal. */
  servername: string | undefined;
  /** The host as given, IP literal or name, for the certificate check. */
  host: string;
  secureContext: SecureContext;
  timeoutMs: number;
  step: Step;
  /** Reports the handshake (version, cipher, certificate, verdict) to `latchkey doctor`; unset in the server. */
  observer?: { mode: 'implicit' | 'starttls'; onEvent: ConnectionObserver };
}

/**
 * Runs a TLS handshake (implicit TLS when `plain` is undefined, STARTTLS over `plain` otherwise)
 * and verifies the certificate chain and name before anything else is sent.
 * Returns the socket *before* the handshake completes, with `ready` settling once it is verified,
 * so a library can hold the socket from the start.
 * Failures: `certificate_invalid` (self-signed, unknown CA, expired, name mismatch — the message
 * names which), `tls_mismatch` (the peer does not speak TLS), `connection_closed`, `response_timeout`.
 */
export function startTls(target: TlsTarget, plain?: Socket): { socket: TLSSocket; ready: Promise<TLSSocket> } {
  const socket = guardSocket(
    tlsConnect({
      // `host` is what Node checks the certificate against when no servername is sent (an IP
      // literal): without it Node falls back to "localhost" and refuses valid IP certificates.
      ...(plain ? { socket: plain, host: target.host } : { host: target.address, port: target.port }),
      ...(target.servername ? { servername: target.servername } : {}),
      secureContext: target.secureContext,
      // Verified below, by hand, so the error can say precisely what is wrong with the certificate.
      rejectUnauthorized: false,
    }),
  );
  const started = performance.now();
  const ready = new Promise<TLSSocket>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new ApiError('response_timeout', { step: target.step, message: 'The TLS handshake with the server timed out.' })),
      target.timeoutMs,
    );
    let reported = false;
    const fail = (err: ApiError) => {
      if (!reported) observe(target, socket, started, err.message, false);
      clearTimeout(timer);
      socket.removeListener('error', onError);
      socket.destroy();
      reject(err);
    };
    const onError = (err: NodeJS.ErrnoException) => fail(err instanceof ApiError ? err : classifyTlsError(err, target.step));
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      const problem = certificateProblem(socket, target.servername ?? target.host);
      observe(target, socket, started, problem, true);
      reported = true;
      if (problem) return fail(new ApiError('certificate_invalid', { step: target.step, message: problem }));
      clearTimeout(timer);
      socket.removeListener('error', onError);
      resolve(socket);
    });
  });
  ready.catch(() => undefined);
  return { socket, ready };
}

/**
 * Opens a second connection to see whether a port speaks TLS from the start (a TLS port waits for
 * the ClientHello, so it never greets in plaintext). Only the handshake matters: the certificate is
 * not checked and nothing is sent after it. `onTls` runs once the handshake completes.
 * @returns the probe's socket, for the caller to destroy when the answer is no longer needed
 */
export function probeTls(target: { address: string; port: number; servername: string | undefined }, onTls: () => void): TLSSocket {
  const probe = guardSocket(
    tlsConnect({
      host: target.address,
      port: target.port,
      ...(target.servername ? { servername: target.servername } : {}),
      rejectUnauthorized: false,
    }),
  );
  probe.once('secureConnect', onTls);
  return probe;
}

/** Reports the handshake to the observer, if any. */
function observe(target: TlsTarget, socket: TLSSocket, started: number, problem: string | undefined, completed: boolean): void {
  if (!target.observer) return;
  const protocol = target.step.split('.')[0] as Protocol;
  target.observer.onEvent(
    handshakeEvent(socket, {
      protocol,
      mode: target.observer.mode,
      servername: target.servername,
      certName: target.servername ?? target.host,
      started,
      problem,
      completed,
    }),
  );
}

/**
 * The `tls` event of a handshake that has run: negotiated version and cipher, the certificate's
 * facts, whether the chain is trusted and the name matches (the same check as startTls).
 * Also used for SMTP STARTTLS, which nodemailer runs itself.
 */
export function handshakeEvent(
  socket: TLSSocket,
  o: {
    protocol: Protocol;
    mode: 'implicit' | 'starttls';
    servername: string | undefined;
    certName: string;
    started: number;
    problem: string | undefined;
    completed: boolean;
  },
): ConnectionEvent {
  // A handshake that broke off negotiated nothing and may have seen no certificate.
  const cert = o.completed ? socket.getPeerCertificate() : undefined;
  const hasCert = Boolean(cert && Object.keys(cert).length);
  return {
    protocol: o.protocol,
    kind: 'tls',
    mode: o.mode,
    ok: !o.problem,
    ...(o.completed ? { version: socket.getProtocol() ?? undefined, cipher: socket.getCipher()?.name } : {}),
    servername: o.servername,
    certName: o.certName,
    ...(cert && hasCert
      ? { trusted: socket.authorized, nameMatches: !checkServerIdentity(o.certName, cert), certificate: certificateFacts(cert) }
      : {}),
    ...(o.problem ? { problem: o.problem } : {}),
    ms: since(o.started),
  };
}

/** Subject, issuer, validity, names and fingerprint of a peer certificate, for people to read. */
export function certificateFacts(cert: PeerCertificate): CertificateFacts {
  const dn = (o: object | undefined) =>
    Object.entries(o ?? {})
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
      .join(', ');
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    altNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim().replace(/^(DNS|IP Address):/, ''))
      .filter(Boolean),
    fingerprint256: cert.fingerprint256,
  };
}

function certificateProblem(socket: TLSSocket, name: string): string | undefined {
  const cert = socket.getPeerCertificate();
  if (!socket.authorized) {
    const code = String(socket.authorizationError ?? '');
    return describeCertCode(code, cert);
  }
  const mismatch = checkServerIdentity(name, cert);
  if (mismatch) return `The server’s certificate is for ${certNames(cert)}, not ${name}.`;
  return undefined;
}

function certNames(cert: PeerCertificate): string {
  const sans = (cert.subjectaltname ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
  return sans.length ? sans.join(', ') : String(cert.subject?.CN ?? 'another name');
}

function describeCertCode(code: string, cert?: PeerCertificate): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return (
        'The server’s certificate is self-signed, so its identity cannot be verified. The mail server needs a certificate from a ' +
        'trusted authority (or the Latchkey operator can trust its CA with LATCHKEY_TLS_CA_FILE).'
      );
    case 'CERT_HAS_EXPIRED':
      return `The server’s certificate expired${cert?.valid_to ? ` on ${cert.valid_to}` : ''}.`;
    case 'CERT_NOT_YET_VALID':
      return `The server’s certificate is not valid yet${cert?.valid_from ? ` (from ${cert.valid_from})` : ''}.`;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return (
        'The server’s certificate was issued by an unknown certificate authority. If the server uses a private CA, the Latchkey ' +
        'operator can trust it with LATCHKEY_TLS_CA_FILE.'
      );
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return cert
        ? `The server’s certificate is for ${certNames(cert)}, not this host.`
        : 'The server’s certificate is for another host name.';
    default:
      return `The server’s certificate could not be verified (${code || 'unknown reason'}).`;
  }
}

const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** Maps a Node/OpenSSL TLS failure to the catalogue (used also for errors raised inside libraries). */
export function classifyTlsError(err: NodeJS.ErrnoException & { cert?: PeerCertificate }, step: Step): ApiError {
  const code = err.code ?? '';
  if (CERT_CODES.has(code)) return new ApiError('certificate_invalid', { step, message: describeCertCode(code, err.cert), cause: err });
  if (
    /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|UNKNOWN_PROTOCOL|HTTP_REQUEST|RECORD_LAYER|unexpected eof/i.test(`${code} ${err.message}`)
  ) {
    return new ApiError('tls_mismatch', {
      step,
      message:
        'The server did not answer with TLS: this port probably expects STARTTLS (or no encryption). Use STARTTLS, or the SSL/TLS port ' +
        '(993 for IMAP, 465 for SMTP).',
      cause: err,
    });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket disconnected|socket hang up/i.test(err.message)) {
    return new ApiError('connection_closed', { step, message: 'The server closed the connection during the TLS handshake.', cause: err });
  }
  return new ApiError('tls_mismatch', { step, message: `The TLS handshake failed: ${err.message}`, cause: err });
}
