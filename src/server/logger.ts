/**
 * JSON-lines logging. Requests are logged by route template (`/feeds/:file`), never by URL: a
 * feed id is the secret that guards a feed, and a token must never reach a log.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  readonly level: LogLevel;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Long runs of id-like characters (feed ids, tokens, connection passwords) are masked. */
const SECRET_LIKE = /[A-Za-z0-9_-]{20,}/g;
const URL_CREDENTIALS = /(\/\/)[^/@\s]+@/g;

/** For text the server didn't write itself (error messages): masks anything shaped like a secret. */
export function redact(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@').replace(SECRET_LIKE, '***');
}

export function createJsonLogger(level: LogLevel, write: (line: string) => void): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (lvl: Exclude<LogLevel, 'silent'>) => {
    if (LOG_LEVELS.indexOf(lvl) < threshold) return () => {};
    return (message: string, fields: LogFields = {}) => {
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...fields })}\n`,
      );
    };
  };
  return { level, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = createJsonLogger('silent', () => {});

export interface ErrorThrottle {
  /** Logs the first error of an interval at once; the rest of the interval as one count. */
  error(message: string, fields?: LogFields): void;
}

/**
 * During an outage every request fails the same way (17,000 lines in 8 s were seen with the
 * database down): the first error of each interval is logged, the others counted, and the count
 * logged with the next error after the interval, or by a timer at its end.
 */
export function createErrorThrottle(
  logger: Logger,
  clock: () => number = Date.now,
  intervalMs = 10_000,
): ErrorThrottle {
  let windowStart = -Infinity;
  let suppressed = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (suppressed === 0) return;
    logger.error('more requests failed', {
      count: suppressed,
      seconds: Math.round(intervalMs / 1000),
    });
    suppressed = 0;
  };
  return {
    error(message, fields) {
      const now = clock();
      if (now - windowStart < intervalMs) {
        suppressed += 1;
        if (!timer) {
          timer = setTimeout(flush, Math.max(0, windowStart + intervalMs - now));
          timer.unref();
        }
        return;
      }
      if (timer) clearTimeout(timer);
      flush();
      windowStart = now;
      logger.error(message, fields);
    },
  };
}
