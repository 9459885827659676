import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { isProvinceCode } from '@ruamjai/kernel';
import { ConfigError } from './config-error';
import { loadAuthMode, type AuthMode, type OidcConfig } from './oidc-config';

/** Everything the processes read from their environment, typed and checked once at start-up. */
export interface AppConfig {
  readonly port: number;
  /**
   * The province this deployment serves (DEPLOYMENT_PROVINCE, ISO 3166-2, default TH-27 Sa Kaeo):
   * the province of every token and account that names none, and of what was recorded before
   * provinces were (events are never rewritten; they are read as this province's).
   */
  readonly deploymentProvince: string;
  readonly host: string;
  readonly dataDir: string;
  /**
   * SQLite's page cache for the embedded read models, per connection, in MiB (READ_MODEL_CACHE_MB;
   * the API opens two: its queries and its projection thread). Bounded, so memory stays flat as the
   * log grows; a rebuild from the CLI may take more for speed.
   */
  readonly readModelCacheMb: number;
  /**
   * The projection thread's JavaScript heap in MiB (PROJECTION_THREAD_HEAP_MB): without a bound V8
   * lets a busy thread's heap grow to hundreds of MiB of garbage before it collects.
   */
  readonly projectionThreadHeapMb: number;
  /** Where the log lives: EVENT_STORE, or KurrentDB when its connection string is given, else SQLite. */
  readonly eventStore: EventStoreChoice;
  /** KurrentDB's connection string (EVENTSTORE_CONNECTION_STRING), when the log is there. */
  readonly eventStoreConnectionString: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly jwt: {
    readonly jwksUrl: string | undefined;
    readonly publicKeyPem: string | undefined;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly bodyLimitBytes: number;
  /** Per signed-in user (or per client address without a token); health and metrics are never limited. */
  readonly rateLimit: { readonly windowMs: number; readonly max: number };
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed; none by default. */
  readonly trustedProxies: readonly string[];
  /** Socket limits, so slow or idle connections cannot pile up. */
  readonly http: {
    readonly headersTimeoutMs: number;
    readonly requestTimeoutMs: number;
    readonly idleTimeoutMs: number;
  };
  /** Serve the OpenAPI document and Swagger UI (/api/docs); off by default when NODE_ENV=production. */
  readonly apiDocs: boolean;
  readonly readYourWritesTimeoutMs: number;
  readonly projectionsInProcess: boolean;
  /**
   * With PostgreSQL read models, how often a process standing by for a lease (projections, relay,
   * notifier, scheduler) tries to take it, and a holder proves its lease connection alive (LEASE_POLL_MS).
   */
  readonly leasePollMs: number;
  readonly shutdownTimeoutMs: number;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client, e.g. Caddy in compose. */
  /** Where the worker serves /metrics (it has no other HTTP). */
  readonly workerMetricsPort: number;
  readonly kafka: {
    /** Brokers to relay integration events to; no relay without them. */
    readonly brokers: readonly string[];
    readonly clientId: string;
  };
  /** The built console (apps/console), served at `/` when the folder exists. */
  readonly consoleDir: string;
  /** Sign-in: which ways are open (AUTH_MODE), sessions, lockout, second factor. */
  readonly auth: {
    /** embedded (the directory's passwords), oidc (an OpenID provider only) or both. */
    readonly mode: AuthMode;
    /** Lifetime of an access token issued at sign-in; the refresh cookie renews it. */
    readonly accessTokenTtlSeconds: number;
    /** A session ends this long after sign-in, however often it is refreshed. */
    readonly sessionMaxSeconds: number;
    readonly lockoutMaxFailures: number;
    readonly lockoutBaseSeconds: number;
    readonly lockoutMaxSeconds: number;
    /** The name authenticator apps show beside the six-digit code. */
    readonly totpIssuer: string;
  };
  /** Sign-in through an OpenID Connect provider; absent when AUTH_MODE=embedded. */
  readonly oidc: OidcConfig | undefined;
  /** Notices to people: the bell in the console always; e-mail when SMTP_URL is set; webhooks as subscribed. */
  readonly notifications: {
    /** Run the notifier wherever projections run (the API in-process, or the worker). */
    readonly enabled: boolean;
    /** The console's address as people reach it, for the links in e-mails and webhooks. */
    readonly publicUrl: string;
    readonly smtp:
      | {
          readonly host: string;
          readonly port: number;
          readonly secure: boolean;
          readonly user?: string;
          readonly password?: string;
        }
      | undefined;
    readonly mailFrom: string;
    /** Hour of the day (Bangkok time) the daily digests go out. */
    readonly digestHour: number;
    readonly pollMs: number;
    /** Attempts before a delivery goes to the dead-letter list. */
    readonly maxAttempts: number;
  };
  /** Case work: referral deadlines, the overdue scheduler, dashboard suppression, audit grants. */
  readonly cases: {
    readonly referralDueHoursUrgent: number;
    readonly referralDueHoursNormal: number;
    readonly schedulerIntervalMs: number;
    /** Dashboard counts below this are suppressed (k-anonymity floor). */
    readonly dashboardMinCount: number;
    readonly auditGrantHours: number;
    /** Days a multidisciplinary team has to identify a screened person (NRM: about 15). */
    readonly identificationDueDays: number;
  };
}

export { ConfigError };

/** The event store adapter, with where it connects. */
export type EventStoreChoice =
  | { readonly kind: 'sqlite' }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'kurrentdb'; readonly connectionString: string };

