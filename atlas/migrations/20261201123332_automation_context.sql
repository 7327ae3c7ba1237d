CREATE TYPE "public"."workflow_run_status" AS ENUM('running', 'succeeded', 'failed', 'cancelled');
CREATE TYPE "public"."workflow_step_status" AS ENUM('pending', 'queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled');
CREATE TYPE "public"."mail_transport" AS ENUM('smtp', 'outbox');
CREATE TYPE "public"."form_kind" AS ENUM('lead', 'general');
CREATE TYPE "public"."form_submission_status" AS ENUM('accepted', 'rejected');
CREATE TYPE "public"."form_rejection_reason" AS ENUM('honeypot', 'too_fast', 'invalid', 'token_invalid');
CREATE TABLE "workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"name" jsonb NOT NULL,
	"description" text,
	"trigger_event_type" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL
);
CREATE TABLE "workflow_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"workflow_version" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"event" jsonb NOT NULL,
	"status" "workflow_run_status" DEFAULT 'running' NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "workflow_runs_workflow_id_event_id_key" UNIQUE("workflow_id","event_id")
);
CREATE TABLE "workflow_run_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action_type" text NOT NULL,
	"action" jsonb NOT NULL,
	"status" "workflow_step_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"job_id" uuid,
	"run_after" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"result" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_run_steps_run_id_position_key" UNIQUE("run_id","position"),
	CONSTRAINT "workflow_run_steps_idempotency_key_key" UNIQUE("idempotency_key")
);
CREATE TABLE "outbound_mails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"message_id" text NOT NULL,
	"transport" "mail_transport" NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
CREATE TABLE "forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"kind" "form_kind" NOT NULL,
	"fields" jsonb NOT NULL,
	"consent" jsonb,
	"confirmation" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL
);
CREATE TABLE "form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_versions_form_id_version_key" UNIQUE("form_id","version")
);
CREATE TABLE "form_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"status" "form_submission_status" NOT NULL,
	"rejection_reason" "form_rejection_reason",
	"errors" jsonb,
	"answers" jsonb NOT NULL,
	"utm" jsonb,
	"consent" jsonb,
	"language" text NOT NULL,
	"client_ip" text,
	"user_agent" text,
	"lead_id" uuid,
	"contact_id" uuid,
	"lead_created" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "workflow_runs" ADD CONSTRAINT "workflow_runs_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "workflow_run_steps" ADD CONSTRAINT "workflow_run_steps_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
CREATE INDEX "workflows_created_at_id_idx" ON "workflows" USING btree ("created_at","id");
CREATE INDEX "workflows_created_by_idx" ON "workflows" USING btree ("created_by");
CREATE INDEX "workflows_deleted_at_idx" ON "workflows" USING btree ("deleted_at");
CREATE INDEX "workflows_trigger_idx" ON "workflows" USING btree ("trigger_event_type") WHERE enabled and deleted_at is null;
CREATE INDEX "workflow_runs_created_at_id_idx" ON "workflow_runs" USING btree ("created_at","id");
CREATE INDEX "workflow_runs_workflow_created_at_idx" ON "workflow_runs" USING btree ("workflow_id","created_at","id");
CREATE INDEX "workflow_runs_status_created_at_idx" ON "workflow_runs" USING btree ("status","created_at","id");
CREATE INDEX "workflow_runs_event_id_idx" ON "workflow_runs" USING btree ("event_id");
CREATE UNIQUE INDEX "outbound_mails_idempotency_key_key" ON "outbound_mails" USING btree ("idempotency_key");
CREATE INDEX "outbound_mails_created_at_id_idx" ON "outbound_mails" USING btree ("created_at","id");
CREATE INDEX "forms_created_at_id_idx" ON "forms" USING btree ("created_at","id");
CREATE INDEX "forms_created_by_idx" ON "forms" USING btree ("created_by");
CREATE INDEX "forms_deleted_at_idx" ON "forms" USING btree ("deleted_at");
CREATE UNIQUE INDEX "forms_slug_key" ON "forms" USING btree ("slug");
CREATE INDEX "form_submissions_form_created_at_idx" ON "form_submissions" USING btree ("form_id","created_at","id");
CREATE INDEX "form_submissions_created_at_id_idx" ON "form_submissions" USING btree ("created_at","id");
CREATE INDEX "form_submissions_client_ip_created_at_idx" ON "form_submissions" USING btree ("client_ip","created_at");
CREATE INDEX "form_submissions_status_created_at_idx" ON "form_submissions" USING btree ("status","created_at","id");
CREATE INDEX "form_submissions_lead_id_idx" ON "form_submissions" USING btree ("lead_id");
CREATE INDEX "form_submissions_contact_id_idx" ON "form_submissions" USING btree ("contact_id");
