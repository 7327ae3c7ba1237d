-- Hand-written (drizzle-kit manages neither extensions nor exclusion constraints nor grants).
--
-- 1. Versions of the same requirement set (and of the same U-value method) never overlap in time:
--    a check picks "the version valid on the date", and there must be at most one. valid_to is
--    inclusive; NULL is open-ended. btree_gist (trusted since PostgreSQL 13, in contrib and the
--    embedded binaries) lets the constraint compare the text key with =.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE requirement_sets
  ADD CONSTRAINT requirement_sets_no_overlap EXCLUDE USING gist (key WITH =, daterange(valid_from, valid_to, '[]') WITH &&);

ALTER TABLE u_value_methods
  ADD CONSTRAINT u_value_methods_no_overlap EXCLUDE USING gist (key WITH =, daterange(valid_from, valid_to, '[]') WITH &&);

-- 2. A presented scenario's snapshot is immutable: the application (writer) may insert and read
--    scenario_snapshots, never change or delete them.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE scenario_snapshots FROM writer;
