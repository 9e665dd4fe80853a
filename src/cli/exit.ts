/**
 * Exit codes of `latchkey` (README "The command line"): 0 success; 1 the command ran and failed
 * (a check failed, a thing named does not exist, the database could not be opened); 2 bad usage
 * or bad configuration (unknown command or option, a missing argument, an invalid LATCHKEY_*).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the command explains in one line: printed as `latchkey: <message>`. */
export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failed,
  ) {
    super(message);
    this.name = 'CommandFailed';
  }
}

/** What a command group needs from `main`: where to print, and how to set the exit code. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  setExit: (code: ExitCode) => void;
}
