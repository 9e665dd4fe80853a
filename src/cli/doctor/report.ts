import type { ErrorType, Reason } from '../../errors/catalogue.ts';
import type { Protocol } from '../../net/events.ts';
import type { VerifyEvent } from '../../mail/events.ts';
import type { Security } from '../../mail/login.ts';

/** What the person asked `latchkey doctor` to check (flags and the password). */
export interface DoctorInput {
  email: string;
  /** `imap` (hosts from the flags) or a known password provider (hosts from the provider table). */
  provider: string;
  imap: { host?: string; port?: number; security?: Security };
  smtp: { host?: string; port?: number; security?: Security };
  username?: string;
  sslRequired: boolean;
  password: string;
}

/** An error of a check, as the API's error body would carry it. */
export interface DoctorError {
  reason: Reason;
  status: number;
  type: ErrorType;
  step?: string;
  message: string;
  server_error?: string;
  addresses_tried?: string[];
}

/** One server's walk: the settings used (no password), every event in order, and the outcome. */
export interface ProtocolResult {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  username: string;
  ok: boolean;
  events: VerifyEvent[];
  error?: DoctorError;
}

/** The verdict: the first failure (IMAP before SMTP, as the API checks them), or success. */
export interface Diagnosis {
  ok: boolean;
  reason?: Reason;
  status?: number;
  type?: ErrorType;
  step?: string;
  /** The message the API would return for this failure. */
  message: string;
  /** The catalogue's default message for the reason (docs/errors.md). */
  catalogue_message?: string;
  server_error?: string;
  /** What to change, in terms of the doctor's flags and Latchkey's settings. */
  advice?: string;
  /** The other server's failure, when both failed. */
  also?: DoctorError & { protocol: Protocol };
}

export interface DoctorReport {
  email: string;
  provider: string;
  imap: ProtocolResult;
  smtp: ProtocolResult;
  diagnosis: Diagnosis;
}

/** Follows a run as it happens (the live printer); every method is optional. */
export interface DoctorObserver {
  start?(result: ProtocolResult): void;
  event?(e: VerifyEvent): void;
  end?(result: ProtocolResult): void;
}
