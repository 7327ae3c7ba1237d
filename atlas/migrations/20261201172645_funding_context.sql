CREATE TYPE "public"."funding_body" AS ENUM('bafa', 'kfw', 'tax_office');
CREATE TYPE "public"."funding_application_kind" AS ENUM('grant', 'loan', 'tax', 'information');
CREATE TYPE "public"."funding_checklist_stage" AS ENUM('application', 'proof');
CREATE TYPE "public"."funding_application_status" AS ENUM('draft', 'prepared', 'submitted', 'approved', 'proofs_submitted', 'paid', 'rejected', 'withdrawn', 'expired');
CREATE TYPE "public"."funding_deadline_kind" AS ENUM('implementation', 'proof');
CREATE TYPE "public"."funding_contract_source" AS ENUM('quote_accepted', 'recorded');
CREATE TABLE "funding_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"funding_body" "funding_body" NOT NULL,
	"application_kind" "funding_application_kind" NOT NULL,
	"links" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_programs_key_unique" UNIQUE("key")
);
CREATE TABLE "funding_rule_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"version_label" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "funding_rule_versions_validity_order" CHECK ("funding_rule_versions"."valid_to" is null or "funding_rule_versions"."valid_to" >= "funding_rule_versions"."valid_from")
);
CREATE TABLE "funding_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"key" text NOT NULL,
	"stage" "funding_checklist_stage" NOT NULL,
	"label" jsonb NOT NULL,
	"document_type_key" text,
	"position" integer NOT NULL
);
CREATE TABLE "funding_calculations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"scenario_id" uuid,
	"measure_id" uuid,
	"decisive_date" date NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"rule_version_ids" uuid[] NOT NULL,
	"best_route" text,
	"best_total_cents" bigint NOT NULL,
	"owner_id" uuid,
	"department_id" uuid
);
CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"scenario_id" uuid,
	"calculation_id" uuid,
	"measure_ids" uuid[] NOT NULL,
	"title" text NOT NULL,
	"status" "funding_application_status" DEFAULT 'draft' NOT NULL,
	"bza_id" text,
	"bnd_id" text,
	"bafa_case_number" text,
	"kfw_application_number" text,
	"requested_amount_cents" bigint,
	"submitted_on" date,
	"approved_amount_cents" bigint,
	"approved_on" date,
	"implementation_deadline" date,
	"proof_deadline" date,
	"proofs_submitted_on" date,
	"paid_amount_cents" bigint,
	"paid_on" date,
	"closed_reason" text,
	"note" text,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "funding_application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"checklist_item_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
