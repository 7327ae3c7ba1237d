'use strict';
/**
 * The database a bench measures: an embedded PostgreSQL it starts (through the build's own
 * starter in dist/libs/db, which handles root), or the one DATABASE_URL / DATABASE_URL_MIGRATION
 * name; and PgBouncer in front of it, as deployed.
 */
const crypto = require('node:crypto');
const path = require('node:path');
const { freePort } = require('./net');
const { DIST } = require('./paths');
const { startPgBouncer } = require('./pgbouncer');

const secret = () => crypto.randomBytes(12).toString('hex');

/**
 * Starts a PostgreSQL in `dir` with `settings` and creates the database `renewa`. `onStop(stop)`
 * receives the server's stop function right after it started, for the caller's cleanup. Roles do
 * not exist yet: run `cli bootstrap-roles` with `bootstrapEnv`.
 */
async function startEmbeddedDatabase({ dir, settings = {}, onStop, log }) {
  const { startEmbeddedPostgres } = require(path.join(DIST, 'libs', 'db', 'embedded-postgres.js'));
  const { Client } = require('pg');
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const superuser = secret();
  log(`starting embedded PostgreSQL on port ${port}`);
  const server = await startEmbeddedPostgres({ dataDir, port, superuserPassword: superuser, settings: { max_connections: '200', ...settings } });
  onStop(server.stop);
  const admin = (db) => `postgres://postgres:${superuser}@127.0.0.1:${port}/${db}`;
  const client = new Client({ connectionString: admin('postgres') });
  await client.connect();
  await client.query('CREATE DATABASE renewa');
  await client.end();
  const passwords = { app: secret(), migration: secret() };
  return {
    source: `embedded PostgreSQL (${server.created ? 'new cluster' : 'existing'}), started by the bench`,
    host: '127.0.0.1',
    port,
    /** Superuser on `renewa`. */
    adminUrl: admin('renewa'),
    logFile: path.join(dataDir, 'server.log'),
    appUser: 'app-user',
    appPassword: passwords.app,
    bootstrapEnv: { DATABASE_URL_ADMIN: admin('renewa'), APP_USER_PASSWORD: passwords.app, MIGRATION_USER_PASSWORD: passwords.migration },
    urls: {
      DATABASE_URL: `postgres://app-user:${passwords.app}@127.0.0.1:${port}/renewa`,
      DATABASE_URL_MIGRATION: `postgres://migration-user:${passwords.migration}@127.0.0.1:${port}/renewa`,
    },
  };
}

/** The database of the environment (no superuser URL, no server log). */
function externalDatabase() {
  const { DATABASE_URL, DATABASE_URL_MIGRATION } = process.env;
  if (!DATABASE_URL || !DATABASE_URL_MIGRATION) throw new Error('set both DATABASE_URL and DATABASE_URL_MIGRATION (or neither, for an embedded PostgreSQL)');
  const url = new URL(DATABASE_URL);
  return {
    source: 'environment (DATABASE_URL, DATABASE_URL_MIGRATION)',
    host: url.hostname,
    port: Number(url.port || 5432),
    appUser: decodeURIComponent(url.username),
    appPassword: decodeURIComponent(url.password),
    urls: { DATABASE_URL, DATABASE_URL_MIGRATION },
  };
}

/** PgBouncer (config in `dir`) in front of `db` for its app user; resolves the app's URL through it. */
async function startBouncerFor(db, { dir, onSpawn, log }) {
  const { port, version } = await startPgBouncer({ dir, host: db.host, port: db.port, user: db.appUser, password: db.appPassword, onSpawn });
  const url = new URL(db.urls.DATABASE_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  log(`PgBouncer (${version}) on port ${port}, transaction pooling`);
  return { url: url.toString(), version };
}

module.exports = { startEmbeddedDatabase, externalDatabase, startBouncerFor };
