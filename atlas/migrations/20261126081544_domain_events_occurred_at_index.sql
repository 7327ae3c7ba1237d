CREATE INDEX "domain_events_occurred_at_idx" ON "domain_events" USING btree ("occurred_at");
