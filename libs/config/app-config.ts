export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated runtime configuration; built once by `loadConfig` from the environment. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  logLevel: LogLevel;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    shutdownTimeoutMs: number;
    /**
     * Peers whose X-Forwarded-For is believed (TRUSTED_PROXIES): addresses, CIDR ranges or the
     * names loopback, linklocal, uniquelocal; [] = none. Default: loopback only.
     */
    trustedProxies: string[];
  };
  database: {
    /** Runtime connection (app-user, through PgBouncer when deployed); undefined → embedded PostgreSQL. */
    url: string | undefined;
    /** Direct connection as migration-user; set exactly when `url` is. */
    migrationUrl: string | undefined;
    poolMax: number;
    autoSeed: boolean;
    /** Also seed the demo consultancy (AUTO_SEED_DEMO; refused in production: its users have documented passwords). */
    autoSeedDemo: boolean;
    embedded: {
      dir: string;
      port: number;
    };
  };
  auth: {
    /** HS256 key of the access tokens (JWT_SECRET, at least 32 characters). */
    jwtSecret: string;
    /** True when JWT_SECRET was unset outside production and a random per-process key is used. */
    jwtSecretGenerated: boolean;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** Absolute lifetime of a sign-in in days, however often it is refreshed (SESSION_MAX_DAYS). */
    sessionMaxDays: number;
    /** Initial password of the seeded admin; unset → generated (refused in production). */
    adminPassword: string | undefined;
  };
  events: {
    relay: {
      /** Run the outbox relay loop in this instance (OUTBOX_RELAY_ENABLED; default off only when NODE_ENV=test). */
      autoStart: boolean;
      /** Idle poll interval of the relay in ms (OUTBOX_POLL_MS); commits in the same instance wake it at once. */
      pollMs: number;
    };
    retention: {
      /** Delivered outbox events are deleted after this many days (OUTBOX_RETENTION_DAYS); the audit log keeps the history. */
      days: number;
    };
  };
  housekeeping: {
    /** Run the hourly clean-up (old outbox events, expired idempotency keys) in this instance (HOUSEKEEPING_ENABLED). */
    enabled: boolean;
  };
  scheduledChecks: {
    /** Run the contexts' scheduled checks (deadlines, reminders) from this instance (SCHEDULED_CHECKS_ENABLED; default off only when NODE_ENV=test). */
    enabled: boolean;
    /** How often the runner looks for due checks, in seconds (SCHEDULED_CHECKS_TICK_SECONDS). */
    tickSeconds: number;
  };
  automation: {
    /** Run the workflow job worker (pg-boss) in this instance (AUTOMATION_WORKER_ENABLED; default off only when NODE_ENV=test). */
    workerEnabled: boolean;
    /** How often an idle worker asks for due jobs, in ms (AUTOMATION_POLL_MS). */
    pollMs: number;
    /** Retries of a failing action before it is dead-lettered (AUTOMATION_RETRY_LIMIT). */
    retryLimit: number;
    /** Delay before the first retry in seconds; doubles with every further one (AUTOMATION_RETRY_DELAY_SECONDS). */
    retryDelaySeconds: number;
    /** An action still running after this many seconds counts as crashed and is retried (AUTOMATION_JOB_TIMEOUT_SECONDS). */
    jobTimeoutSeconds: number;
    /** How often expired (crashed) jobs are looked for, in seconds (AUTOMATION_MAINTENANCE_SECONDS). */
    maintenanceSeconds: number;
    /**
     * Key of the stored webhook secrets and the form tokens (AUTOMATION_SECRET_KEY, at least 32
     * characters); unset: derived from JWT_SECRET, so rotating that one also invalidates these.
     */
    secretKey: string;
    /** True when the key is derived from JWT_SECRET. */
    secretKeyDerived: boolean;
    /** Timeout of one webhook call in ms (WEBHOOK_TIMEOUT_MS). */
    webhookTimeoutMs: number;
    /** Allow http:// webhook URLs (WEBHOOK_ALLOW_HTTP; for local development and tests only). */
    webhookAllowHttp: boolean;
    /** Allow webhooks to loopback, private and link-local addresses (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
    webhookAllowPrivateNetworks: boolean;
  };
  mail: {
    /** smtp:// or smtps:// URL of the mail server (SMTP_URL); undefined → mails go to the local outbox table. */
    smtpUrl: string | undefined;
    /** Sender of every automated mail (MAIL_FROM). */
    from: string;
  };
  forms: {
    /** Web origins allowed to submit public forms from a browser (FORMS_CORS_ORIGINS). */
    corsOrigins: string[];
  };
  storage: {
    /** Where uploaded and rendered files live (STORAGE_DRIVER): the local disk or S3-compatible object storage. */
    driver: 'local' | 's3';
    /** Root of the local driver (STORAGE_LOCAL_DIR). */
    localDir: string;
    /** S3_ENDPOINT (empty: AWS), S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE. */
    s3: {
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
    };
    /** Largest accepted upload per file in bytes (UPLOAD_MAX_BYTES, default 50 MB). */
    maxUploadBytes: number;
  };
}
