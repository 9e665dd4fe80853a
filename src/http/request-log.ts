import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';

/**
 * Request logging: one line per answered request (`request`: reqId, method, path without its
 * query, peer, status, responseTime in ms), written by the process logger itself, in place of
 * Fastify's two lines (incoming, completed) from a pino child logger built for every request —
 * a child with its redaction set-up cost measurable CPU on the token path (issue 16's profile).
 * `request.log` stays usable: it becomes a pino child bound to the request id only when a handler
 * first logs through it (rare: a 5xx), so the lines it writes still carry `reqId`.
 */
export function installRequestLog(app: FastifyInstance, log: Logger): void {
  app.addHook('onResponse', (request, reply, done) => {
    if (log.isLevelEnabled('info')) {
      log.info(
        { reqId: request.id, req: request, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime * 10) / 10 },
        'request',
      );
    }
    done();
  });
}

/** Fastify `childLoggerFactory`: a per-request logger that costs one small object until used. */
export function lazyChildLogger(this: unknown, logger: FastifyBaseLogger, bindings: Bindings, opts: ChildLoggerOptions): FastifyBaseLogger {
  return new LazyChild(logger as unknown as Logger, bindings, opts) as unknown as FastifyBaseLogger;
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

class LazyChild {
  #child: Logger | undefined;
  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly opts: ChildLoggerOptions,
  ) {}
  #real(): Logger {
    return (this.#child ??= this.parent.child(this.bindings, this.opts));
  }
  get level(): string {
    return this.#child?.level ?? this.opts.level ?? this.parent.level;
  }
  set level(l: string) {
    this.#real().level = l;
  }
  child(bindings: Bindings, opts?: ChildLoggerOptions): Logger {
    return this.#real().child(bindings, opts);
  }
  isLevelEnabled(level: string): boolean {
    return this.#child ? this.#child.isLevelEnabled(level) : this.parent.isLevelEnabled(level);
  }
  silent(): void {}
  fatal(...a: unknown[]): void {
    this.#write('fatal', a);
  }
  error(...a: unknown[]): void {
    this.#write('error', a);
  }
  warn(...a: unknown[]): void {
    this.#write('warn', a);
  }
  info(...a: unknown[]): void {
    this.#write('info', a);
  }
  debug(...a: unknown[]): void {
    this.#write('debug', a);
  }
  trace(...a: unknown[]): void {
    this.#write('trace', a);
  }
  #write(level: Level, args: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    (this.#real()[level] as (...x: unknown[]) => void)(...args);
  }
}
