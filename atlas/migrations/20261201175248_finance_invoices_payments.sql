CREATE TYPE "public"."finance_invoice_kind" AS ENUM('down_payment', 'partial', 'final', 'cancellation', 'standalone');
CREATE TYPE "public"."finance_invoice_status" AS ENUM('draft', 'finalised', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled');
CREATE TYPE "public"."finance_language" AS ENUM('de', 'en');
CREATE TYPE "public"."finance_payment_method" AS ENUM('bank_transfer', 'direct_debit', 'card', 'cash', 'other');
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" "finance_invoice_kind" NOT NULL,
	"status" "finance_invoice_status" DEFAULT 'draft' NOT NULL,
	"number" text,
	"series" text,
	"fiscal_year" integer,
	"serial" integer,
	"language" "finance_language" DEFAULT 'de' NOT NULL,
	"project_id" uuid,
	"contact_id" uuid NOT NULL,
	"company_id" uuid,
	"quote_id" uuid,
	"cancels_invoice_id" uuid,
	"cancelled_by_invoice_id" uuid,
	"cancellation_reason" text,
	"recipient_name" text,
	"recipient_addition" text,
	"recipient_street" text,
	"recipient_postal_code" text,
	"recipient_city" text,
	"recipient_country_code" text,
	"recipient_vat_id" text,
	"recipient_is_business" boolean DEFAULT false NOT NULL,
	"buyer_reference" text,
	"property_related" boolean,
	"subject" text,
	"notes" text,
	"issue_date" date,
	"service_date" date,
	"service_period_start" date,
	"service_period_end" date,
	"due_date" date,
	"payment_terms_days" integer DEFAULT 14 NOT NULL,
	"payment_terms_text" jsonb,
	"vat_breakdown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deductions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"net_cents" bigint DEFAULT 0 NOT NULL,
	"tax_cents" bigint DEFAULT 0 NOT NULL,
	"gross_cents" bigint DEFAULT 0 NOT NULL,
	"prepaid_cents" bigint DEFAULT 0 NOT NULL,
	"amount_due_cents" bigint DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"seller" jsonb,
	"legal_notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"finalised_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"pdf_document_id" uuid,
	"pdf_file_id" uuid,
	"pdf_sha256" text,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	CONSTRAINT "invoices_service_period_order" CHECK ("invoices"."service_period_end" is null or "invoices"."service_period_start" is null or "invoices"."service_period_end" >= "invoices"."service_period_start"),
	CONSTRAINT "invoices_number_when_final" CHECK (("invoices"."status" = 'draft') = ("invoices"."number" is null))
);
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"sku" text,
	"text" jsonb NOT NULL,
	"description" jsonb,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" "finance_product_unit" NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"discount_cents" bigint DEFAULT 0 NOT NULL,
	"vat_category" "finance_vat_category" NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"vat_rate_id" uuid NOT NULL,
	"net_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "invoice_number_counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL
);
CREATE TABLE "finance_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "finance_project_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"method" "finance_payment_method" NOT NULL,
	"reference" text,
	"note" text,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_cancels_invoice_id_invoices_id_fk" FOREIGN KEY ("cancels_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_cancelled_by_invoice_id_invoices_id_fk" FOREIGN KEY ("cancelled_by_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_vat_rate_id_vat_rates_id_fk" FOREIGN KEY ("vat_rate_id") REFERENCES "public"."vat_rates"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "finance_project_completions" ADD CONSTRAINT "finance_project_completions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "payments" ADD CONSTRAINT "payments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "payments" ADD CONSTRAINT "payments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
CREATE INDEX "invoices_created_at_id_idx" ON "invoices" USING btree ("created_at","id");
CREATE INDEX "invoices_created_by_idx" ON "invoices" USING btree ("created_by");
CREATE INDEX "invoices_deleted_at_idx" ON "invoices" USING btree ("deleted_at");
CREATE INDEX "invoices_owner_id_idx" ON "invoices" USING btree ("owner_id");
CREATE INDEX "invoices_department_id_idx" ON "invoices" USING btree ("department_id");
CREATE UNIQUE INDEX "invoices_number_unique" ON "invoices" USING btree ("number");
CREATE UNIQUE INDEX "invoices_series_year_serial_unique" ON "invoices" USING btree ("series","fiscal_year","serial");
CREATE UNIQUE INDEX "invoices_cancels_invoice_id_unique" ON "invoices" USING btree ("cancels_invoice_id");
CREATE INDEX "invoices_status_created_at_idx" ON "invoices" USING btree ("status","created_at","id");
CREATE INDEX "invoices_kind_created_at_idx" ON "invoices" USING btree ("kind","created_at","id");
CREATE INDEX "invoices_issue_date_idx" ON "invoices" USING btree ("issue_date","id");
CREATE INDEX "invoices_due_date_idx" ON "invoices" USING btree ("due_date","id");
CREATE INDEX "invoices_gross_cents_idx" ON "invoices" USING btree ("gross_cents","id");
CREATE INDEX "invoices_project_id_idx" ON "invoices" USING btree ("project_id");
CREATE INDEX "invoices_contact_id_idx" ON "invoices" USING btree ("contact_id");
CREATE INDEX "invoices_company_id_idx" ON "invoices" USING btree ("company_id");
CREATE INDEX "invoices_quote_id_idx" ON "invoices" USING btree ("quote_id");
CREATE INDEX "invoices_cancelled_by_invoice_id_idx" ON "invoices" USING btree ("cancelled_by_invoice_id");
CREATE INDEX "invoices_search_trgm_idx" ON "invoices" USING gin ("search_text" gin_trgm_ops);
CREATE UNIQUE INDEX "invoice_lines_invoice_position_unique" ON "invoice_lines" USING btree ("invoice_id","position");
CREATE INDEX "invoice_lines_product_id_idx" ON "invoice_lines" USING btree ("product_id");
CREATE INDEX "invoice_lines_vat_rate_id_idx" ON "invoice_lines" USING btree ("vat_rate_id");
CREATE UNIQUE INDEX "invoice_number_counters_series_year_unique" ON "invoice_number_counters" USING btree ("series","year");
CREATE UNIQUE INDEX "finance_notices_kind_subject_due_unique" ON "finance_notices" USING btree ("kind","subject_id","due_on");
CREATE UNIQUE INDEX "finance_project_completions_project_unique" ON "finance_project_completions" USING btree ("project_id");
CREATE INDEX "finance_project_completions_completed_on_idx" ON "finance_project_completions" USING btree ("completed_on","id");
CREATE INDEX "payments_created_at_id_idx" ON "payments" USING btree ("created_at","id");
CREATE INDEX "payments_created_by_idx" ON "payments" USING btree ("created_by");
CREATE INDEX "payments_deleted_at_idx" ON "payments" USING btree ("deleted_at");
CREATE INDEX "payments_owner_id_idx" ON "payments" USING btree ("owner_id");
CREATE INDEX "payments_department_id_idx" ON "payments" USING btree ("department_id");
CREATE INDEX "payments_invoice_id_idx" ON "payments" USING btree ("invoice_id","paid_on");
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on","id");
CREATE INDEX "payments_method_idx" ON "payments" USING btree ("method");
CREATE INDEX "payments_search_trgm_idx" ON "payments" USING gin ("search_text" gin_trgm_ops);
