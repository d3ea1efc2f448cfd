CREATE TABLE "assessment_agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" varchar(200),
	"phone" varchar(20),
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"cause" varchar(20) NOT NULL,
	"note" varchar(500),
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"raised_by" varchar(32) NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assessment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"agency_id" uuid NOT NULL,
	"reason" varchar(12) NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"assessor1_id" uuid NOT NULL,
	"assessor2_id" uuid NOT NULL,
	"place" varchar(200),
	"informant" jsonb,
	"assessed_on" date,
	"items" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"coma" boolean DEFAULT false NOT NULL,
	"dementia" boolean DEFAULT false NOT NULL,
	"mental_disorder" boolean DEFAULT false NOT NULL,
	"care_risk_events_30d" smallint DEFAULT 0 NOT NULL,
	"notes" varchar(1000),
	"dimensions" jsonb,
	"total" smallint,
	"initial_level" smallint,
	"final_level" smallint,
	"adjustments" jsonb,
	"valid_until" date,
	"request_id" uuid,
	"created_by" varchar(32) NOT NULL,
	"submitted_by" varchar(32),
	"submitted_at" timestamp with time zone,
	"reviewed_by" varchar(32),
	"reviewed_at" timestamp with time zone,
	"review_note" varchar(500),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"qualification" varchar(100) NOT NULL,
	"certificate_no" varchar(50) NOT NULL,
	"reviewer" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "current_level" smallint;--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "level_assessed_on" date;--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "level_valid_until" date;--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "current_assessment_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_agencies" ADD CONSTRAINT "assessment_agencies_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD CONSTRAINT "assessment_requests_elder_id_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."elders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_requests" ADD CONSTRAINT "assessment_requests_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_elder_id_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."elders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_agency_id_assessment_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."assessment_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor1_id_users_id_fk" FOREIGN KEY ("assessor1_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor2_id_users_id_fk" FOREIGN KEY ("assessor2_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessors" ADD CONSTRAINT "assessors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessors" ADD CONSTRAINT "assessors_agency_id_assessment_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."assessment_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_agencies_credit_code_key" ON "assessment_agencies" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "assessment_agencies_region_idx" ON "assessment_agencies" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "assessment_requests_region_idx" ON "assessment_requests" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_requests_one_open" ON "assessment_requests" USING btree ("elder_id") WHERE status in ('open', 'scheduled');--> statement-breakpoint
CREATE INDEX "assessments_elder_idx" ON "assessments" USING btree ("elder_id","created_at");--> statement-breakpoint
CREATE INDEX "assessments_region_idx" ON "assessments" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "assessments_agency_idx" ON "assessments" USING btree ("agency_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_open" ON "assessments" USING btree ("elder_id") WHERE status in ('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE INDEX "assessors_agency_idx" ON "assessors" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "elders_region_level_idx" ON "elders" USING btree ("region_code" varchar_pattern_ops,"current_level") WHERE current_level is not null;--> statement-breakpoint
CREATE INDEX "elders_level_valid_until_idx" ON "elders" USING btree ("level_valid_until") WHERE level_valid_until is not null;