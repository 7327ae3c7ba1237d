#!/bin/sh
# Runs once, after 10-databases.sh: the same atlas/roles.sql that `make db-bootstrap` and the
# embedded default run (mounted read-only at /renewa/roles.sql), against the application database
# (it grants database- and schema-level privileges there), then LOCAL DEVELOPMENT passwords for
# the two logins. The passwords equal the user names; they exist only in this compose setup and
# in docker/pgbouncer/userlist.txt — deployed clusters get theirs from secrets.
#
# A volume created before roles.sql changed does not re-run this script: apply the new version
# with `make db-bootstrap` (idempotent) or start over with `docker-compose down -v`.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname renewa -f /renewa/roles.sql
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname renewa <<'SQL'
ALTER ROLE "app-user" PASSWORD 'app-user';
ALTER ROLE "migration-user" PASSWORD 'migration-user';
SQL