const EVENT_STORES = ['sqlite', 'postgres', 'kurrentdb'] as const;

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function optionalUrl(env: Env, name: string, schemes: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!schemes.includes(url.protocol.replace(/:$/, '')))
    throw new ConfigError(name, `must use ${schemes.join(' or ')}, got ${url.protocol}`);
  return raw;
}

function brokers(env: Env, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  const list = raw
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of list)
    if (!/^[\w.-]+:\d{1,5}$/.test(broker))
      throw new ConfigError(name, `must be host:port[,host:port…], got "${broker}"`);
  return list;
}

function proxies(env: Env, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  const list = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const proxy of list) {
    const [address, bits, ...rest] = proxy.split('/');
    const valid =
      rest.length === 0 &&
      isIP(address) !== 0 &&
      (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128)));
    if (!valid) throw new ConfigError(name, `must be IP addresses or CIDR ranges separated by commas, got "${proxy}"`);
  }
  return list;
}

function smtp(env: Env, name: string): AppConfig['notifications']['smtp'] {
  const raw = optionalUrl(env, name, ['smtp', 'smtps']);
  if (!raw) return undefined;
  const url = new URL(raw);
  if (!url.hostname) throw new ConfigError(name, 'must name a host, e.g. smtp://mail.sakaeo.go.th:587');
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : {}),
  };
}

/**
 * EVENT_STORE chooses the log: sqlite (the embedded default), postgres (EVENT_STORE_POSTGRES_URL, or
 * the read models' DATABASE_URL: its own `event_store` schema keeps the tables apart) or kurrentdb
 * (EVENTSTORE_CONNECTION_STRING). Without it, a KurrentDB connection string still means KurrentDB.
 * A setting that the choice would ignore is refused rather than silently left unused.
 */
