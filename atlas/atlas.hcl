# Atlas project file (https://atlasgo.io). The app never needs the atlas binary: libs/atlas
# verifies, applies and generates this directory the same way. With the binary installed:
#   atlas migrate diff --env local <name>     (run from this folder; needs the official build,
#                                              the community build rejects external_schema)
#   atlas migrate apply --env production      (reads DATABASE_URL_MIGRATION)

# The desired schema: the SQL drizzle-kit prints for src/db/schema.ts (see drizzle.config.ts).
# drizzle-kit resolves the schema path from the repository root, hence the `cd ..`.
data "external_schema" "drizzle" {
  program = ["sh", "-c", "cd .. && npx drizzle-kit export"]
}

env "local" {
  src = data.external_schema.drizzle.url
  url = "postgres://migration-user:migration-user@localhost:5432/renewa?search_path=public&sslmode=disable"
  # Scratch database Atlas replays the migrations into; it must stay empty otherwise.
  dev = "postgres://postgres:postgres@localhost:5432/atlas_dev?search_path=public&sslmode=disable"
  migration {
    dir              = "file://migrations"
    revisions_schema = "atlas_schema_revisions"
  }
}

env "production" {
  url = getenv("DATABASE_URL_MIGRATION")
  migration {
    dir              = "file://migrations"
    revisions_schema = "atlas_schema_revisions"
  }
}
