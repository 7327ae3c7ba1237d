CREATE TYPE "public"."component_category" AS ENUM('external_wall_air', 'external_wall_ground', 'external_wall_unheated', 'pitched_roof', 'flat_roof', 'dormer', 'top_floor_ceiling', 'basement_ceiling', 'ground_slab', 'ceiling_to_outside_below', 'window', 'roof_window', 'external_door', 'curtain_wall', 'glass_roof');
CREATE TYPE "public"."heat_flow_direction" AS ENUM('upwards', 'horizontal', 'downwards');
CREATE TYPE "public"."component_boundary" AS ENUM('outside_air', 'ground', 'unheated_space');
CREATE TYPE "public"."envelope_trigger" AS ENUM('any', 'replacement', 'insulation_added', 'render_renewed', 'glazing_replaced', 'waterproofing_replaced', 'floor_buildup_heated_side');
CREATE TYPE "public"."energy_carrier" AS ENUM('natural_gas', 'lpg', 'heating_oil', 'electricity', 'wood_pellets', 'wood_logs', 'wood_chips', 'district_heat', 'coal', 'solar', 'ambient_heat', 'other');
CREATE TYPE "public"."project_status" AS ENUM('new', 'survey_planned', 'surveyed', 'scenarios_presented', 'quoted', 'contracted', 'funding_applied', 'in_execution', 'completed', 'closed', 'cancelled');
CREATE TYPE "public"."project_interest" AS ENUM('heat_pump', 'insulation', 'windows', 'photovoltaics', 'ventilation', 'energy_consulting', 'other');
CREATE TYPE "public"."project_building_type" AS ENUM('single_family', 'semi_detached', 'terraced', 'multi_family', 'apartment', 'commercial', 'mixed_use', 'other');
CREATE TYPE "public"."energy_certificate_class" AS ENUM('a_plus', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
CREATE TYPE "public"."heating_kind" AS ENUM('gas_boiler', 'gas_floor_heating', 'oil_boiler', 'coal_stove', 'night_storage', 'heat_pump_air', 'heat_pump_ground', 'heat_pump_water', 'biomass_boiler', 'district_heating', 'electric_direct', 'other');
CREATE TYPE "public"."requirement_set_kind" AS ENUM('legal_maximum', 'funding_minimum');
CREATE TYPE "public"."u_value_quantity" AS ENUM('u', 'u_w', 'u_g', 'u_c');
CREATE TYPE "public"."material_group" AS ENUM('masonry', 'concrete', 'plaster_mortar_screed', 'insulation', 'wood', 'board', 'metal', 'glass', 'membrane', 'stone', 'covering', 'soil', 'other');
CREATE TYPE "public"."component_orientation" AS ENUM('n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw', 'horizontal');
CREATE TYPE "public"."component_condition" AS ENUM('good', 'fair', 'poor', 'defective');
CREATE TYPE "public"."u_value_source" AS ENUM('computed', 'declared');
CREATE TYPE "public"."building_system_kind" AS ENUM('heat_generator', 'hot_water', 'distribution', 'ventilation', 'photovoltaics', 'storage', 'solar_thermal', 'building_automation');
CREATE TYPE "public"."scenario_kind" AS ENUM('isfp', 'comparison');
CREATE TYPE "public"."scenario_status" AS ENUM('draft', 'presented', 'accepted', 'rejected', 'superseded');
CREATE TYPE "public"."measure_kind" AS ENUM('wall_insulation', 'roof_insulation', 'ceiling_insulation', 'floor_insulation', 'windows', 'doors', 'heat_pump_air', 'heat_pump_ground', 'heat_pump_water', 'biomass', 'solar_thermal', 'district_heating', 'ventilation_heat_recovery', 'hydraulic_balancing', 'photovoltaics', 'storage', 'other');
CREATE TYPE "public"."measure_vat_category" AS ENUM('standard', 'reduced', 'zero_rated_pv');
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"status" "project_status" DEFAULT 'new' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancellation_reason" text,
	"contact_id" uuid NOT NULL,
	"company_id" uuid,
	"source_lead_id" uuid,
	"interests" "project_interest"[] NOT NULL,
	"notes" text,
	"owner_id" uuid,
	"department_id" uuid,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "project_number_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_value" integer NOT NULL
);
CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text,
	"street" text,
	"postal_code" text,
	"city" text,
	"country_code" text,
	"building_type" "project_building_type",
	"year_of_construction" integer,
	"year_of_building_permit" integer,
	"residential_units" integer,
	"owner_occupied_units" integer,
	"heated_living_area_m2" numeric(9, 2),
	"useful_area_m2" numeric(9, 2),
	"storeys" integer,
	"listed" boolean DEFAULT false NOT NULL,
	"energy_certificate_class" "energy_certificate_class",
	"final_energy_kwh_m2a" numeric(7, 1),
	"primary_energy_kwh_m2a" numeric(7, 1),
	"heating_kind" "heating_kind",
	"heating_energy_carrier" "energy_carrier",
	"heating_year_installed" integer,
	"heating_working" boolean,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "u_value_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"edition" text NOT NULL,
	"significant_figures" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "u_value_methods_validity_order" CHECK ("u_value_methods"."valid_to" is null or "u_value_methods"."valid_to" >= "u_value_methods"."valid_from")
);
CREATE TABLE "surface_resistances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"method_id" uuid NOT NULL,
	"heat_flow" "heat_flow_direction" NOT NULL,
	"boundary" "component_boundary" NOT NULL,
	"rsi" numeric(5, 3) NOT NULL,
	"rse" numeric(5, 3) NOT NULL,
	"source" text NOT NULL
);
CREATE TABLE "requirement_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" "requirement_set_kind" NOT NULL,
	"short_name" jsonb NOT NULL,
	"name" jsonb NOT NULL,
	"version_label" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_sets_validity_order" CHECK ("requirement_sets"."valid_to" is null or "requirement_sets"."valid_to" >= "requirement_sets"."valid_from")
);
CREATE TABLE "requirement_limits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_set_id" uuid NOT NULL,
	"category" "component_category" NOT NULL,
	"trigger" "envelope_trigger" NOT NULL,
	"quantity" "u_value_quantity" NOT NULL,
	"u_max" numeric(4, 2) NOT NULL,
	"citation" text NOT NULL,
	"component_label" jsonb NOT NULL
);
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"name" jsonb NOT NULL,
	"group" "material_group" NOT NULL,
	"lambda" numeric(7, 4) NOT NULL,
	"density_kg_m3" integer,
	"source" text NOT NULL,
	"seeded" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "building_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" "component_category" NOT NULL,
	"orientation" "component_orientation",
	"area_m2" numeric(9, 2),
	"year_built" integer,
	"year_renewed" integer,
	"condition" "component_condition",
	"heat_flow_direction" "heat_flow_direction",
	"layers" jsonb NOT NULL,
	"declared_u_value" numeric(6, 3),
	"u_value" double precision,
	"u_value_rounded" numeric(8, 4),
	"u_value_source" "u_value_source",
	"u_value_method_id" uuid,
	"notes" text
);
CREATE TABLE "building_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"kind" "building_system_kind" NOT NULL,
	"description" text,
	"energy_carrier" "energy_carrier",
	"power_kw" numeric(9, 2),
	"year_installed" integer,
	"peak_power_kwp" numeric(9, 2),
	"capacity_kwh" numeric(9, 2),
	"heat_recovery" boolean,
	"hydraulically_balanced" boolean,
	"notes" text
);
CREATE TABLE "scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "scenario_kind" NOT NULL,
	"status" "scenario_status" DEFAULT 'draft' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"packages" jsonb NOT NULL,
	"description" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_revision_id" uuid,
	"copied_from_id" uuid,
	"presented_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL
);
CREATE TABLE "scenario_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"presented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"presented_by" uuid
);
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"scenario_id" uuid NOT NULL,
	"package_number" integer,
	"position" integer NOT NULL,
	"kind" "measure_kind" NOT NULL,
	"component_ids" uuid[] NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"new_layers" jsonb,
	"replaces_layers" boolean DEFAULT false NOT NULL,
	"target_u_value" numeric(6, 3),
	"trigger" "envelope_trigger" NOT NULL,
	"cost_estimate_net_cents" bigint,
	"vat_category" "measure_vat_category",
	"planned_year" integer,
	"planned_date" date,
	"expected_final_energy_savings_kwh_a" numeric(10, 1),
	"expected_co2_savings_kg_a" numeric(10, 1)
);
ALTER TABLE "projects" ADD CONSTRAINT "projects_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "projects" ADD CONSTRAINT "projects_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "projects" ADD CONSTRAINT "projects_source_lead_id_leads_id_fk" FOREIGN KEY ("source_lead_id") REFERENCES "public"."leads"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "projects" ADD CONSTRAINT "projects_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "surface_resistances" ADD CONSTRAINT "surface_resistances_method_id_u_value_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."u_value_methods"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "requirement_limits" ADD CONSTRAINT "requirement_limits_requirement_set_id_requirement_sets_id_fk" FOREIGN KEY ("requirement_set_id") REFERENCES "public"."requirement_sets"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "building_components" ADD CONSTRAINT "building_components_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "building_components" ADD CONSTRAINT "building_components_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "building_components" ADD CONSTRAINT "building_components_u_value_method_id_u_value_methods_id_fk" FOREIGN KEY ("u_value_method_id") REFERENCES "public"."u_value_methods"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "building_systems" ADD CONSTRAINT "building_systems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "building_systems" ADD CONSTRAINT "building_systems_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_previous_revision_id_scenarios_id_fk" FOREIGN KEY ("previous_revision_id") REFERENCES "public"."scenarios"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_copied_from_id_scenarios_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."scenarios"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "scenario_snapshots" ADD CONSTRAINT "scenario_snapshots_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "scenario_snapshots" ADD CONSTRAINT "scenario_snapshots_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "measures" ADD CONSTRAINT "measures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "measures" ADD CONSTRAINT "measures_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;
ALTER TABLE "measures" ADD CONSTRAINT "measures_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE restrict ON UPDATE no action;
CREATE INDEX "projects_created_at_id_idx" ON "projects" USING btree ("created_at","id");
CREATE INDEX "projects_created_by_idx" ON "projects" USING btree ("created_by");
CREATE INDEX "projects_deleted_at_idx" ON "projects" USING btree ("deleted_at");
CREATE INDEX "projects_owner_id_idx" ON "projects" USING btree ("owner_id");
CREATE INDEX "projects_department_id_idx" ON "projects" USING btree ("department_id");
CREATE UNIQUE INDEX "projects_number_unique" ON "projects" USING btree ("number");
CREATE UNIQUE INDEX "projects_source_lead_id_unique" ON "projects" USING btree ("source_lead_id");
CREATE INDEX "projects_status_created_at_idx" ON "projects" USING btree ("status","created_at","id");
CREATE INDEX "projects_updated_at_id_idx" ON "projects" USING btree ("updated_at","id");
CREATE INDEX "projects_title_idx" ON "projects" USING btree (lower("title"));
CREATE INDEX "projects_contact_id_idx" ON "projects" USING btree ("contact_id");
CREATE INDEX "projects_company_id_idx" ON "projects" USING btree ("company_id");
CREATE INDEX "projects_search_trgm_idx" ON "projects" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "buildings_created_at_id_idx" ON "buildings" USING btree ("created_at","id");
CREATE INDEX "buildings_created_by_idx" ON "buildings" USING btree ("created_by");
CREATE INDEX "buildings_deleted_at_idx" ON "buildings" USING btree ("deleted_at");
CREATE INDEX "buildings_project_id_created_at_idx" ON "buildings" USING btree ("project_id","created_at","id");
CREATE INDEX "buildings_search_trgm_idx" ON "buildings" USING gin ("search_text" gin_trgm_ops);
CREATE UNIQUE INDEX "u_value_methods_key_valid_from_unique" ON "u_value_methods" USING btree ("key","valid_from");
CREATE UNIQUE INDEX "surface_resistances_method_flow_boundary_unique" ON "surface_resistances" USING btree ("method_id","heat_flow","boundary");
CREATE INDEX "requirement_sets_key_valid_from_idx" ON "requirement_sets" USING btree ("key","valid_from");
CREATE UNIQUE INDEX "requirement_limits_set_category_trigger_unique" ON "requirement_limits" USING btree ("requirement_set_id","category","trigger");
CREATE INDEX "materials_created_at_id_idx" ON "materials" USING btree ("created_at","id");
CREATE INDEX "materials_created_by_idx" ON "materials" USING btree ("created_by");
CREATE INDEX "materials_deleted_at_idx" ON "materials" USING btree ("deleted_at");
CREATE INDEX "materials_group_created_at_idx" ON "materials" USING btree ("group","created_at","id");
CREATE INDEX "materials_name_idx" ON "materials" USING btree (lower("name"->>'de'));
CREATE INDEX "materials_search_trgm_idx" ON "materials" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "building_components_created_at_id_idx" ON "building_components" USING btree ("created_at","id");
CREATE INDEX "building_components_created_by_idx" ON "building_components" USING btree ("created_by");
CREATE INDEX "building_components_deleted_at_idx" ON "building_components" USING btree ("deleted_at");
CREATE INDEX "building_components_building_id_created_at_idx" ON "building_components" USING btree ("building_id","created_at","id");
CREATE INDEX "building_components_project_id_idx" ON "building_components" USING btree ("project_id");
CREATE INDEX "building_components_u_value_method_id_idx" ON "building_components" USING btree ("u_value_method_id");
CREATE INDEX "building_systems_created_at_id_idx" ON "building_systems" USING btree ("created_at","id");
CREATE INDEX "building_systems_created_by_idx" ON "building_systems" USING btree ("created_by");
CREATE INDEX "building_systems_deleted_at_idx" ON "building_systems" USING btree ("deleted_at");
CREATE INDEX "building_systems_building_id_created_at_idx" ON "building_systems" USING btree ("building_id","created_at","id");
CREATE INDEX "building_systems_project_id_idx" ON "building_systems" USING btree ("project_id");
CREATE INDEX "scenarios_created_at_id_idx" ON "scenarios" USING btree ("created_at","id");
CREATE INDEX "scenarios_created_by_idx" ON "scenarios" USING btree ("created_by");
CREATE INDEX "scenarios_deleted_at_idx" ON "scenarios" USING btree ("deleted_at");
CREATE INDEX "scenarios_building_id_created_at_idx" ON "scenarios" USING btree ("building_id","created_at","id");
CREATE INDEX "scenarios_project_id_created_at_idx" ON "scenarios" USING btree ("project_id","created_at","id");
CREATE INDEX "scenarios_previous_revision_id_idx" ON "scenarios" USING btree ("previous_revision_id");
CREATE INDEX "scenarios_copied_from_id_idx" ON "scenarios" USING btree ("copied_from_id");
CREATE UNIQUE INDEX "scenario_snapshots_scenario_version_unique" ON "scenario_snapshots" USING btree ("scenario_id","version");
CREATE INDEX "scenario_snapshots_project_id_idx" ON "scenario_snapshots" USING btree ("project_id");
CREATE INDEX "scenario_snapshots_presented_at_id_idx" ON "scenario_snapshots" USING btree ("presented_at","id");
CREATE INDEX "measures_created_at_id_idx" ON "measures" USING btree ("created_at","id");
CREATE INDEX "measures_created_by_idx" ON "measures" USING btree ("created_by");
CREATE INDEX "measures_deleted_at_idx" ON "measures" USING btree ("deleted_at");
CREATE INDEX "measures_scenario_id_created_at_idx" ON "measures" USING btree ("scenario_id","created_at","id");
CREATE INDEX "measures_scenario_id_position_idx" ON "measures" USING btree ("scenario_id","position");
CREATE INDEX "measures_project_id_idx" ON "measures" USING btree ("project_id");
CREATE INDEX "measures_building_id_idx" ON "measures" USING btree ("building_id");
CREATE INDEX "measures_component_ids_idx" ON "measures" USING gin ("component_ids");
