CREATE TABLE "seed_markers" (
	"key" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
