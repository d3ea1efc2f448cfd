DROP INDEX "elders_region_level_idx";--> statement-breakpoint
CREATE INDEX "elders_region_level_idx" ON "elders" USING btree ("region_code" varchar_pattern_ops,"current_level","status");