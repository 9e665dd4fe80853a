import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../../config/env.ts';
import { dialContext } from '../../app/dial-context.ts';
import { ApiError } from '../../errors/api-error.ts';
import { loadProviders } from '../../providers/registry.ts';
import type { Security } from '../../mail/login.ts';
import { CommandFailed, EXIT, type CliIo } from '../exit.ts';
import { json } from '../output.ts';
import { PromptCancelled, readPassword } from './password.ts';
import { LiveRenderer, renderDiagnosis, renderHeader } from './render.ts';
import type { DoctorInput } from './report.ts';

interface DoctorFlags {
  provider: string;
  imapHost?: string;
  imapPort?: number;
  imapSecurity?: Security;
  smtpHost?: string;
  smtpPort?: number;
  smtpSecurity?: Security;
  username?: string;
  sslRequired: boolean;
  passwordStdin?: boolean;
  json?: boolean;
}

const SECURITY = ['ssl', 'starttls', 'none', 'auto'];

const HELP_AFTER = `
Walks IMAP, then SMTP, with the server's own code and LATCHKEY_* configuration (resolver,
destination policy, trusted CAs, timeouts, EHLO name): DNS, TCP to each address, TLS (version,
cipher, certificate subject, issuer, expiry, SNI and name check), greeting, capabilities before
and after TLS, login, and for IMAP LIST and EXAMINE INBOX. Nothing in the mailbox changes and no
mail is sent. It ends with one diagnosis in the API's reason vocabulary and what to change.

Without --imap-host/--smtp-host (and without --provider), the settings are detected from the
address exactly as /connect/detect-provider does (built-in table, MX, autoconfig, ISPDB, SRV,
probed guesses); flags given always win over what was detected.

The password is never taken from the command line: it is prompted for without echo on a
terminal, or read from standard input (first line) when that is not a terminal or with
--password-stdin. It is never printed.

Exit codes: 0 both servers verified, 1 a check failed, 2 bad usage or configuration.

Example:
  latchkey doctor alice@example.com --imap-host imap.example.com --smtp-host smtp.example.com`;

/** `latchkey doctor user@domain`: the support engineer's "why won't it connect". */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('check an account’s IMAP and SMTP settings step by step and say what to change')
    .argument('<email>', 'the account’s email address')
    .option('--provider <name>', 'take the hosts from the provider table (yahoo, icloud, …; LATCHKEY_PROVIDERS_FILE applies)', 'imap')
    .option('--imap-host <host>', 'IMAP server')
    .option('--imap-port <port>', 'IMAP port (default 993 for ssl/auto, 143 for starttls/none)', port)
    .addOption(new Option('--imap-security <mode>', 'IMAP TLS mode (default auto)').choices(SECURITY))
    .option('--smtp-host <host>', 'SMTP submission server')
    .option('--smtp-port <port>', 'SMTP port (default 465 for ssl, 587 otherwise)', port)
    .addOption(new Option('--smtp-security <mode>', 'SMTP TLS mode (default auto)').choices(SECURITY))
    .option('--username <name>', 'login name for both servers (default: the email address)')
    .option('--no-ssl-required', 'allow sending the password without TLS (needed with security none)')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .option('--json', 'print the steps and the diagnosis as one JSON document')
    .addHelpText('after', HELP_AFTER)
    .action(async (email: string, flags: DoctorFlags) => io.setExit(await doctor(email, flags, io)));
}

