import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const DB = {
  DATABASE_URL: 'postgres://app-user:secret@bouncer:6432/renewa',
  DATABASE_URL_MIGRATION: 'postgresql://migration-user:secret@db:5432/renewa',
};

const JWT_SECRET = 'k'.repeat(32);

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies every default to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development',
      logLevel: 'info',
      http: { host: '0.0.0.0', port: 3000, bodyLimitBytes: 1_048_576, shutdownTimeoutMs: 10_000, trustedProxies: ['loopback'] },
      database: {
        url: undefined,
        migrationUrl: undefined,
        poolMax: 10,
        autoSeed: true,
        autoSeedDemo: false,
        embedded: { dir: '.data/postgres', port: 54329 },
      },
      auth: {
        jwtSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        jwtSecretGenerated: true,
        accessTokenTtlSeconds: 900,
        refreshTokenTtlDays: 30,
        sessionMaxDays: 90,
        adminPassword: undefined,
      },
      events: { relay: { autoStart: true, pollMs: 1000 }, retention: { days: 30 } },
      housekeeping: { enabled: true },
      scheduledChecks: { enabled: true, tickSeconds: 60 },
      automation: {
        workerEnabled: true,
        pollMs: 1000,
        retryLimit: 5,
        retryDelaySeconds: 10,
        jobTimeoutSeconds: 120,
        maintenanceSeconds: 60,
        secretKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        secretKeyDerived: true,
        webhookTimeoutMs: 10_000,
        webhookAllowHttp: false,
        webhookAllowPrivateNetworks: false,
      },
      mail: { smtpUrl: undefined, from: 'Renewa <noreply@renewa.invalid>' },
      forms: { corsOrigins: [] },
      storage: {
        driver: 'local',
        localDir: '.data/files',
        maxUploadBytes: 52_428_800,
        s3: { endpoint: undefined, region: 'auto', bucket: 'renewa-files', accessKeyId: undefined, secretAccessKey: undefined, forcePathStyle: false },
      },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...DB,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '8080',
      AUTO_SEED: 'FALSE',
      LOG_LEVEL: 'warn',
      BODY_LIMIT_BYTES: '2048',
      SHUTDOWN_TIMEOUT_MS: '500',
      TRUSTED_PROXIES: ' 10.0.0.0/8, 2001:db8::1 ,loopback',
      DB_POOL_MAX: '4',
      EMBEDDED_PG_DIR: '/tmp/pg',
      EMBEDDED_PG_PORT: '6000',
      JWT_SECRET: JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: '60',
      REFRESH_TOKEN_TTL_DAYS: '7',
      SESSION_MAX_DAYS: '14',
      ADMIN_PASSWORD: 'correct horse battery',
      OUTBOX_RELAY_ENABLED: 'false',
      OUTBOX_POLL_MS: '250',
      OUTBOX_RETENTION_DAYS: '90',
      HOUSEKEEPING_ENABLED: 'false',
      SCHEDULED_CHECKS_ENABLED: 'false',
      SCHEDULED_CHECKS_TICK_SECONDS: '30',
      AUTOMATION_WORKER_ENABLED: 'false',
      AUTOMATION_POLL_MS: '750',
      AUTOMATION_RETRY_LIMIT: '3',
      AUTOMATION_RETRY_DELAY_SECONDS: '2',
      AUTOMATION_JOB_TIMEOUT_SECONDS: '30',
      AUTOMATION_MAINTENANCE_SECONDS: '5',
      AUTOMATION_SECRET_KEY: 'a'.repeat(32),
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      SMTP_URL: 'smtp://mailer:secret@mail.example.de:587',
      MAIL_FROM: 'Renewa Beratung <beratung@example.de>',
      FORMS_CORS_ORIGINS: 'https://www.example.de, http://localhost:8080',
      STORAGE_DRIVER: 's3',
      STORAGE_LOCAL_DIR: '/var/lib/renewa/files',
      S3_ENDPOINT: 'https://fly.storage.tigris.dev',
      S3_REGION: 'auto',
      S3_BUCKET: 'renewa-prod',
      S3_ACCESS_KEY_ID: 'tid_key',
      S3_SECRET_ACCESS_KEY: 'tsec_secret',
      S3_FORCE_PATH_STYLE: 'true',
      UPLOAD_MAX_BYTES: '10485760',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      logLevel: 'warn',
      http: { host: '127.0.0.1', port: 8080, bodyLimitBytes: 2048, shutdownTimeoutMs: 500, trustedProxies: ['10.0.0.0/8', '2001:db8::1', 'loopback'] },
      database: {
        url: DB.DATABASE_URL,
        migrationUrl: DB.DATABASE_URL_MIGRATION,
        poolMax: 4,
        autoSeed: false,
        autoSeedDemo: false,
        embedded: { dir: '/tmp/pg', port: 6000 },
      },
      auth: {
        jwtSecret: JWT_SECRET,
        jwtSecretGenerated: false,
        accessTokenTtlSeconds: 60,
        refreshTokenTtlDays: 7,
        sessionMaxDays: 14,
        adminPassword: 'correct horse battery',
      },
      events: { relay: { autoStart: false, pollMs: 250 }, retention: { days: 90 } },
      housekeeping: { enabled: false },
      scheduledChecks: { enabled: false, tickSeconds: 30 },
      automation: {
        workerEnabled: false,
        pollMs: 750,
        retryLimit: 3,
        retryDelaySeconds: 2,
        jobTimeoutSeconds: 30,
        maintenanceSeconds: 5,
        secretKey: 'a'.repeat(32),
        secretKeyDerived: false,
        webhookTimeoutMs: 2000,
        webhookAllowHttp: true,
        webhookAllowPrivateNetworks: true,
      },
      mail: { smtpUrl: 'smtp://mailer:secret@mail.example.de:587', from: 'Renewa Beratung <beratung@example.de>' },
      forms: { corsOrigins: ['https://www.example.de', 'http://localhost:8080'] },
      storage: {
        driver: 's3',
        localDir: '/var/lib/renewa/files',
        maxUploadBytes: 10_485_760,
        s3: { endpoint: 'https://fly.storage.tigris.dev', region: 'auto', bucket: 'renewa-prod', accessKeyId: 'tid_key', secretAccessKey: 'tsec_secret', forcePathStyle: true },
      },
    });
  });

  it('leaves the outbox relay loop off under NODE_ENV=test unless OUTBOX_RELAY_ENABLED says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).events.relay.autoStart).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', OUTBOX_RELAY_ENABLED: 'true' }).events.relay.autoStart).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).housekeeping.enabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).scheduledChecks.enabled).toBe(false);
  });

  it('reads TRUSTED_PROXIES: addresses, CIDR ranges, proxy-addr names, or none', () => {
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }).http.trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '172.16.0.0/12,fdaa::/16,192.0.2.7' }).http.trustedProxies).toEqual(['172.16.0.0/12', 'fdaa::/16', '192.0.2.7']);
    expect(loadConfig({ TRUSTED_PROXIES: '' }).http.trustedProxies).toEqual(['loopback']);
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ', DATABASE_URL_MIGRATION: '' }).http.port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ PORT: '0' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "0")'],
    [{ PORT: '65536' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "65536")'],
    [{ PORT: '30.5' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "30.5")'],
    [{ PORT: '1e3' }, 'Invalid configuration: PORT must be an integer between 1 and 65535 (got "1e3")'],
    [{ EMBEDDED_PG_PORT: '-1' }, 'Invalid configuration: EMBEDDED_PG_PORT must be an integer between 1 and 65535 (got "-1")'],
    [{ BODY_LIMIT_BYTES: '0' }, 'Invalid configuration: BODY_LIMIT_BYTES must be an integer of at least 1 (got "0")'],
    [{ SHUTDOWN_TIMEOUT_MS: '10s' }, 'Invalid configuration: SHUTDOWN_TIMEOUT_MS must be an integer of at least 1 (got "10s")'],
    [{ DB_POOL_MAX: '5000' }, 'Invalid configuration: DB_POOL_MAX must be an integer between 1 and 1000 (got "5000")'],
    [{ NODE_ENV: 'staging' }, 'Invalid configuration: NODE_ENV must be one of development|test|production (got "staging")'],
    [{ LOG_LEVEL: 'verbose' }, 'Invalid configuration: LOG_LEVEL must be one of fatal|error|warn|info|debug|trace|silent (got "verbose")'],
    [{ AUTO_SEED: 'yes' }, 'Invalid configuration: AUTO_SEED must be true or false (got "yes")'],
    [{ AUTO_SEED_DEMO: '1' }, 'Invalid configuration: AUTO_SEED_DEMO must be true or false (got "1")'],
    [{ HOST: 'http://x' }, 'Invalid configuration: HOST must be a host name or IP address without spaces or slashes (got "http://x")'],
    [{ ACCESS_TOKEN_TTL_SECONDS: '5' }, 'Invalid configuration: ACCESS_TOKEN_TTL_SECONDS must be an integer between 30 and 86400 (got "5")'],
    [{ REFRESH_TOKEN_TTL_DAYS: '0' }, 'Invalid configuration: REFRESH_TOKEN_TTL_DAYS must be an integer between 1 and 365 (got "0")'],
    [{ OUTBOX_POLL_MS: '5' }, 'Invalid configuration: OUTBOX_POLL_MS must be an integer between 10 and 600000 (got "5")'],
    [{ OUTBOX_RELAY_ENABLED: 'on' }, 'Invalid configuration: OUTBOX_RELAY_ENABLED must be true or false (got "on")'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'Invalid configuration: TRUSTED_PROXIES must be "none" or a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) and loopback, linklocal, uniquelocal (got "10.0.0.0/33")'],
    [{ TRUSTED_PROXIES: 'loopback, proxy.internal' }, 'Invalid configuration: TRUSTED_PROXIES must be "none" or a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) and loopback, linklocal, uniquelocal (got "proxy.internal")'],
    [{ TRUSTED_PROXIES: 'none,loopback' }, 'Invalid configuration: TRUSTED_PROXIES must be "none" or a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) and loopback, linklocal, uniquelocal (got "none")'],
    [{ TRUSTED_PROXIES: ',' }, 'Invalid configuration: TRUSTED_PROXIES must be "none" or a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) and loopback, linklocal, uniquelocal (got ",")'],
    [{ OUTBOX_RETENTION_DAYS: '0' }, 'Invalid configuration: OUTBOX_RETENTION_DAYS must be an integer between 1 and 3650 (got "0")'],
    [{ SMTP_URL: 'http://mail.example.de' }, 'Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL with a host name'],
    [{ FORMS_CORS_ORIGINS: 'https://www.example.de/kontakt' }, 'Invalid configuration: FORMS_CORS_ORIGINS must be a comma-separated list of origins such as https://www.example.de (got "https://www.example.de/kontakt")'],
    [{ AUTOMATION_SECRET_KEY: 'short' }, 'Invalid configuration: AUTOMATION_SECRET_KEY must be at least 32 characters long (got 5)'],
    [{ AUTOMATION_POLL_MS: '100' }, 'Invalid configuration: AUTOMATION_POLL_MS must be an integer between 500 and 600000 (got "100")'],
  ])('rejects %j with one line naming the variable', (env, message) => {
    const error = errorOf(env);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  it('refuses the demo data in production, allows it elsewhere', () => {
    expect(errorOf({ ...DB, NODE_ENV: 'production', JWT_SECRET, AUTO_SEED_DEMO: 'true' }).message).toBe(
      'Invalid configuration: AUTO_SEED_DEMO is refused in production (demo users have documented passwords)',
    );
    expect(loadConfig({ AUTO_SEED_DEMO: 'true' }).database.autoSeedDemo).toBe(true);
  });

  it('requires DATABASE_URL_MIGRATION with DATABASE_URL, and vice versa', () => {
    expect(errorOf({ DATABASE_URL: DB.DATABASE_URL }).message).toBe(
      'Invalid configuration: DATABASE_URL_MIGRATION is required when DATABASE_URL is set',
    );
    expect(errorOf({ DATABASE_URL_MIGRATION: DB.DATABASE_URL_MIGRATION }).message).toBe(
      'Invalid configuration: DATABASE_URL is required when DATABASE_URL_MIGRATION is set',
    );
  });

  it('rejects database URLs that are not postgres:// without echoing them (they hold passwords)', () => {
    const wrongScheme = errorOf({ ...DB, DATABASE_URL: 'mysql://root:hunter2@db/renewa' });
    expect(wrongScheme.message).toBe('Invalid configuration: DATABASE_URL must be a postgres:// URL (got scheme "mysql")');
    const notUrl = errorOf({ ...DB, DATABASE_URL_MIGRATION: 'hunter2@db:5432' });
    expect(notUrl.message).toBe('Invalid configuration: DATABASE_URL_MIGRATION must be a postgres:// URL (got a value that is not a URL)');
    for (const error of [wrongScheme, notUrl]) expect(error.message).not.toContain('hunter2');
  });

  describe('auth secrets', () => {
    it('requires JWT_SECRET in production', () => {
      expect(errorOf({ ...DB, NODE_ENV: 'production' }).message).toBe(
        'Invalid configuration: JWT_SECRET is required in production (at least 32 characters)',
      );
      expect(loadConfig({ ...DB, NODE_ENV: 'production', JWT_SECRET }).auth).toMatchObject({ jwtSecret: JWT_SECRET, jwtSecretGenerated: false });
    });

    it('rejects a short JWT_SECRET or ADMIN_PASSWORD without echoing it', () => {
      const error = errorOf({ JWT_SECRET: 'hunter2', ADMIN_PASSWORD: 'short-pw' });
      expect(error.message).toBe(
        'Invalid configuration: JWT_SECRET must be at least 32 characters long (got 7); ' +
          'ADMIN_PASSWORD must be at least 12 characters long (got 8)',
      );
      expect(error.message).not.toContain('hunter2');
      expect(error.message).not.toContain('short-pw');
    });

    it('derives the automation key from JWT_SECRET unless AUTOMATION_SECRET_KEY is set', () => {
      const derived = loadConfig({ JWT_SECRET }).automation;
      expect(derived.secretKeyDerived).toBe(true);
      expect(derived.secretKey).toBe(loadConfig({ JWT_SECRET }).automation.secretKey);
      expect(derived.secretKey).not.toBe(loadConfig({ JWT_SECRET: 'j'.repeat(32) }).automation.secretKey);
      expect(derived.secretKey).not.toContain(JWT_SECRET);
      expect(loadConfig({ JWT_SECRET, AUTOMATION_SECRET_KEY: 'z'.repeat(40) }).automation.secretKey).toBe('z'.repeat(40));
    });

    it('outside production generates one random JWT secret per process', () => {
      const first = loadConfig({ NODE_ENV: 'test' }).auth;
      const second = loadConfig({ NODE_ENV: 'development' }).auth;
      expect(first.jwtSecretGenerated).toBe(true);
      expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(second.jwtSecret).toBe(first.jwtSecret);
    });
  });

  it('reports every problem at once, still on one line', () => {
    const error = errorOf({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(error.issues).toHaveLength(2);
    expect(error.message).toBe(
      'Invalid configuration: LOG_LEVEL must be one of fatal|error|warn|info|debug|trace|silent (got "loud"); ' +
        'PORT must be an integer between 1 and 65535 (got "x")',
    );
  });

  it('keeps a long or multi-line value on one line', () => {
    const error = errorOf({ NODE_ENV: `prod\nuction${'x'.repeat(100)}` });
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(200);
  });
});
