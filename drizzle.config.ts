import { defineConfig } from 'drizzle-kit';

// Used by `drizzle-kit export` (atlas/atlas.hcl's external_schema). Migrations are not
// drizzle-kit's: they live in atlas/migrations and are generated with `make db-generate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
});
