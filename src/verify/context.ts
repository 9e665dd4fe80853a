import type { Config } from '../config/env.ts';
import type { DialContext } from '../net/dial.ts';
import type { VerifyObserver } from './events.ts';
import type { VerifyContext } from './types.ts';

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
