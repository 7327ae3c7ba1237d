-- Hand-written (drizzle-kit manages neither extensions nor exclusion constraints): no consultant
-- can be booked twice. btree_gist lets a GiST index combine `user_id WITH =` with the range
-- operator `&&`; it is a trusted extension since PostgreSQL 13 (schema_admin may create it) and
-- ships with PostgreSQL's contrib packages and the embedded-postgres binaries. The constraint
-- covers the buffered range (travel before and after) of every active participant row (the
-- service keeps `active` false for cancelled and deleted appointments): two concurrent bookings
-- of overlapping time for one consultant cannot both commit.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "appointment_participants"
  ADD CONSTRAINT "appointment_participants_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, "busy" WITH &&) WHERE ("active");
