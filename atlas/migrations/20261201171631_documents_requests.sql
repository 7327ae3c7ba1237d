CREATE TYPE "public"."document_request_status" AS ENUM('open', 'fulfilled', 'completed');
CREATE TYPE "public"."document_request_item_status" AS ENUM('pending', 'uploaded', 'accepted', 'rejected');
CREATE TYPE "public"."document_request_notice_kind" AS ENUM('due_soon', 'overdue');
CREATE TABLE "document_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"contact_id" uuid,
	"project_id" uuid,
	"language" text NOT NULL,
	"due_date" date NOT NULL,
	"reminder_days_before" integer DEFAULT 3 NOT NULL,
	"status" "document_request_status" DEFAULT 'open' NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"token_hash" text,
	"token_issued_at" timestamp with time zone,
	"token_expires_at" timestamp with time zone,
	"token_revoked_at" timestamp with time zone,
	"owner_id" uuid,
	"department_id" uuid,
	CONSTRAINT "document_requests_language_check" CHECK ("document_requests"."language" in ('de', 'en')),
	CONSTRAINT "document_requests_subject_check" CHECK ("document_requests"."contact_id" is not null or "document_requests"."project_id" is not null)
);
CREATE TABLE "document_request_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type_id" uuid NOT NULL,
	"instructions" jsonb NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"status" "document_request_item_status" DEFAULT 'pending' NOT NULL,
	"document_id" uuid,
	"rejection_reason" text,
	"uploaded_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "document_request_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid,
	"client_ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "document_request_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" "document_request_notice_kind" NOT NULL,
	"due_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "document_request_items" ADD CONSTRAINT "document_request_items_request_id_document_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."document_requests"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "document_request_items" ADD CONSTRAINT "document_request_items_type_id_document_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_types"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "document_request_items" ADD CONSTRAINT "document_request_items_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "document_request_accesses" ADD CONSTRAINT "document_request_accesses_request_id_document_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."document_requests"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "document_request_notices" ADD CONSTRAINT "document_request_notices_request_id_document_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."document_requests"("id") ON DELETE cascade ON UPDATE no action;
CREATE INDEX "document_requests_created_at_id_idx" ON "document_requests" USING btree ("created_at","id");
CREATE INDEX "document_requests_created_by_idx" ON "document_requests" USING btree ("created_by");
CREATE INDEX "document_requests_deleted_at_idx" ON "document_requests" USING btree ("deleted_at");
CREATE INDEX "document_requests_owner_id_idx" ON "document_requests" USING btree ("owner_id");
CREATE INDEX "document_requests_department_id_idx" ON "document_requests" USING btree ("department_id");
CREATE INDEX "document_requests_contact_id_idx" ON "document_requests" USING btree ("contact_id");
CREATE INDEX "document_requests_project_id_idx" ON "document_requests" USING btree ("project_id");
CREATE INDEX "document_requests_status_due_date_idx" ON "document_requests" USING btree ("status","due_date");
CREATE INDEX "document_requests_due_date_id_idx" ON "document_requests" USING btree ("due_date","id");
CREATE UNIQUE INDEX "document_requests_token_hash_unique" ON "document_requests" USING btree ("token_hash");
CREATE UNIQUE INDEX "document_request_items_request_position_unique" ON "document_request_items" USING btree ("request_id","position");
CREATE INDEX "document_request_items_type_id_idx" ON "document_request_items" USING btree ("type_id");
CREATE INDEX "document_request_items_document_id_idx" ON "document_request_items" USING btree ("document_id");
CREATE INDEX "document_request_accesses_client_created_idx" ON "document_request_accesses" USING btree ("client_ip","created_at");
CREATE INDEX "document_request_accesses_request_created_idx" ON "document_request_accesses" USING btree ("request_id","created_at");
CREATE UNIQUE INDEX "document_request_notices_request_kind_due_unique" ON "document_request_notices" USING btree ("request_id","kind","due_date");
