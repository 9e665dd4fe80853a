/**
 * What a provider conversation reports, step by step, to an optional observer: `latchkey doctor`
 * prints these live. The server passes no observer, and then nothing here runs. Events never
 * carry a password: they hold what the *server* said (greeting, capabilities) and what was
 * measured (addresses, timings, the certificate).
 */
export type Protocol = 'imap' | 'smtp';

/** The facts of a server certificate a person checks first. Dates as Node prints them (`Jan  1 00:00:00 2030 GMT`). */
export interface CertificateFacts {
  /** `CN=mail.example.com, O=…` */
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** DNS names and addresses the certificate is valid for (subjectAltName). */
  altNames: string[];
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
}

/** Events of dialling: name lookup, TCP, TLS, greeting. Durations `ms` are milliseconds. */
export type ConnectionEvent =
  | {
      protocol: Protocol;
      kind: 'dns';
      host: string;
      addresses: string[];
      /** The host is an address literal: no lookup. */ literal: boolean;
      ms: number;
    }
  | {
      protocol: Protocol;
      kind: 'tcp';
      address: string;
      port: number;
      ok: boolean;
      /** errno code of a failed attempt (`ECONNREFUSED`, `ETIMEDOUT`). */ error?: string;
      ms: number;
    }
  | {
      protocol: Protocol;
      kind: 'tls';
      mode: 'implicit' | 'starttls';
      ok: boolean;
      /** `TLSv1.3` */
      version?: string;
      cipher?: string;
      /** The SNI name sent; undefined for an address literal (RFC 6066 §3 forbids addresses in SNI). */
      servername?: string;
      /** The name the certificate must match (host name, or the address a literal denotes). */
      certName: string;
      /** The chain leads to a trusted CA (system store + LATCHKEY_TLS_CA_FILE). */
      trusted?: boolean;
      nameMatches?: boolean;
      certificate?: CertificateFacts;
      /** Why the handshake or the certificate failed (the message the API would return). */
      problem?: string;
      ms: number;
    }
  | { protocol: Protocol; kind: 'greeting'; line: string; ms: number }
  /** The conversation starts over on a fresh connection (`auto` security switching TLS mode, or a second login attempt). */
  | { protocol: Protocol; kind: 'retry'; why: string };

/** Receives events; must not throw. */
export type ConnectionObserver = (event: ConnectionEvent) => void;

/** Milliseconds since `start` (a `performance.now()` value), rounded to 0.1 ms. */
export function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
