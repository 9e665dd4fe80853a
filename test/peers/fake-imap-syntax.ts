/**
 * RFC 3501 command framing and tokenizing for the fake IMAP server: splits the byte stream
 * into commands (following `{n}` / `{n+}` literals) and parses a command into tag, name and
 * argument tokens. Strict enough to reject what picky servers (Courier, Dovecot) reject.
 */

/** One parsed argument. Values are UTF-8 decoded; lists keep their nesting. */
export type ImapToken =
  | { type: 'atom'; value: string }
  | { type: 'quoted'; value: string }
  | { type: 'literal'; value: string }
  | { type: 'list'; items: ImapToken[] };

/** A parsed client command. */
export interface ImapCommand {
  tag: string;
  /** Upper-cased command name. */
  name: string;
  args: ImapToken[];
}

const LITERAL_AT_END = /\{(\d{1,9})(\+?)\}$/;
const MAX_LINE = 1024 * 1024;

/**
 * Splits incoming bytes into complete commands (each without its final CRLF). Calls
 * `onSyncLiteral` once per synchronizing literal so the server can send `+ go ahead`.
 */
export class ImapFramer {
  private buf = Buffer.alloc(0);
  private scanFrom = 0;
  private ackedAt = -1;

  constructor(private readonly onSyncLiteral: () => void) {}

  /** Adds bytes, returns the commands completed by them. */
  push(chunk: Buffer): Buffer[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      const eol = this.buf.indexOf('\r\n', this.scanFrom);
      if (eol < 0) {
        if (this.buf.length > MAX_LINE) throw new Error('line too long');
        return out;
      }
      const tail = this.buf.subarray(Math.max(this.scanFrom, eol - 16), eol).toString('latin1');
      const lit = LITERAL_AT_END.exec(tail);
      if (lit) {
        const start = eol + 2;
        if (lit[2] !== '+' && this.ackedAt !== start) {
          this.ackedAt = start;
          this.onSyncLiteral();
        }
        const size = Number(lit[1]);
        if (size > MAX_LINE) throw new Error('literal too large');
        if (this.buf.length < start + size) return out;
        this.scanFrom = start + size;
        continue;
      }
      out.push(this.buf.subarray(0, eol));
      this.buf = this.buf.subarray(eol + 2);
      this.scanFrom = 0;
      this.ackedAt = -1;
    }
  }

  /** Drops buffered bytes (used at STARTTLS, so injected plaintext is never executed). */
  discard(): void {
    this.buf = Buffer.alloc(0);
    this.scanFrom = 0;
  }

  /** Whatever is buffered but not yet a complete command. */
  pending(): Buffer {
    return this.buf;
  }
}

class Cursor {
  pos = 0;
  constructor(
    readonly b: Buffer,
    readonly strict: boolean,
  ) {}
  peek(): number | undefined {
    return this.b[this.pos];
  }
  fail(msg: string): never {
    throw new ImapSyntaxError(msg);
  }
}

/** Thrown for a command that cannot be parsed; the server answers it with BAD. */
export class ImapSyntaxError extends Error {
  /** Tag of the offending command, `*` when none could be read. */
  tag = '*';
}

const SP = 0x20;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

function readQuoted(c: Cursor): ImapToken {
  c.pos++;
  const bytes: number[] = [];
  for (;;) {
    const ch = c.peek();
    if (ch === undefined) c.fail('Unterminated quoted string');
    c.pos++;
    if (ch === DQUOTE) return { type: 'quoted', value: Buffer.from(bytes).toString('utf8') };
    if (ch === 0x0d || ch === 0x0a) c.fail('CR/LF in quoted string');
    if (ch === BACKSLASH) {
      const next = c.peek();
      if (next === DQUOTE || next === BACKSLASH) {
        bytes.push(next);
        c.pos++;
        continue;
      }
      if (c.strict) c.fail('Invalid escape in quoted string');
    }
    bytes.push(ch);
  }
}

