CREATE TABLE "elder_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"changes" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"reason" varchar(500) NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_by" varchar(64) NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_by" varchar(64),
	"decided_at" timestamp with time zone,
	"decision_reason" varchar(500)
);
--> statement-breakpoint
ALTER TABLE "elder_change_requests" ADD CONSTRAINT "elder_change_requests_elder_id_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."elders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elder_change_requests_region_idx" ON "elder_change_requests" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "elder_change_requests_one_pending" ON "elder_change_requests" USING btree ("elder_id") WHERE status = 'pending';