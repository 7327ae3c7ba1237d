-- role_permissions and user_roles get a surrogate id instead of a composite primary key (drizzle-kit
-- introspection cannot read composite keys). Rendered with drizzle-kit's snapshot diff, since make db-generate
-- could not introspect the previous state.
ALTER TABLE "role_permissions" DROP CONSTRAINT "role_permissions_pkey";
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_pkey";
ALTER TABLE "role_permissions" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;
ALTER TABLE "user_roles" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_role_id_permission_key" UNIQUE("role_id","permission");
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_role_id_key" UNIQUE("user_id","role_id");
