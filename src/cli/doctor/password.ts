/**
 * The password for `latchkey doctor`, never from argv (it would land in shell history and `ps`):
 * prompted on the terminal without echo, or read from standard input when that is not a
 * terminal or `--password-stdin` is given.
 */

/** The person pressed Ctrl-C at the prompt. */
export class PromptCancelled extends Error {
  constructor() {
    super('cancelled at the password prompt');
    this.name = 'PromptCancelled';
  }
}

/**
 * @param prompt shown on `output` (stderr, so stdout stays clean for --json)
 * @returns the password; from stdin, its first line without the line break
 * @throws PromptCancelled on Ctrl-C at the prompt
 */
export async function readPassword(
  prompt: string,
  o: { fromStdin: boolean; input?: NodeJS.ReadStream; output?: NodeJS.WriteStream },
): Promise<string> {
  const input = o.input ?? process.stdin;
  const output = o.output ?? process.stderr;
  if (o.fromStdin || !input.isTTY) return firstLine(input);
  return promptHidden(prompt, input, output);
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]!.replace(/\r$/, '');
}

/**
 * Raw mode goes on before the prompt is written, so nothing typed after the prompt appears is
 * echoed by the terminal; the characters are collected here and never written anywhere.
 * Enter ends, Backspace deletes, Ctrl-U clears, Ctrl-C cancels.
 */
function promptHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    output.write(prompt);
    let value = '';
    const finish = (err?: Error) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new PromptCancelled());
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    const onEnd = () => finish();
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  });
}
