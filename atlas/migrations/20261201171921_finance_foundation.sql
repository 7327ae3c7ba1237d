CREATE TYPE "public"."finance_vat_category" AS ENUM('standard', 'reduced', 'zero_pv', 'exempt');
CREATE TYPE "public"."finance_product_unit" AS ENUM('piece', 'hour', 'm2', 'm', 'kwp', 'flat');
CREATE TYPE "public"."finance_product_kind" AS ENUM('service', 'material', 'labour', 'flat_fee');
CREATE TYPE "public"."finance_datev_chart" AS ENUM('SKR03', 'SKR04');
CREATE TABLE "finance_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"singleton" boolean DEFAULT true NOT NULL,
	"legal_name" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"country_code" text,
	"tax_number" text,
	"vat_id" text,
	"register_court" text,
	"register_number" text,
	"managing_directors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"email" text,
	"phone" text,
	"website" text,
	"iban" text,
	"bic" text,
	"bank_name" text,
	"payment_terms_days" integer DEFAULT 14 NOT NULL,
	"payment_terms_text" jsonb,
	"invoice_number_format" text DEFAULT 'RE-{YYYY}-{NNNNNN}' NOT NULL,
	"cancellation_number_format" text DEFAULT 'ST-{YYYY}-{NNNNNN}' NOT NULL,
	"quote_number_format" text DEFAULT 'A-{YYYY}-{NNNNNN}' NOT NULL,
	"datev_consultant_number" integer,
	"datev_client_number" integer,
	"datev_chart_of_accounts" "finance_datev_chart" DEFAULT 'SKR03' NOT NULL,
	"datev_accounts" jsonb,
	CONSTRAINT "finance_settings_singleton_true" CHECK ("finance_settings"."singleton")
);
CREATE TABLE "vat_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" "finance_vat_category" NOT NULL,
	"rate_basis_points" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"invoice_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vat_rates_validity_order" CHECK ("vat_rates"."valid_to" is null or "vat_rates"."valid_to" >= "vat_rates"."valid_from"),
	CONSTRAINT "vat_rates_rate_range" CHECK ("vat_rates"."rate_basis_points" between 0 and 10000)
);
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"sku" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"kind" "finance_product_kind" NOT NULL,
	"unit" "finance_product_unit" NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat_category" "finance_vat_category" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE UNIQUE INDEX "finance_settings_singleton_unique" ON "finance_settings" USING btree ("singleton");
CREATE UNIQUE INDEX "vat_rates_category_valid_from_unique" ON "vat_rates" USING btree ("category","valid_from");
CREATE INDEX "vat_rates_valid_from_idx" ON "vat_rates" USING btree ("valid_from","id");
CREATE INDEX "products_created_at_id_idx" ON "products" USING btree ("created_at","id");
CREATE INDEX "products_created_by_idx" ON "products" USING btree ("created_by");
CREATE INDEX "products_deleted_at_idx" ON "products" USING btree ("deleted_at");
CREATE UNIQUE INDEX "products_sku_unique" ON "products" USING btree ("sku");
CREATE INDEX "products_name_idx" ON "products" USING btree (lower("name"->>'de'));
CREATE INDEX "products_kind_created_at_idx" ON "products" USING btree ("kind","created_at","id");
CREATE INDEX "products_active_created_at_idx" ON "products" USING btree ("active","created_at","id");
CREATE INDEX "products_vat_category_idx" ON "products" USING btree ("vat_category");
CREATE INDEX "products_unit_price_idx" ON "products" USING btree ("unit_price_cents","id");
CREATE INDEX "products_search_trgm_idx" ON "products" USING gin ("search_text" gin_trgm_ops);
