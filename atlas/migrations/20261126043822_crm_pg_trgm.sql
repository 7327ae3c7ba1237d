-- Hand-written (drizzle-kit does not manage extensions): trigram matching for the `q` search of the
-- CRM lists (GIN gin_trgm_ops indexes on search_text, created by the next migration). pg_trgm is a
-- trusted extension since PostgreSQL 13: schema_admin (CREATE on the database) may create it, and
-- it ships with PostgreSQL's contrib packages and the embedded-postgres binaries.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
