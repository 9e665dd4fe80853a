import type { Command } from 'commander';
import { loadConfig } from '../config/env.ts';
import { detectContext } from '../app/build.ts';
import { dialContext } from '../app/dial-context.ts';
import { CommandFailed, EXIT, type CliIo } from './exit.ts';
import { loadProviders } from '../providers/registry.ts';
import { detectDomain } from '../detect/detect.ts';
import { detectionView } from '../detect/view.ts';

/**
 * `latchkey detect user@domain [--json]`: runs the same detection as `/connect/detect-provider`
 * and prints each source tried, what it found and how long it took, then the answer.
 * Exit code 0 when settings were found, 1 when not.
 */
export function registerDetectCommand(program: Command, io: CliIo): void {
  program
    .command('detect')
    .description('detect the provider and IMAP/SMTP settings of an address, showing every source tried')
    .argument('<email>', 'the address, e.g. ada@example.org')
    .option('--json', 'print JSON: { trace, result }')
    .action(async (email: string, opts: { json?: boolean }) => {
      const domain = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email.trim())?.[1];
      if (!domain) throw new CommandFailed(`${JSON.stringify(email)} is not an email address`, EXIT.usage);
      const config = loadConfig();
      const detect = detectContext(config, loadProviders(config.providersFile), dialContext(config), Date.now);
      const t0 = performance.now();
      const detection = await detectDomain(domain, detect, email.trim());
      const ms = Math.round(performance.now() - t0);
      const result = detectionView(email.trim(), detection);
      if (opts.json) {
        io.out(`${JSON.stringify({ trace: detection.trace, result, ms }, null, 2)}\n`);
      } else {
        io.out(`Detecting ${email.trim()}\n`);
        for (const s of detection.trace) {
          const mark = s.outcome === 'found' ? '✓' : s.outcome === 'error' ? '✗' : '·';
          io.out(
            `  ${mark} ${s.source.padEnd(10)} ${String(s.ms).padStart(5)} ms  ${s.target}` +
              `${s.detail ? `\n${' '.repeat(24)}${s.detail}` : ''}\n`,
          );
        }
        if (result.settings) {
          const st = result.settings;
          io.out(
            `\nFound by ${result.source} in ${ms} ms: ${result.provider_name} (provider "${result.auth_name}")` +
              `${result.oauth_required ? ' — OAuth required, passwords are refused' : ''}\n`,
          );
          io.out(`  IMAP  ${st.imap_host}:${st.imap_port} ${st.imap_security}  user ${st.imap_username}\n`);
          io.out(`  SMTP  ${st.smtp_host}:${st.smtp_port} ${st.smtp_security}  user ${st.smtp_username}\n`);
          if (result.source_detail) io.out(`  Chosen among several listed servers: ${result.source_detail}\n`);
        } else {
          io.out(`\nNothing found in ${ms} ms: ask the user for the IMAP and SMTP server settings.\n`);
        }
      }
      if (!result.detected) io.setExit(EXIT.failed);
    });
}
