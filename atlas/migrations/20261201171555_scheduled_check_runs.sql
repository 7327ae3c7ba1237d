CREATE TABLE "scheduled_check_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_emitted" integer,
	"last_error" text
);
CREATE UNIQUE INDEX "scheduled_check_runs_name_key" ON "scheduled_check_runs" USING btree ("name");
