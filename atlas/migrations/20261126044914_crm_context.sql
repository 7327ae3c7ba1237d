-- src/modules/crm/**/*.schema.ts and libs/idempotency/idempotency-keys.schema.ts, as the project generator
-- renders them (drizzle-kit diff, renderMigration); make db-generate could not introspect the composite keys.
CREATE TYPE "public"."crm_language" AS ENUM('de', 'en');
CREATE TYPE "public"."crm_salutation" AS ENUM('mr', 'ms', 'mx');
CREATE TYPE "public"."company_legal_form" AS ENUM('gmbh', 'ug', 'ag', 'gmbh_co_kg', 'kg', 'ohg', 'gbr', 'ek', 'sole_trader', 'association', 'cooperative', 'public_body', 'weg', 'other');
CREATE TYPE "public"."lead_source" AS ENUM('website_form', 'phone', 'email', 'referral', 'partner', 'campaign', 'event', 'other');
CREATE TYPE "public"."lead_status" AS ENUM('new', 'contacted', 'qualified', 'converted', 'lost');
CREATE TYPE "public"."lead_lost_reason" AS ENUM('not_reachable', 'not_interested', 'no_budget', 'not_eligible_for_funding', 'chose_competitor', 'project_postponed', 'out_of_service_area', 'duplicate', 'other');
CREATE TYPE "public"."lead_interest" AS ENUM('heat_pump', 'insulation', 'windows', 'photovoltaics', 'ventilation', 'energy_consulting', 'other');
CREATE TYPE "public"."building_type" AS ENUM('single_family', 'semi_detached', 'terraced', 'multi_family', 'apartment', 'commercial', 'mixed_use', 'other');
CREATE TYPE "public"."activity_type" AS ENUM('note', 'call', 'email', 'meeting');
CREATE TYPE "public"."activity_direction" AS ENUM('inbound', 'outbound');
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_method" text NOT NULL,
	"request_path" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb,
	"response_headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"legal_form" "company_legal_form",
	"vat_id" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"country_code" text,
	"website" text,
	"phone" text,
	"email" text,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"salutation" "crm_salutation",
	"title" text,
	"first_name" text,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"mobile" text,
	"company_id" uuid,
	"position" text,
	"preferred_language" "crm_language" DEFAULT 'de' NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"country_code" text,
	"marketing_consent" boolean DEFAULT false NOT NULL,
	"marketing_consent_at" timestamp with time zone,
	"marketing_consent_source" text,
	"owner_id" uuid,
	"department_id" uuid,
	"merged_into_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"source" "lead_source" NOT NULL,
	"status" "lead_status" DEFAULT 'new' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lost_reason" "lead_lost_reason",
	"lost_note" text,
	"interests" "lead_interest"[] NOT NULL,
	"message" text,
	"salutation" "crm_salutation",
	"first_name" text,
	"last_name" text,
	"company_name" text,
	"email" text,
	"phone" text,
	"preferred_language" "crm_language" DEFAULT 'de' NOT NULL,
	"property_street" text,
	"property_postal_code" text,
	"property_city" text,
	"property_country_code" text,
	"building_type" "building_type",
	"year_built" integer,
	"living_area_m2" numeric(9, 2),
	"residential_units" integer,
	"owner_occupied" boolean,
	"estimated_value_cents" bigint,
	"assignee_id" uuid,
	"department_id" uuid,
	"converted_at" timestamp with time zone,
	"converted_contact_id" uuid,
	"converted_company_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"type" "activity_type" NOT NULL,
	"direction" "activity_direction",
	"subject" text NOT NULL,
	"body" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"duration_minutes" integer,
	"lead_id" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"owner_id" uuid,
	"department_id" uuid,
	CONSTRAINT "activities_subject_present" CHECK (num_nonnulls("activities"."lead_id", "activities"."contact_id", "activities"."company_id") >= 1)
);
ALTER TABLE "companies" ADD CONSTRAINT "companies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "companies" ADD CONSTRAINT "companies_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_merged_into_id_contacts_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "leads" ADD CONSTRAINT "leads_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "leads" ADD CONSTRAINT "leads_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_contact_id_contacts_id_fk" FOREIGN KEY ("converted_contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_company_id_companies_id_fk" FOREIGN KEY ("converted_company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "activities" ADD CONSTRAINT "activities_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
CREATE UNIQUE INDEX "idempotency_keys_actor_key_key" ON "idempotency_keys" USING btree ("actor_id","key");
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys" USING btree ("expires_at");
CREATE INDEX "companies_owner_id_idx" ON "companies" USING btree ("owner_id");
CREATE INDEX "companies_department_id_idx" ON "companies" USING btree ("department_id");
CREATE INDEX "companies_created_by_idx" ON "companies" USING btree ("created_by");
CREATE INDEX "companies_email_idx" ON "companies" USING btree ("email" text_pattern_ops);
CREATE INDEX "companies_phone_idx" ON "companies" USING btree ("phone" text_pattern_ops);
CREATE INDEX "companies_created_at_id_idx" ON "companies" USING btree ("created_at","id");
CREATE INDEX "companies_name_idx" ON "companies" USING btree (lower("name"));
CREATE INDEX "companies_deleted_at_idx" ON "companies" USING btree ("deleted_at");
CREATE INDEX "companies_search_trgm_idx" ON "companies" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "contacts_company_id_idx" ON "contacts" USING btree ("company_id");
CREATE INDEX "contacts_owner_id_idx" ON "contacts" USING btree ("owner_id");
CREATE INDEX "contacts_department_id_idx" ON "contacts" USING btree ("department_id");
CREATE INDEX "contacts_created_by_idx" ON "contacts" USING btree ("created_by");
CREATE INDEX "contacts_merged_into_id_idx" ON "contacts" USING btree ("merged_into_id");
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree ("email" text_pattern_ops);
CREATE INDEX "contacts_phone_idx" ON "contacts" USING btree ("phone" text_pattern_ops);
CREATE INDEX "contacts_mobile_idx" ON "contacts" USING btree ("mobile" text_pattern_ops);
CREATE INDEX "contacts_created_at_id_idx" ON "contacts" USING btree ("created_at","id");
CREATE INDEX "contacts_last_name_idx" ON "contacts" USING btree (lower("last_name"));
CREATE INDEX "contacts_deleted_at_idx" ON "contacts" USING btree ("deleted_at");
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "leads_created_at_id_idx" ON "leads" USING btree ("created_at","id");
CREATE INDEX "leads_updated_at_id_idx" ON "leads" USING btree ("updated_at","id");
CREATE INDEX "leads_status_created_at_idx" ON "leads" USING btree ("status","created_at","id");
CREATE INDEX "leads_source_created_at_idx" ON "leads" USING btree ("source","created_at","id");
CREATE INDEX "leads_assignee_created_at_idx" ON "leads" USING btree ("assignee_id","created_at","id");
CREATE INDEX "leads_department_created_at_idx" ON "leads" USING btree ("department_id","created_at","id");
CREATE INDEX "leads_created_by_idx" ON "leads" USING btree ("created_by");
CREATE INDEX "leads_converted_contact_id_idx" ON "leads" USING btree ("converted_contact_id");
CREATE INDEX "leads_converted_company_id_idx" ON "leads" USING btree ("converted_company_id");
CREATE INDEX "leads_deleted_at_idx" ON "leads" USING btree ("deleted_at");
CREATE INDEX "leads_interests_idx" ON "leads" USING gin ("interests");
CREATE INDEX "leads_email_idx" ON "leads" USING btree ("email" text_pattern_ops);
CREATE INDEX "leads_phone_idx" ON "leads" USING btree ("phone" text_pattern_ops);
CREATE INDEX "leads_search_trgm_idx" ON "leads" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "activities_lead_timeline_idx" ON "activities" USING btree ("lead_id","occurred_at","id");
CREATE INDEX "activities_contact_timeline_idx" ON "activities" USING btree ("contact_id","occurred_at","id");
CREATE INDEX "activities_company_timeline_idx" ON "activities" USING btree ("company_id","occurred_at","id");
CREATE INDEX "activities_owner_id_idx" ON "activities" USING btree ("owner_id");
CREATE INDEX "activities_department_id_idx" ON "activities" USING btree ("department_id");
CREATE INDEX "activities_created_by_idx" ON "activities" USING btree ("created_by");
CREATE INDEX "activities_created_at_id_idx" ON "activities" USING btree ("created_at","id");
CREATE INDEX "activities_occurred_at_id_idx" ON "activities" USING btree ("occurred_at","id");
CREATE INDEX "activities_type_created_at_idx" ON "activities" USING btree ("type","created_at","id");
CREATE INDEX "activities_deleted_at_idx" ON "activities" USING btree ("deleted_at");