function eventStore(env: Env, kurrentdb: string | undefined, databaseUrl: string | undefined): EventStoreChoice {
  const raw = env.EVENT_STORE?.trim() || undefined;
  if (raw !== undefined && !(EVENT_STORES as readonly string[]).includes(raw))
    throw new ConfigError('EVENT_STORE', `must be one of ${EVENT_STORES.join(', ')}, got "${raw}"`);
  const kind = (raw ?? (kurrentdb ? 'kurrentdb' : 'sqlite')) as EventStoreChoice['kind'];
  const postgresUrl = optionalUrl(env, 'EVENT_STORE_POSTGRES_URL', ['postgres', 'postgresql']);
  if (postgresUrl && kind !== 'postgres')
    throw new ConfigError(
      'EVENT_STORE_POSTGRES_URL',
      `is set, but EVENT_STORE is ${kind}: set EVENT_STORE=postgres to use it`,
    );
  if (kurrentdb && kind !== 'kurrentdb')
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      `is set, but EVENT_STORE is ${kind}: set EVENT_STORE=kurrentdb to use it`,
    );
  switch (kind) {
    case 'sqlite':
      return { kind };
    case 'postgres': {
      const url = postgresUrl ?? databaseUrl;
      if (!url)
        throw new ConfigError(
          'EVENT_STORE',
          'is postgres: set EVENT_STORE_POSTGRES_URL (or DATABASE_URL) to postgres://…',
        );
      return { kind, url };
    }
    case 'kurrentdb':
      if (!kurrentdb)
        throw new ConfigError('EVENT_STORE', 'is kurrentdb: set EVENTSTORE_CONNECTION_STRING to kurrentdb://…');
      return { kind, connectionString: kurrentdb };
    default: {
      const _: never = kind;
      throw new ConfigError('EVENT_STORE', `unknown store ${String(_)}`);
    }
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const publicKeyPem = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n') || undefined;
  if (publicKeyPem && !publicKeyPem.includes('BEGIN PUBLIC KEY'))
    throw new ConfigError('JWT_PUBLIC_KEY', 'must be a PEM (SPKI) public key');
  const jwksUrl = optionalUrl(env, 'JWT_JWKS_URL', ['https']);
  const publicUrl = (
    optionalUrl(env, 'PUBLIC_URL', ['http', 'https']) ?? `http://localhost:${integer(env, 'PORT', 3000, 0, 65535)}`
  ).replace(/\/$/, '');
  const { mode, oidc } = loadAuthMode(env, publicUrl, Boolean(jwksUrl || publicKeyPem));
  const eventStoreConnectionString = optionalUrl(env, 'EVENTSTORE_CONNECTION_STRING', [
    'kurrentdb',
    'kurrentdb+discover',
    'esdb',
    'esdb+discover',
  ]);
  const databaseUrl = optionalUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']);
  const deploymentProvince = env.DEPLOYMENT_PROVINCE?.trim() || 'TH-27';
  if (!isProvinceCode(deploymentProvince))
    throw new ConfigError(
      'DEPLOYMENT_PROVINCE',
      `must be an ISO 3166-2 province code such as TH-27, got "${env.DEPLOYMENT_PROVINCE}"`,
    );
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    deploymentProvince,
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    readModelCacheMb: integer(env, 'READ_MODEL_CACHE_MB', 16, 1, 4096),
    projectionThreadHeapMb: integer(env, 'PROJECTION_THREAD_HEAP_MB', 64, 16, 16_384),
    eventStore: eventStore(env, eventStoreConnectionString, databaseUrl),
    eventStoreConnectionString,
    databaseUrl,
    jwt: {
      jwksUrl,
      publicKeyPem,
      issuer: env.JWT_ISSUER || 'ruamjai',
      audience: env.JWT_AUDIENCE || 'ruamjai-api',
    },
    logLevel,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 100 * 1024, 1024, 50 * 1024 * 1024),
    rateLimit: {
      windowMs: integer(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 3_600_000),
      max: integer(env, 'RATE_LIMIT_MAX', 600, 1, 10_000_000),
    },
    trustedProxies: proxies(env, 'TRUSTED_PROXIES'),
    http: {
      headersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 1000, 120_000),
      requestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
      idleTimeoutMs: integer(env, 'HTTP_IDLE_TIMEOUT_MS', 15_000, 1000, 600_000),
    },
    apiDocs: boolean(env, 'API_DOCS', env.NODE_ENV !== 'production'),
    readYourWritesTimeoutMs: integer(env, 'READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 60_000),
    projectionsInProcess: boolean(env, 'PROJECTIONS_IN_PROCESS', true),
    leasePollMs: integer(env, 'LEASE_POLL_MS', 1000, 100, 60_000),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 120_000),
    workerMetricsPort: integer(env, 'WORKER_METRICS_PORT', 9464, 0, 65535),
    kafka: { brokers: brokers(env, 'KAFKA_BROKERS'), clientId: env.KAFKA_CLIENT_ID || 'ruamjai' },
    consoleDir: resolve(env.CONSOLE_DIR || './dist/console'),
    auth: {
      mode,
      accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 300, 10, 3600),
      sessionMaxSeconds: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30) * 3600,
      lockoutMaxFailures: integer(env, 'SIGN_IN_MAX_FAILURES', 5, 1, 100),
      lockoutBaseSeconds: integer(env, 'SIGN_IN_LOCKOUT_SECONDS', 60, 1, 86_400),
      lockoutMaxSeconds: integer(env, 'SIGN_IN_LOCKOUT_MAX_SECONDS', 3600, 1, 7 * 86_400),
      totpIssuer: env.TOTP_ISSUER || 'Ruamjai',
    },
    oidc,
    notifications: {
      enabled: boolean(env, 'NOTIFICATIONS', true),
      publicUrl,
      smtp: smtp(env, 'SMTP_URL'),
      mailFrom: env.MAIL_FROM || 'Ruamjai <no-reply@ruamjai.localhost>',
      digestHour: integer(env, 'NOTIFY_DIGEST_HOUR', 7, 0, 23),
      pollMs: integer(env, 'NOTIFY_POLL_MS', 1000, 10, 600_000),
      maxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 8, 1, 100),
    },
    cases: {
      referralDueHoursUrgent: integer(env, 'REFERRAL_DUE_HOURS_URGENT', 24, 1, 24 * 30),
      referralDueHoursNormal: integer(env, 'REFERRAL_DUE_HOURS_NORMAL', 72, 1, 24 * 90),
      schedulerIntervalMs: integer(env, 'REFERRAL_SCHEDULER_INTERVAL_MS', 1000, 50, 3_600_000),
      dashboardMinCount: integer(env, 'DASHBOARD_MIN_COUNT', 5, 1, 1000),
      auditGrantHours: integer(env, 'AUDIT_ACCESS_GRANT_HOURS', 8, 1, 24 * 7),
      identificationDueDays: integer(env, 'IDENTIFICATION_DUE_DAYS', 15, 1, 365),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** For entry points: the configuration, or a one-line message naming the bad variable and exit 1. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