CREATE TABLE "funding_deadline_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "funding_deadline_kind" NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "funding_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"source" "funding_contract_source" NOT NULL,
	"quote_id" uuid,
	"reference" text NOT NULL,
	"contractor" text,
	"signed_at" timestamp with time zone NOT NULL,
	"with_funding_clause" boolean NOT NULL,
	"method" text,
	"total_gross_cents" bigint,
	"owner_id" uuid,
	"department_id" uuid
);
ALTER TABLE "funding_rule_versions" ADD CONSTRAINT "funding_rule_versions_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_checklist_items" ADD CONSTRAINT "funding_checklist_items_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "funding_calculations" ADD CONSTRAINT "funding_calculations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_calculations" ADD CONSTRAINT "funding_calculations_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_calculations" ADD CONSTRAINT "funding_calculations_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_calculations" ADD CONSTRAINT "funding_calculations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_calculations" ADD CONSTRAINT "funding_calculations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_program_id_funding_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."funding_programs"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_calculation_id_funding_calculations_id_fk" FOREIGN KEY ("calculation_id") REFERENCES "public"."funding_calculations"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_application_documents" ADD CONSTRAINT "funding_app_documents_application_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "funding_application_documents" ADD CONSTRAINT "funding_app_documents_checklist_item_fk" FOREIGN KEY ("checklist_item_id") REFERENCES "public"."funding_checklist_items"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_application_documents" ADD CONSTRAINT "funding_application_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_deadline_notices" ADD CONSTRAINT "funding_deadline_notices_application_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "funding_contracts" ADD CONSTRAINT "funding_contracts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_contracts" ADD CONSTRAINT "funding_contracts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "funding_contracts" ADD CONSTRAINT "funding_contracts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
CREATE INDEX "funding_rule_versions_program_valid_from_idx" ON "funding_rule_versions" USING btree ("program_id","valid_from");
CREATE UNIQUE INDEX "funding_checklist_items_program_key_unique" ON "funding_checklist_items" USING btree ("program_id","key");
CREATE INDEX "funding_calculations_created_at_id_idx" ON "funding_calculations" USING btree ("created_at","id");
CREATE INDEX "funding_calculations_created_by_idx" ON "funding_calculations" USING btree ("created_by");
CREATE INDEX "funding_calculations_deleted_at_idx" ON "funding_calculations" USING btree ("deleted_at");
CREATE INDEX "funding_calculations_owner_id_idx" ON "funding_calculations" USING btree ("owner_id");
CREATE INDEX "funding_calculations_department_id_idx" ON "funding_calculations" USING btree ("department_id");
CREATE INDEX "funding_calculations_project_id_idx" ON "funding_calculations" USING btree ("project_id","created_at","id");
CREATE INDEX "funding_calculations_scenario_id_idx" ON "funding_calculations" USING btree ("scenario_id");
CREATE INDEX "funding_calculations_measure_id_idx" ON "funding_calculations" USING btree ("measure_id");
CREATE INDEX "funding_applications_created_at_id_idx" ON "funding_applications" USING btree ("created_at","id");
CREATE INDEX "funding_applications_created_by_idx" ON "funding_applications" USING btree ("created_by");
CREATE INDEX "funding_applications_deleted_at_idx" ON "funding_applications" USING btree ("deleted_at");
CREATE INDEX "funding_applications_owner_id_idx" ON "funding_applications" USING btree ("owner_id");
CREATE INDEX "funding_applications_department_id_idx" ON "funding_applications" USING btree ("department_id");
CREATE INDEX "funding_applications_project_id_idx" ON "funding_applications" USING btree ("project_id");
CREATE INDEX "funding_applications_program_id_idx" ON "funding_applications" USING btree ("program_id");
CREATE INDEX "funding_applications_calculation_id_idx" ON "funding_applications" USING btree ("calculation_id");
CREATE INDEX "funding_applications_scenario_id_idx" ON "funding_applications" USING btree ("scenario_id");
CREATE INDEX "funding_applications_status_created_at_idx" ON "funding_applications" USING btree ("status","created_at","id");
CREATE INDEX "funding_applications_implementation_deadline_idx" ON "funding_applications" USING btree ("implementation_deadline","id");
CREATE INDEX "funding_applications_proof_deadline_idx" ON "funding_applications" USING btree ("proof_deadline","id");
CREATE INDEX "funding_applications_search_trgm_idx" ON "funding_applications" USING gin ("search_text" gin_trgm_ops);
CREATE UNIQUE INDEX "funding_application_documents_unique" ON "funding_application_documents" USING btree ("application_id","checklist_item_id","document_id");
CREATE INDEX "funding_application_documents_item_idx" ON "funding_application_documents" USING btree ("checklist_item_id");
CREATE INDEX "funding_application_documents_document_idx" ON "funding_application_documents" USING btree ("document_id");
CREATE UNIQUE INDEX "funding_deadline_notices_unique" ON "funding_deadline_notices" USING btree ("application_id","kind","due_on");
CREATE INDEX "funding_contracts_created_at_id_idx" ON "funding_contracts" USING btree ("created_at","id");
CREATE INDEX "funding_contracts_created_by_idx" ON "funding_contracts" USING btree ("created_by");
CREATE INDEX "funding_contracts_deleted_at_idx" ON "funding_contracts" USING btree ("deleted_at");
CREATE INDEX "funding_contracts_owner_id_idx" ON "funding_contracts" USING btree ("owner_id");
CREATE INDEX "funding_contracts_department_id_idx" ON "funding_contracts" USING btree ("department_id");
CREATE INDEX "funding_contracts_project_id_idx" ON "funding_contracts" USING btree ("project_id","signed_at");
CREATE UNIQUE INDEX "funding_contracts_quote_id_unique" ON "funding_contracts" USING btree ("quote_id");
