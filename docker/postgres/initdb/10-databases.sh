#!/bin/sh
# Runs once, when the compose volume is initialised (postgres image's /docker-entrypoint-initdb.d).
#   renewa     the application database (app-user through PgBouncer, migration-user directly)
#   atlas_dev  Atlas's scratch "dev database": `make db-generate` replays the migrations into it
#              and diffs against the Drizzle schema; it is dropped and recreated freely, so never
#              put data there.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE DATABASE renewa;
CREATE DATABASE atlas_dev;
SQL
