-- Hand-written (drizzle-kit manages neither exclusion constraints nor grants).
--
-- 1. The rule versions of one funding programme never overlap in time: a calculation picks "the
--    version valid on the decisive date", and there must be at most one. valid_to is inclusive;
--    NULL is open-ended. btree_gist (created by the projects migration) compares the uuid with =.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE funding_rule_versions
  ADD CONSTRAINT funding_rule_versions_no_overlap EXCLUDE USING gist (program_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&);

-- 2. A stored funding calculation is immutable (its figures were presented to the owner): the
--    application (writer) may insert and read funding_calculations, never change or delete them.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE funding_calculations FROM writer;