async function doctor(email: string, flags: DoctorFlags, io: CliIo): Promise<0 | 1> {
  // Loaded on use: the IMAP and SMTP libraries are slow imports that other commands do not need.
  const { resolveSettings, runDoctor } = await import('./run.ts');
  const config = loadConfig();
  const providers = loadProviders(config.providersFile);
  const provider = flags.provider.trim().toLowerCase();
  const hostFlags = ['imapHost', 'imapPort', 'imapSecurity', 'smtpHost', 'smtpPort', 'smtpSecurity'] as const;
  if (provider !== 'imap' && hostFlags.some((k) => flags[k] !== undefined)) {
    throw new CommandFailed(
      `--provider ${provider} takes its hosts from the provider table: drop the --imap-*/--smtp-* flags, or use them without --provider`,
      EXIT.usage,
    );
  }
  const warnings = config.ehloNameWarning ? [config.ehloNameWarning] : [];
  if (!flags.json) io.out(renderHeader({ email, provider }, warnings));
  if (provider === 'imap' && (!flags.imapHost || !flags.smtpHost)) {
    const detected = await detectInto(email, flags, config, providers, io);
    if (detected.note) {
      warnings.push(detected.note);
      if (!flags.json) io.out(`note: ${detected.note}\n`);
    }
  }

  let password: string;
  try {
    password = await readPassword(`Password for ${flags.username ?? email}: `, { fromStdin: Boolean(flags.passwordStdin) });
  } catch (err) {
    if (err instanceof PromptCancelled) throw new CommandFailed(err.message);
    throw err;
  }
  const input: DoctorInput = {
    email,
    provider,
    imap: { host: flags.imapHost, port: flags.imapPort, security: flags.imapSecurity },
    smtp: { host: flags.smtpHost, port: flags.smtpPort, security: flags.smtpSecurity },
    ...(flags.username ? { username: flags.username } : {}),
    sslRequired: flags.sslRequired,
    password,
  };
  let request;
  try {
    request = resolveSettings(input, providers);
  } catch (err) {
    if (err instanceof ApiError) throw new CommandFailed(inFlagTerms(err), EXIT.usage);
    throw err;
  }
  const report = await runDoctor(request, dialContext(config), config, flags.json ? {} : new LiveRenderer(io.out));
  if (flags.json) io.out(json({ ...report, warnings }));
  else io.out(renderDiagnosis(report.diagnosis));
  return report.diagnosis.ok ? EXIT.ok : EXIT.failed;
}

/**
 * Fills the host flags the engineer did not give from detection (flags win), printing where the
 * settings came from. @throws CommandFailed (usage) when nothing was detected.
 */
async function detectInto(
  email: string,
  flags: DoctorFlags,
  config: ReturnType<typeof loadConfig>,
  providers: ReturnType<typeof loadProviders>,
  io: CliIo,
): Promise<{ note?: string }> {
  const [{ detectContext }, { detectDomain }, { detectionView }] = await Promise.all([
    import('../../app/build.ts'),
    import('../../detect/detect.ts'),
    import('../../detect/view.ts'),
  ]);
  const domain = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email.trim())?.[1];
  if (!domain) throw new CommandFailed(`${JSON.stringify(email)} is not an email address`, EXIT.usage);
  const t0 = performance.now();
  const view = detectionView(
    email.trim(),
    await detectDomain(domain, detectContext(config, providers, dialContext(config), Date.now), email.trim()),
  );
  const ms = Math.round(performance.now() - t0);
  const st = view.settings;
  if (!st)
    throw new CommandFailed(
      `could not detect the mail servers of ${domain} (${ms} ms; see latchkey detect ${email}): give --imap-host and --smtp-host`,
      EXIT.usage,
    );
  if (!flags.imapHost)
    Object.assign(flags, {
      imapHost: st.imap_host,
      imapPort: flags.imapPort ?? st.imap_port,
      imapSecurity: flags.imapSecurity ?? st.imap_security,
    });
  if (!flags.smtpHost)
    Object.assign(flags, {
      smtpHost: st.smtp_host,
      smtpPort: flags.smtpPort ?? st.smtp_port,
      smtpSecurity: flags.smtpSecurity ?? st.smtp_security,
    });
  if (!flags.username && st.imap_username !== email.trim()) flags.username = st.imap_username;
  if (!flags.json)
    io.out(
      `Settings detected by ${view.source} in ${ms} ms: IMAP ${st.imap_host}:${st.imap_port} ${st.imap_security}, SMTP ` +
        `${st.smtp_host}:${st.smtp_port} ${st.smtp_security}\n`,
    );
  return view.oauth_required
    ? {
        note:
          `${view.provider_name} mailboxes accept only OAuth: a password login is expected to be refused (use provider ` +
          `${view.auth_name})`,
      }
    : {};
}

/** The parser's message, with settings keys named as the doctor's flags. */
function inFlagTerms(err: ApiError): string {
  if (err.reason === 'missing_fields' && err.details.missingFields?.some((f) => /password/.test(f))) return 'no password given';
  return err.message
    .replace(/settings\.(imap|smtp)_(host|port|security)/g, (_m, p: string, k: string) => `--${p}-${k}`)
    .replace(/settings\.(imap_)?username/g, '--username');
}

function port(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new InvalidArgumentError('expected a port number from 1 to 65535');
  return n;
}
