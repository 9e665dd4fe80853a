import type { Config } from '../config/env.ts';
import type { DialContext } from './dial.ts';
import type { VerifyObserver } from './events.ts';
import type { Step } from '../errors/api-error.ts';

/** What one IMAP or SMTP verification needs: dialling, the command timeout, the EHLO name and the provider's facts. */
export interface VerifyContext extends DialContext {
  /** ms, one command or reply. */
  commandTimeoutMs: number;
  /** SMTP EHLO name. */
  ehloName: string;
  /** Display name of the provider, for messages ("Yahoo"). */
  providerLabel: string | undefined;
  /** Whether the provider is known to require app passwords (Yahoo, AOL, iCloud …). */
  appPasswordsUsual: boolean;
  /** Whether a refused AUTHENTICATE PLAIN is retried with LOGIN (providers/table.ts `imapLoginAfterPlain`). */
  imapLoginAfterPlain: boolean;
  /** Step-by-step report for `latchkey doctor` (mail/events.ts); the server leaves it unset. */
  onEvent?: VerifyObserver;
  /** Told each step as it starts, so a deadline error can name the step that was stuck. */
  onStep?: (step: Step) => void;
}

/**
 * The context of one verification: dialling (resolver, policy, trust anchors, timeouts) plus the
 * command timeout and EHLO name from the configuration, and what the provider table says about
 * the provider (for the messages of a refusal). The server and `latchkey doctor` build it here,
 * so both verify the same way; only the doctor passes `onEvent`.
 */
export function verifyContext(
  dial: Omit<DialContext, 'onEvent'>,
  config: Pick<Config, 'timeouts' | 'ehloName'>,
  provider: { providerLabel: string | undefined; appPasswordsUsual: boolean; imapLoginAfterPlain: boolean },
  onEvent?: VerifyObserver,
): VerifyContext {
  return {
    resolve: dial.resolve,
    policy: dial.policy,
    secureContext: dial.secureContext,
    connectTimeoutMs: dial.connectTimeoutMs,
    greetingTimeoutMs: dial.greetingTimeoutMs,
    commandTimeoutMs: config.timeouts.commandMs,
    ehloName: config.ehloName,
    providerLabel: provider.providerLabel,
    appPasswordsUsual: provider.appPasswordsUsual,
    imapLoginAfterPlain: provider.imapLoginAfterPlain,
    ...(onEvent ? { onEvent } : {}),
  };
}
