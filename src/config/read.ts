/**
 * Reads `LATCHKEY_*` variables for one `loadConfig`, collecting every bad value in `problems`
 * (each naming the variable and what is expected) instead of stopping at the first.
 */
export interface EnvReader {
  env: NodeJS.ProcessEnv;
  /** `NODE_ENV=production`: some values become required, some combinations refused. */
  production: boolean;
  problems: string[];
  /**
   * A whole number from `min` to `max`; unset or empty: `fallback`. A bad value is reported
   * (`NAME="raw": expected a whole number from MIN to MAX`) and `fallback` returned.
   */
  int(name: string, fallback: number, min: number, max: number): number;
  /** A comma-separated value: entries trimmed, empty ones dropped; unset: `[]`. */
  list(name: string): string[];
  /** The value, or undefined when unset or empty. */
  text(name: string): string | undefined;
}

export function envReader(env: NodeJS.ProcessEnv, problems: string[]): EnvReader {
  return {
    env,
    production: env.NODE_ENV === 'production',
    problems,
    int(name, fallback, min, max) {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
        return fallback;
      }
      return n;
    },
    list(name) {
      return (env[name] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    },
    text(name) {
      return env[name] || undefined;
    },
  };
}

/**
 * A path variable whose file or directory is loaded once here, so that a bad one stops the start.
 * A failure is reported as `NAME=PATH: REASON`, `missing` standing for ENOENT.
 * @returns the path, or undefined when the variable is unset.
 */
export function checkedPath(read: EnvReader, name: string, missing: string, load: (path: string) => unknown): string | undefined {
  const path = read.text(name);
  if (path) {
    try {
      load(path);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      read.problems.push(`${name}=${path}: ${e.code === 'ENOENT' ? missing : e.message}`);
    }
  }
  return path;
}
