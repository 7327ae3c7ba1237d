-- Cluster bootstrap: the roles of the original topology. Idempotent; run as a superuser (or a
-- role with CREATEROLE) against the application database by `make db-bootstrap`, by the embedded
-- default and by the test harness. Passwords are never set here: deployments set them with
-- ALTER ROLE from their secrets; the embedded default generates its own.
--
--   schema_admin   owns every schema object; migrations run as migration-user ∈ schema_admin
--   writer         DML on tables, USAGE on sequences, nothing else; app-user ∈ writer
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'schema_admin') THEN
    CREATE ROLE schema_admin NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'writer') THEN
    CREATE ROLE writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'migration-user') THEN
    CREATE ROLE "migration-user" LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app-user') THEN
    CREATE ROLE "app-user" LOGIN;
  END IF;
END
$$;

GRANT schema_admin TO "migration-user";
GRANT writer TO "app-user";

-- Objects created by migration-user belong to schema_admin, so ownership does not depend on which
-- login ran a migration and the default privileges below always apply (real Atlas included).
ALTER ROLE "migration-user" SET role = 'schema_admin';

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO schema_admin', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO writer', current_database());
END
$$;

GRANT USAGE, CREATE ON SCHEMA public TO schema_admin;
GRANT USAGE ON SCHEMA public TO writer;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM writer;

-- Tables created later by migrations: writer may read and change rows, never the structure.
ALTER DEFAULT PRIVILEGES FOR ROLE schema_admin IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO writer;
ALTER DEFAULT PRIVILEGES FOR ROLE schema_admin IN SCHEMA public
  GRANT USAGE ON SEQUENCES TO writer;
ALTER DEFAULT PRIVILEGES FOR ROLE schema_admin IN SCHEMA public
  GRANT EXECUTE ON FUNCTIONS TO writer;
