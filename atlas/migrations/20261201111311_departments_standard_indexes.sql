CREATE INDEX "departments_created_at_id_idx" ON "departments" USING btree ("created_at","id");
CREATE INDEX "departments_created_by_idx" ON "departments" USING btree ("created_by");
CREATE INDEX "departments_deleted_at_idx" ON "departments" USING btree ("deleted_at");
