/**
 * The server's environment, parsed once with zod. Returns a result rather than exiting: only
 * `main.ts` ends the process.
 */
import { z } from 'zod';
import { LOG_LEVELS } from './logger';
import type { LogLevel } from './logger';
import type { RateLimit } from './rate-limit';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.ironstride/data';

export interface ServerEnv {
  port: number;
  host: string;
  /** Embedded database files (ignored when `databaseUrl` is set). */
  dataDir: string;
  /** PostgreSQL, when set; otherwise the embedded database. */
  databaseUrl: string | undefined;
  /** Base of the links handed out (`https://feeds.example.com`); default `http://<host>:<port>`. */
  publicUrl: string | undefined;
  /** Extension ids allowed by CORS (the host of `chrome-extension://<id>`); empty: any extension. */
  extensionIds: string[];
  /** Proxies in front whose `X-Forwarded-For` entries are trusted, for rate limits only. */
  trustProxyHops: number;
  refreshMinutes: number;
  cacheBytes: number;
  limits: { create: RateLimit; write: RateLimit; authFailures: RateLimit };
  logLevel: LogLevel;
  shutdownTimeoutMs: number;
  /** A request's headers must be in within this long of its first byte. */
  headersTimeoutMs: number;
  /** Its body within this long of its headers. */
  bodyTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** Open connections per client address (the proxy's, behind a proxy); 0: no cap. */
  maxConnectionsPerClient: number;
}

const int = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const envSchema = z.object({
  PORT: int(0, 65_535, DEFAULT_PORT),
  HOST: optionalText.transform((v) => v ?? DEFAULT_HOST),
  IRONSTRIDE_DATA_DIR: optionalText.transform((v) => v ?? DEFAULT_DATA_DIR),
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'expected a postgres:// or postgresql:// URL',
  ),
  IRONSTRIDE_PUBLIC_URL: optionalText.refine((v) => {
    if (v === undefined) return true;
    if (!URL.canParse(v)) return false;
    const url = new URL(v);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      !url.search &&
      !url.hash &&
      !url.username
    );
  }, 'expected an http(s) URL without query, fragment or credentials, e.g. https://feeds.example.com'),
  IRONSTRIDE_EXTENSION_IDS: optionalText
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .refine(
      (ids) => ids.every((id) => /^[A-Za-z0-9@._{}-]{1,100}$/.test(id)),
      'expected extension ids separated by commas',
    ),
  IRONSTRIDE_TRUST_PROXY: int(0, 10, 0),
  IRONSTRIDE_REFRESH_MINUTES: int(5, 7 * 24 * 60, 60),
  IRONSTRIDE_CACHE_MB: int(1, 16_384, 64),
  IRONSTRIDE_CREATE_BURST: int(1, 100_000, 10),
  IRONSTRIDE_CREATE_PER_MINUTE: int(0, 100_000, 1),
  IRONSTRIDE_WRITE_BURST: int(1, 100_000, 20),
  IRONSTRIDE_WRITE_PER_MINUTE: int(0, 100_000, 10),
  IRONSTRIDE_AUTH_FAILURE_BURST: int(1, 100_000, 10),
  IRONSTRIDE_AUTH_FAILURE_PER_MINUTE: int(0, 100_000, 10),
  IRONSTRIDE_HEADERS_TIMEOUT_SECONDS: int(1, 600, 10),
  IRONSTRIDE_BODY_TIMEOUT_SECONDS: int(1, 3600, 30),
  IRONSTRIDE_KEEPALIVE_TIMEOUT_SECONDS: int(1, 600, 5),
  IRONSTRIDE_MAX_CONNECTIONS_PER_CLIENT: int(0, 1_000_000, 64),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` })
    .optional()
    .transform((v) => v ?? 'info'),
  IRONSTRIDE_SHUTDOWN_SECONDS: int(0, 600, 10),
});

export type ParseEnvResult = { ok: true; env: ServerEnv } | { ok: false; message: string };

/** Reads the server's settings from `source` (normally `process.env`). */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): ParseEnvResult {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, message: `invalid environment: ${message}` };
  }
  const e = parsed.data;
  return {
    ok: true,
    env: {
      port: e.PORT,
      host: e.HOST,
      dataDir: e.IRONSTRIDE_DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      publicUrl: e.IRONSTRIDE_PUBLIC_URL?.replace(/\/+$/, ''),
      extensionIds: e.IRONSTRIDE_EXTENSION_IDS,
      trustProxyHops: e.IRONSTRIDE_TRUST_PROXY,
      refreshMinutes: e.IRONSTRIDE_REFRESH_MINUTES,
      cacheBytes: e.IRONSTRIDE_CACHE_MB * 1024 * 1024,
      limits: {
        create: { burst: e.IRONSTRIDE_CREATE_BURST, perMinute: e.IRONSTRIDE_CREATE_PER_MINUTE },
        write: { burst: e.IRONSTRIDE_WRITE_BURST, perMinute: e.IRONSTRIDE_WRITE_PER_MINUTE },
        authFailures: {
          burst: e.IRONSTRIDE_AUTH_FAILURE_BURST,
          perMinute: e.IRONSTRIDE_AUTH_FAILURE_PER_MINUTE,
        },
      },
      logLevel: e.LOG_LEVEL,
      shutdownTimeoutMs: e.IRONSTRIDE_SHUTDOWN_SECONDS * 1000,
      headersTimeoutMs: e.IRONSTRIDE_HEADERS_TIMEOUT_SECONDS * 1000,
      bodyTimeoutMs: e.IRONSTRIDE_BODY_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: e.IRONSTRIDE_KEEPALIVE_TIMEOUT_SECONDS * 1000,
      maxConnectionsPerClient: e.IRONSTRIDE_MAX_CONNECTIONS_PER_CLIENT,
    },
  };
}
