-- The departments list needs no index on its order (German name): drizzle-kit cannot introspect an index that
-- mixes an expression and a column, so it showed as drift forever. Written by hand (make db-hash).
DROP INDEX "departments_name_de_idx";
