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
  };
  database: {
    /** Runtime connection (app-user, through PgBouncer when deployed); undefined → embedded PostgreSQL. */
    url: string | undefined;
    /** Direct connection as migration-user; set exactly when `url` is. */
    migrationUrl: string | undefined;
    poolMax: number;
    autoSeed: boolean;
    embedded: {
      dir: string;
      port: number;
    };
  };
}
