CREATE TYPE "public"."document_link_type" AS ENUM('contact', 'project', 'building', 'component', 'scenario', 'quote', 'invoice', 'funding_application', 'appointment');
CREATE TYPE "public"."pdf_template_kind" AS ENUM('quote', 'invoice', 'cancellation', 'letter', 'document_request', 'appointment_confirmation', 'isfp_cover');
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL
);
CREATE TABLE "document_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"retention_years" integer,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_types_validity_order" CHECK ("document_types"."valid_to" is null or "document_types"."valid_to" >= "document_types"."valid_from")
);
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"type_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"document_date" date,
	"file_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"retain_until" date,
	"owner_id" uuid,
	"department_id" uuid
);
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
CREATE TABLE "document_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"link_type" "document_link_type" NOT NULL,
	"link_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "pdf_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "pdf_template_kind" NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"blocks" jsonb NOT NULL,
	"letterhead" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
ALTER TABLE "documents" ADD CONSTRAINT "documents_type_id_document_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_types"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "documents" ADD CONSTRAINT "documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "documents" ADD CONSTRAINT "documents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
CREATE INDEX "files_created_at_id_idx" ON "files" USING btree ("created_at","id");
CREATE INDEX "files_created_by_idx" ON "files" USING btree ("created_by");
CREATE INDEX "files_deleted_at_idx" ON "files" USING btree ("deleted_at");
CREATE UNIQUE INDEX "files_storage_key_unique" ON "files" USING btree ("storage_key");
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");
CREATE UNIQUE INDEX "document_types_key_valid_from_unique" ON "document_types" USING btree ("key","valid_from");
CREATE INDEX "documents_created_at_id_idx" ON "documents" USING btree ("created_at","id");
CREATE INDEX "documents_created_by_idx" ON "documents" USING btree ("created_by");
CREATE INDEX "documents_deleted_at_idx" ON "documents" USING btree ("deleted_at");
CREATE INDEX "documents_owner_id_idx" ON "documents" USING btree ("owner_id");
CREATE INDEX "documents_department_id_idx" ON "documents" USING btree ("department_id");
CREATE INDEX "documents_type_id_idx" ON "documents" USING btree ("type_id");
CREATE INDEX "documents_file_id_idx" ON "documents" USING btree ("file_id");
CREATE UNIQUE INDEX "document_versions_document_number_unique" ON "document_versions" USING btree ("document_id","version_number");
CREATE INDEX "document_versions_file_id_idx" ON "document_versions" USING btree ("file_id");
CREATE UNIQUE INDEX "document_links_document_record_unique" ON "document_links" USING btree ("document_id","link_type","link_id");
CREATE INDEX "document_links_record_idx" ON "document_links" USING btree ("link_type","link_id");
CREATE UNIQUE INDEX "pdf_templates_kind_language_version_unique" ON "pdf_templates" USING btree ("kind","language","version");
