import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/env.ts';
import { registerAccountCommands } from './accounts.ts';
import { registerAppCommands } from './apps.ts';
import { registerCredentialsCommands } from './credentials.ts';
import { registerAuditCommand } from './audit.ts';
import { registerDetectCommand } from './detect.ts';
import { registerDoctorCommand } from './doctor/command.ts';
import { registerKeyCommands } from './keys.ts';
import { CommandFailed, EXIT, type CliIo, type ExitCode } from './exit.ts';
import { registerServerCommands } from './serve.ts';
import { registerWebhookCommands } from './webhooks.ts';

/**
 * The `latchkey` command: verb-noun commands mirroring the admin API, each group in its own
 * file. Every command reads the same `LATCHKEY_*` environment as the server. Returns the exit
 * code (cli/exit.ts): 0 success, 1 failure, 2 bad usage or configuration.
 */
export async function main(argv: string[]): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const io: CliIo = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    setExit: (c) => {
      code = c;
    },
  };
  // A reader that goes away (`latchkey doctor … | head`) is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(code);
    throw err;
  });
  const program = new Command('latchkey').description('Native authentication for email accounts').exitOverride();
  registerServerCommands(program, io);
  registerAppCommands(program, io);
  registerAccountCommands(program, io);
  registerCredentialsCommands(
    program.commands.find((c) => c.name() === 'apps')!,
    program.commands.find((c) => c.name() === 'accounts')!,
    io,
  );
  registerWebhookCommands(program, io);
  registerAuditCommand(program, io);
  registerKeyCommands(program, io);
  registerDetectCommand(program, io);
  registerDoctorCommand(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof ConfigError) {
      io.err(`${err.message}\n`);
      return EXIT.usage;
    }
    io.err(`latchkey: ${(err as Error).message}\n`);
    return err instanceof CommandFailed ? err.exitCode : EXIT.failed;
  }
}
