CREATE TYPE "public"."scheduling_appointment_kind" AS ENUM('on_site_visit', 'consultation', 'isfp_handover', 'construction_supervision', 'phone_call', 'internal');
CREATE TYPE "public"."scheduling_appointment_status" AS ENUM('tentative', 'confirmed', 'completed', 'cancelled', 'no_show');
CREATE TYPE "public"."scheduling_language" AS ENUM('de', 'en');
CREATE TYPE "public"."scheduling_federal_state" AS ENUM('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH');
CREATE TYPE "public"."scheduling_absence_kind" AS ENUM('holiday', 'sick', 'training', 'other');
CREATE TABLE "appointment_kind_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "scheduling_appointment_kind" NOT NULL,
	"buffer_before_minutes" integer NOT NULL,
	"buffer_after_minutes" integer NOT NULL,
	"reminder_lead_minutes" integer[] NOT NULL,
	"on_site" boolean NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL
);
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" "scheduling_appointment_kind" NOT NULL,
	"kind_setting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" "scheduling_appointment_status" DEFAULT 'tentative' NOT NULL,
	"status_reason" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"buffer_before_minutes" integer NOT NULL,
	"buffer_after_minutes" integer NOT NULL,
	"outside_working_hours" boolean DEFAULT false NOT NULL,
	"contact_id" uuid,
	"project_id" uuid,
	"lead_id" uuid,
	"location_street" text,
	"location_postal_code" text,
	"location_city" text,
	"remote_url" text,
	"notes" jsonb,
	"language" "scheduling_language" DEFAULT 'de' NOT NULL,
	"consultant_ids" uuid[] NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "appointment_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"busy" "tstzrange" NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
CREATE TABLE "appointment_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"lead_minutes" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"emitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "appointment_customer_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"alternatives" jsonb NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
CREATE TABLE "scheduling_public_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE "consultant_working_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"federal_state" "scheduling_federal_state" NOT NULL,
	"department_id" uuid,
	CONSTRAINT "consultant_working_hours_minutes_check" CHECK ("consultant_working_hours"."start_minute" >= 0 AND "consultant_working_hours"."start_minute" < "consultant_working_hours"."end_minute" AND "consultant_working_hours"."end_minute" <= 1440)
);
CREATE TABLE "consultant_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "scheduling_absence_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"department_id" uuid
);
CREATE TABLE "postcode_regions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"source" text NOT NULL
);
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_kind_setting_id_appointment_kind_settings_id_fk" FOREIGN KEY ("kind_setting_id") REFERENCES "public"."appointment_kind_settings"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointment_participants" ADD CONSTRAINT "appointment_participants_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "appointment_participants" ADD CONSTRAINT "appointment_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "appointment_reminders" ADD CONSTRAINT "appointment_reminders_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "appointment_customer_links" ADD CONSTRAINT "appointment_customer_links_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "consultant_working_hours" ADD CONSTRAINT "consultant_working_hours_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "consultant_working_hours" ADD CONSTRAINT "consultant_working_hours_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "consultant_absences" ADD CONSTRAINT "consultant_absences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "consultant_absences" ADD CONSTRAINT "consultant_absences_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
CREATE UNIQUE INDEX "appointment_kind_settings_kind_valid_from_unique" ON "appointment_kind_settings" USING btree ("kind","valid_from");
CREATE INDEX "appointments_created_at_id_idx" ON "appointments" USING btree ("created_at","id");
CREATE INDEX "appointments_created_by_idx" ON "appointments" USING btree ("created_by");
CREATE INDEX "appointments_deleted_at_idx" ON "appointments" USING btree ("deleted_at");
CREATE INDEX "appointments_owner_id_idx" ON "appointments" USING btree ("owner_id");
CREATE INDEX "appointments_department_id_idx" ON "appointments" USING btree ("department_id");
CREATE INDEX "appointments_starts_at_id_idx" ON "appointments" USING btree ("starts_at","id");
CREATE INDEX "appointments_status_starts_at_idx" ON "appointments" USING btree ("status","starts_at");
CREATE INDEX "appointments_kind_setting_id_idx" ON "appointments" USING btree ("kind_setting_id");
CREATE INDEX "appointments_contact_id_idx" ON "appointments" USING btree ("contact_id");
CREATE INDEX "appointments_project_id_idx" ON "appointments" USING btree ("project_id");
CREATE INDEX "appointments_lead_id_idx" ON "appointments" USING btree ("lead_id");
CREATE INDEX "appointments_consultant_ids_idx" ON "appointments" USING gin ("consultant_ids");
CREATE INDEX "appointments_search_trgm_idx" ON "appointments" USING gin ("search_text" gin_trgm_ops);
CREATE UNIQUE INDEX "appointment_participants_appointment_user_unique" ON "appointment_participants" USING btree ("appointment_id","user_id");
CREATE INDEX "appointment_participants_user_id_idx" ON "appointment_participants" USING btree ("user_id");
CREATE UNIQUE INDEX "appointment_reminders_unique" ON "appointment_reminders" USING btree ("appointment_id","lead_minutes","starts_at");
CREATE UNIQUE INDEX "appointment_customer_links_token_hash_unique" ON "appointment_customer_links" USING btree ("token_hash");
CREATE INDEX "appointment_customer_links_appointment_id_idx" ON "appointment_customer_links" USING btree ("appointment_id");
CREATE INDEX "scheduling_public_requests_client_ip_created_at_idx" ON "scheduling_public_requests" USING btree ("client_ip","created_at");
CREATE UNIQUE INDEX "calendar_feed_tokens_user_id_unique" ON "calendar_feed_tokens" USING btree ("user_id");
CREATE UNIQUE INDEX "calendar_feed_tokens_token_hash_unique" ON "calendar_feed_tokens" USING btree ("token_hash");
CREATE INDEX "consultant_working_hours_created_at_id_idx" ON "consultant_working_hours" USING btree ("created_at","id");
CREATE INDEX "consultant_working_hours_created_by_idx" ON "consultant_working_hours" USING btree ("created_by");
CREATE INDEX "consultant_working_hours_deleted_at_idx" ON "consultant_working_hours" USING btree ("deleted_at");
CREATE INDEX "consultant_working_hours_user_id_idx" ON "consultant_working_hours" USING btree ("user_id","weekday");
CREATE INDEX "consultant_working_hours_department_id_idx" ON "consultant_working_hours" USING btree ("department_id");
CREATE INDEX "consultant_absences_created_at_id_idx" ON "consultant_absences" USING btree ("created_at","id");
CREATE INDEX "consultant_absences_created_by_idx" ON "consultant_absences" USING btree ("created_by");
CREATE INDEX "consultant_absences_deleted_at_idx" ON "consultant_absences" USING btree ("deleted_at");
CREATE INDEX "consultant_absences_user_id_starts_at_idx" ON "consultant_absences" USING btree ("user_id","starts_at");
CREATE INDEX "consultant_absences_department_id_idx" ON "consultant_absences" USING btree ("department_id");
CREATE UNIQUE INDEX "postcode_regions_prefix_unique" ON "postcode_regions" USING btree ("prefix");