function readLiteral(c: Cursor): ImapToken {
  if (c.peek() === 0x7e) c.pos++; // literal8 ~{n}
  const close = c.b.indexOf('}\r\n', c.pos);
  const m = close < 0 ? null : /^\{(\d+)\+?$/.exec(c.b.subarray(c.pos, close).toString('latin1'));
  if (!m) c.fail('Invalid literal');
  const start = close + 3;
  const end = start + Number(m[1]);
  if (end > c.b.length) c.fail('Literal shorter than announced');
  c.pos = end;
  return { type: 'literal', value: c.b.subarray(start, end).toString('utf8') };
}

function readAtom(c: Cursor): ImapToken {
  const start = c.pos;
  for (;;) {
    const ch = c.peek();
    if (ch === undefined || ch === SP || ch === 0x28 || ch === 0x29) break;
    if (c.strict && ch === DQUOTE) c.fail('Quote inside atom');
    c.pos++;
  }
  if (c.pos === start) c.fail('Empty argument');
  return { type: 'atom', value: c.b.subarray(start, c.pos).toString('utf8') };
}

function readTokens(c: Cursor, inList: boolean): ImapToken[] {
  const out: ImapToken[] = [];
  for (;;) {
    const ch = c.peek();
    if (ch === undefined) {
      if (inList) c.fail('Unterminated list');
      return out;
    }
    if (ch === 0x29) {
      if (!inList) c.fail('Unexpected )');
      c.pos++;
      return out;
    }
    if (ch === SP) {
      c.pos++;
      if (c.strict && (out.length === 0 || c.peek() === SP || c.peek() === undefined)) c.fail('Extra spaces');
      continue;
    }
    if (out.length > 0 && c.b[c.pos - 1] !== SP && c.b[c.pos - 1] !== 0x28) c.fail('Missing space between arguments');
    if (ch === DQUOTE) out.push(readQuoted(c));
    else if (ch === 0x7b || (ch === 0x7e && c.b[c.pos + 1] === 0x7b)) out.push(readLiteral(c));
    else if (ch === 0x28) {
      c.pos++;
      out.push({ type: 'list', items: readTokens(c, true) });
    } else out.push(readAtom(c));
  }
}

/** Parses one framed command. Throws ImapSyntaxError (with `tag` when it was readable). */
export function parseCommand(line: Buffer, strict: boolean): ImapCommand {
  const text = line.toString('latin1');
  const m = /^([^\s(){%*"\\+]+) ([A-Za-z]+)(?= |$)/.exec(text);
  if (!m || !m[1] || !m[2]) {
    const err = new ImapSyntaxError('Error in IMAP command received by server.');
    err.tag = /^(\S+)/.exec(text)?.[1] ?? '*';
    throw err;
  }
  const c = new Cursor(line, strict);
  c.pos = m[0].length;
  if (c.peek() === SP) c.pos++;
  try {
    return { tag: m[1], name: m[2].toUpperCase(), args: readTokens(c, false) };
  } catch (e) {
    if (e instanceof ImapSyntaxError) e.tag = m[1];
    throw e;
  }
}

/** Characters a strict server refuses in an unquoted LOGIN argument. */
const STRICT_ATOM_REJECT = /[%*~(){"\\\x00-\x1f\x7f-\uffff]/;

/** Whether `t` is an astring a strict server accepts (quoted, literal or a clean atom). */
export function isStrictAstring(t: ImapToken, strict: boolean): boolean {
  if (t.type === 'quoted' || t.type === 'literal') return true;
  if (t.type !== 'atom') return false;
  return !strict || !STRICT_ATOM_REJECT.test(t.value);
}

/** The string value of an astring token, or undefined for a list. */
export function tokenValue(t: ImapToken | undefined): string | undefined {
  return t && t.type !== 'list' ? t.value : undefined;
}
