CREATE TYPE "public"."quote_status" AS ENUM('draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded');
CREATE TYPE "public"."quote_acceptance_method" AS ENUM('portal', 'signed_upload', 'email');
CREATE TYPE "public"."quote_language" AS ENUM('de', 'en');
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"number" text NOT NULL,
	"project_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"company_id" uuid,
	"status" "quote_status" DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"language" "quote_language" NOT NULL,
	"valid_until" date NOT NULL,
	"total_net_cents" bigint NOT NULL,
	"total_gross_cents" bigint NOT NULL,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "quote_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quote_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"status" "quote_status" DEFAULT 'draft' NOT NULL,
	"language" "quote_language" NOT NULL,
	"valid_until" date NOT NULL,
	"recipient" jsonb NOT NULL,
	"subject" text,
	"notes" text,
	"funding_clause" boolean DEFAULT false NOT NULL,
	"funding_programme" text,
	"lines" jsonb NOT NULL,
	"totals" jsonb NOT NULL,
	"total_net_cents" bigint NOT NULL,
	"total_tax_cents" bigint NOT NULL,
	"total_gross_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"pdf_document_id" uuid,
	"pdf_file_id" uuid,
	"pdf_sha256" text,
	"accepted_at" timestamp with time zone,
	"accepted_by_name" text,
	"acceptance_method" "quote_acceptance_method",
	"with_funding_clause" boolean,
	"answer_recorded_by" uuid,
	"rejected_at" timestamp with time zone,
	"rejection_reason" text,
	"expired_at" timestamp with time zone
);
CREATE TABLE "quote_number_counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL
);
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;
CREATE INDEX "quotes_created_at_id_idx" ON "quotes" USING btree ("created_at","id");
CREATE INDEX "quotes_created_by_idx" ON "quotes" USING btree ("created_by");
CREATE INDEX "quotes_deleted_at_idx" ON "quotes" USING btree ("deleted_at");
CREATE INDEX "quotes_owner_id_idx" ON "quotes" USING btree ("owner_id");
CREATE INDEX "quotes_department_id_idx" ON "quotes" USING btree ("department_id");
CREATE UNIQUE INDEX "quotes_number_unique" ON "quotes" USING btree ("number");
CREATE INDEX "quotes_project_id_idx" ON "quotes" USING btree ("project_id");
CREATE INDEX "quotes_contact_id_idx" ON "quotes" USING btree ("contact_id");
CREATE INDEX "quotes_company_id_idx" ON "quotes" USING btree ("company_id");
CREATE INDEX "quotes_status_created_at_idx" ON "quotes" USING btree ("status","created_at","id");
CREATE INDEX "quotes_status_valid_until_idx" ON "quotes" USING btree ("status","valid_until");
CREATE INDEX "quotes_valid_until_id_idx" ON "quotes" USING btree ("valid_until","id");
CREATE INDEX "quotes_updated_at_id_idx" ON "quotes" USING btree ("updated_at","id");
CREATE INDEX "quotes_number_id_idx" ON "quotes" USING btree ("number","id");
CREATE INDEX "quotes_search_trgm_idx" ON "quotes" USING gin ("search_text" gin_trgm_ops);
CREATE UNIQUE INDEX "quote_versions_quote_id_revision_unique" ON "quote_versions" USING btree ("quote_id","revision");
CREATE UNIQUE INDEX "quote_number_counters_series_year_unique" ON "quote_number_counters" USING btree ("series","year");
