/** Environment variables the global setup hands to the test workers. */
export const TEST_ENV = {
  adminUrl: 'TEST_PG_ADMIN_URL',
  template: 'TEST_PG_TEMPLATE',
  runId: 'TEST_PG_RUN_ID',
  rolePassword: 'TEST_PG_ROLE_PASSWORD',
  bouncerPort: 'TEST_PGBOUNCER_PORT',
} as const;

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run the tests through jest (test/setup/global-setup.ts)`);
  return value;
}

