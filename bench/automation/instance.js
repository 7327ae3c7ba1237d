// One app instance for bench/automation: the built app (dist/) without HTTP, its outbox relay and
// its automation job worker on, as deployed. Prints `ready`, then runs until SIGTERM, when it
// shuts down gracefully and prints `closed`. DATABASE_URL and AUTOMATION_SECRET_KEY come from the
// environment; AUTOMATION_POLL_MS (default 500) sets the worker's poll interval.
'use strict';

const { join } = require('node:path');

const dist = (path) => require(join(__dirname, '..', '..', 'dist', path));

async function main() {
  const { NestFactory } = require('@nestjs/core');
  const { loadConfig } = dist('libs/config');
  const { AppModule } = dist('src/app.module');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    OUTBOX_RELAY_ENABLED: 'true',
    OUTBOX_POLL_MS: '50',
    AUTOMATION_WORKER_ENABLED: 'true',
    AUTOMATION_POLL_MS: process.env.AUTOMATION_POLL_MS || '500',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    AUTOMATION_SECRET_KEY: process.env.AUTOMATION_SECRET_KEY,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, databaseUrl: process.env.DATABASE_URL }), { logger: false });
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.once('SIGTERM', resolve));
  await app.close();
  process.stdout.write('closed\n');
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
