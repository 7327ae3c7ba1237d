import { hkdfSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { AppConfig, LOG_LEVELS, LogLevel, NODE_ENVS, NodeEnv } from './app-config';
import { ConfigError } from './config-error';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const MIN_JWT_SECRET_LENGTH = 32;
export const MIN_ADMIN_PASSWORD_LENGTH = 12;
export const MIN_AUTOMATION_KEY_LENGTH = 32;

/** One random key per process, so every loadConfig call (app, CLI, tests) signs and verifies alike. */
let generatedJwtSecret: string | undefined;

/**
 * Reads and validates the environment. Empty values count as unset (compose files and
 * `.env` copies often carry `FOO=`). Every problem is collected, so a broken deployment
 * learns about all of them at once, still on one line.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const reader = new EnvReader(env);
  const databaseUrl = reader.postgresUrl('DATABASE_URL');
  const migrationUrl = reader.postgresUrl('DATABASE_URL_MIGRATION');
  if (reader.has('DATABASE_URL') && !reader.has('DATABASE_URL_MIGRATION')) {
    reader.fail('DATABASE_URL_MIGRATION is required when DATABASE_URL is set');
  }
  if (reader.has('DATABASE_URL_MIGRATION') && !reader.has('DATABASE_URL')) {
    reader.fail('DATABASE_URL is required when DATABASE_URL_MIGRATION is set');
  }

  const nodeEnv = reader.oneOf<NodeEnv>('NODE_ENV', NODE_ENVS, 'development');
  const jwtSecret = reader.secret('JWT_SECRET', MIN_JWT_SECRET_LENGTH);
  if (jwtSecret === undefined && !reader.has('JWT_SECRET') && nodeEnv === 'production') {
    reader.fail(`JWT_SECRET is required in production (at least ${MIN_JWT_SECRET_LENGTH} characters)`);
  }
  const autoSeedDemo = reader.boolean('AUTO_SEED_DEMO', false);
  if (autoSeedDemo && nodeEnv === 'production') {
    reader.fail('AUTO_SEED_DEMO is refused in production (demo users have documented passwords)');
  }
  const jwtKey = jwtSecret ?? (generatedJwtSecret ??= randomBytes(32).toString('base64url'));
  const automationKey = reader.secret('AUTOMATION_SECRET_KEY', MIN_AUTOMATION_KEY_LENGTH);
  const config: AppConfig = {
    nodeEnv,
    logLevel: reader.oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, 'info'),
    http: {
      host: reader.host('HOST', '0.0.0.0'),
      port: reader.integer('PORT', 3000, 1, 65535),
      bodyLimitBytes: reader.integer('BODY_LIMIT_BYTES', 1_048_576, 1, MAX_SAFE),
      shutdownTimeoutMs: reader.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 1, MAX_SAFE),
      // A process on the same machine could do anything anyway; a private-network neighbour must
      // not be able to choose the address the per-ip login throttle and the audit log see.
      trustedProxies: reader.trustedProxies('TRUSTED_PROXIES', ['loopback']),
    },
    database: {
      url: databaseUrl,
      migrationUrl,
      poolMax: reader.integer('DB_POOL_MAX', 10, 1, 1000),
      autoSeed: reader.boolean('AUTO_SEED', true),
      autoSeedDemo,
      embedded: {
        dir: reader.string('EMBEDDED_PG_DIR', '.data/postgres'),
        port: reader.integer('EMBEDDED_PG_PORT', 54329, 1, 65535),
      },
    },
    auth: {
      jwtSecret: jwtKey,
      jwtSecretGenerated: jwtSecret === undefined,
      accessTokenTtlSeconds: reader.integer('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
      refreshTokenTtlDays: reader.integer('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
      sessionMaxDays: reader.integer('SESSION_MAX_DAYS', 90, 1, 3650),
      adminPassword: reader.secret('ADMIN_PASSWORD', MIN_ADMIN_PASSWORD_LENGTH),
    },
    events: {
      relay: {
        // Tests drain the outbox explicitly (drainOutbox) instead of racing a background loop.
        autoStart: reader.boolean('OUTBOX_RELAY_ENABLED', nodeEnv !== 'test'),
        pollMs: reader.integer('OUTBOX_POLL_MS', 1000, 10, 600_000),
      },
      retention: { days: reader.integer('OUTBOX_RETENTION_DAYS', 30, 1, 3650) },
    },
    // Safe on every instance at once (batched deletes that skip locked rows); off in tests.
    housekeeping: { enabled: reader.boolean('HOUSEKEEPING_ENABLED', nodeEnv !== 'test') },
    // Safe on every instance at once: each run is claimed in scheduled_check_runs; off in tests.
    scheduledChecks: {
      enabled: reader.boolean('SCHEDULED_CHECKS_ENABLED', nodeEnv !== 'test'),
      tickSeconds: reader.integer('SCHEDULED_CHECKS_TICK_SECONDS', 60, 5, 3600),
    },
    automation: {
      // Tests run jobs explicitly (runAutomationJobs) instead of racing a background worker.
      workerEnabled: reader.boolean('AUTOMATION_WORKER_ENABLED', nodeEnv !== 'test'),
      pollMs: reader.integer('AUTOMATION_POLL_MS', 1000, 500, 600_000),
      retryLimit: reader.integer('AUTOMATION_RETRY_LIMIT', 5, 0, 50),
      retryDelaySeconds: reader.integer('AUTOMATION_RETRY_DELAY_SECONDS', 10, 1, 86_400),
      jobTimeoutSeconds: reader.integer('AUTOMATION_JOB_TIMEOUT_SECONDS', 120, 1, 86_400),
      maintenanceSeconds: reader.integer('AUTOMATION_MAINTENANCE_SECONDS', 60, 1, 3600),
      // Unset: derived from JWT_SECRET (required in production, the same on every instance).
      secretKey: automationKey ?? Buffer.from(hkdfSync('sha256', jwtKey, '', 'renewa.automation.v1', 32)).toString('base64url'),
      secretKeyDerived: automationKey === undefined,
      webhookTimeoutMs: reader.integer('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      webhookAllowHttp: reader.boolean('WEBHOOK_ALLOW_HTTP', false),
      webhookAllowPrivateNetworks: reader.boolean('WEBHOOK_ALLOW_PRIVATE_NETWORKS', false),
    },
    mail: { smtpUrl: reader.smtpUrl('SMTP_URL'), from: reader.string('MAIL_FROM', 'Renewa <noreply@renewa.invalid>') },
    forms: { corsOrigins: reader.origins('FORMS_CORS_ORIGINS') },
    storage: {
      driver: reader.oneOf<'local' | 's3'>('STORAGE_DRIVER', ['local', 's3'], 'local'),
      localDir: reader.string('STORAGE_LOCAL_DIR', '.data/files'),
      s3: {
        endpoint: reader.has('S3_ENDPOINT') ? reader.string('S3_ENDPOINT', '') : undefined,
        region: reader.string('S3_REGION', 'auto'),
        bucket: reader.string('S3_BUCKET', 'renewa-files'),
        accessKeyId: reader.has('S3_ACCESS_KEY_ID') ? reader.string('S3_ACCESS_KEY_ID', '') : undefined,
        secretAccessKey: reader.has('S3_SECRET_ACCESS_KEY') ? reader.string('S3_SECRET_ACCESS_KEY', '') : undefined,
        forcePathStyle: reader.boolean('S3_FORCE_PATH_STYLE', false),
      },
      maxUploadBytes: reader.integer('UPLOAD_MAX_BYTES', 50 * 1024 * 1024, 1, MAX_SAFE),
    },
  };
  reader.throwIfInvalid();
  return config;
}

class EnvReader {
  private readonly issues: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  fail(issue: string): void {
    this.issues.push(issue);
  }

  throwIfInvalid(): void {
    if (this.issues.length > 0) throw new ConfigError(this.issues);
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  host(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (/[\s/]/.test(value)) {
      this.fail(`${name} must be a host name or IP address without spaces or slashes (got ${show(value)})`);
      return fallback;
    }
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      const range = max === MAX_SAFE ? `an integer of at least ${min}` : `an integer between ${min} and ${max}`;
      this.fail(`${name} must be ${range} (got ${show(value)})`);
      return fallback;
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === 'false') return value === 'true';
    this.fail(`${name} must be true or false (got ${show(this.raw(name) ?? '')})`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.fail(`${name} must be one of ${allowed.join('|')} (got ${show(value)})`);
    return fallback;
  }

  /** A secret of at least `minLength` characters; never echoed. */
  secret(name: string, minLength: number): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value.length < minLength) {
      this.fail(`${name} must be at least ${minLength} characters long (got ${value.length})`);
      return undefined;
    }
    return value;
  }

  /** Comma-separated addresses, CIDR ranges or proxy-addr names; `none` alone trusts no proxy. */
  trustedProxies(name: string, fallback: string[]): string[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    if (entries.length === 1 && entries[0] === 'none') return [];
    const invalid = entries.filter((entry) => !isProxyEntry(entry));
    if (entries.length === 0 || invalid.length > 0) {
      this.fail(
        `${name} must be "none" or a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) and ` +
          `${PROXY_NAMES.join(', ')} (got ${show(invalid[0] ?? value)})`,
      );
      return fallback;
    }
    return entries;
  }

  /** smtp:// or smtps:// with a host; never echoed (it may carry a password). */
  smtpUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
      this.fail(`${name} must be an smtp:// or smtps:// URL with a host name`);
      return undefined;
    }
    return value;
  }

  /** Comma-separated web origins (`https://www.example.de`), each scheme://host[:port] without a path. */
  origins(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
    const invalid = entries.find((entry) => !isOrigin(entry));
    if (invalid !== undefined) {
      this.fail(`${name} must be a comma-separated list of origins such as https://www.example.de (got ${show(invalid)})`);
      return [];
    }
    return entries;
  }

  /** Never echoes the value: a connection URL usually carries a password. */
  postgresUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.fail(`${name} must be a postgres:// URL (got a value that is not a URL)`);
      return undefined;
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      this.fail(`${name} must be a postgres:// URL (got scheme ${show(url.protocol.replace(/:$/, ''))})`);
      return undefined;
    }
    if (url.hostname === '') {
      this.fail(`${name} must be a postgres:// URL with a host name`);
      return undefined;
    }
    return value;
  }

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }
}

/** Address groups Fastify's trustProxy (proxy-addr) knows by name. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry;
  } catch {
    return false;
  }
}

/** Quotes a value for an error message, escaped and shortened so the message stays one line. */
function show(value: string): string {
  const shortened = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shortened);
}
