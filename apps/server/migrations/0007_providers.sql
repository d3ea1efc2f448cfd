CREATE TABLE "provider_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"changes" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"reason" varchar(500) NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"requested_by" varchar(32) NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" varchar(32),
	"decided_at" timestamp with time zone,
	"decision_reason" varchar(500)
);
--> statement-breakpoint
CREATE TABLE "provider_medical_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"institution" varchar(100) NOT NULL,
	"green_channel" boolean DEFAULT false NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_services" (
	"provider_id" uuid NOT NULL,
	"item_code" varchar(40) NOT NULL,
	"price_fen" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" varchar(50) NOT NULL,
	"id_number_enc" varchar(200) NOT NULL,
	"id_number_index" varchar(64) NOT NULL,
	"id_number_masked" varchar(18) NOT NULL,
	"sex" varchar(6) NOT NULL,
	"birth_date" date NOT NULL,
	"phone_enc" varchar(200),
	"phone_masked" varchar(20),
	"role" varchar(16) NOT NULL,
	"employed_from" date NOT NULL,
	"employed_to" date,
	"awards" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"ownership" varchar(20) NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"legal_representative" varchar(50) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" varchar(200) NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"service_radius_m" integer DEFAULT 1500 NOT NULL,
	"opening_hours" varchar(100),
	"phone" varchar(20),
	"description" varchar(1000),
	"filing_status" varchar(12) DEFAULT 'not_filed' NOT NULL,
	"filing_no" varchar(50),
	"filed_on" date,
	"filing_changed_on" date,
	"filing_cancelled_on" date,
	"filing_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grade" smallint,
	"graded_on" date,
	"grade_body" varchar(100),
	"beds_total" integer DEFAULT 0 NOT NULL,
	"beds_nursing" integer DEFAULT 0 NOT NULL,
	"beds_occupied" integer DEFAULT 0 NOT NULL,
	"operating_status" varchar(12) DEFAULT 'operating' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"item_code" varchar(40) NOT NULL,
	"target_rule" jsonb NOT NULL,
	"content" varchar(1000) NOT NULL,
	"standard" varchar(500) NOT NULL,
	"provider_ids" uuid[] DEFAULT '{}' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" varchar(32) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_reference_prices" (
	"region_code" varchar(12) NOT NULL,
	"item_code" varchar(40) NOT NULL,
	"price_fen" integer NOT NULL,
	"updated_by" varchar(32) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"level" smallint,
	"number" varchar(50) NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"course" varchar(100) NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"trained_on" date NOT NULL,
	"trainer" varchar(100),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "min_lat" double precision;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "max_lat" double precision;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "min_lng" double precision;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "max_lng" double precision;--> statement-breakpoint
ALTER TABLE "provider_change_requests" ADD CONSTRAINT "provider_change_requests_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_change_requests" ADD CONSTRAINT "provider_change_requests_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_medical_agreements" ADD CONSTRAINT "provider_medical_agreements_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_services" ADD CONSTRAINT "provider_services_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_staff" ADD CONSTRAINT "provider_staff_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_staff" ADD CONSTRAINT "provider_staff_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_list_items" ADD CONSTRAINT "purchase_list_items_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_reference_prices" ADD CONSTRAINT "service_reference_prices_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_staff_id_provider_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."provider_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_trainings" ADD CONSTRAINT "staff_trainings_staff_id_provider_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."provider_staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_change_requests_region_idx" ON "provider_change_requests" USING btree ("region_code" varchar_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_change_requests_one_pending" ON "provider_change_requests" USING btree ("provider_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "provider_medical_agreements_provider_idx" ON "provider_medical_agreements" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_services_key" ON "provider_services" USING btree ("provider_id","item_code");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_staff_person_key" ON "provider_staff" USING btree ("provider_id","id_number_index");--> statement-breakpoint
CREATE INDEX "provider_staff_region_idx" ON "provider_staff" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "providers_credit_code_key" ON "providers" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "providers_region_idx" ON "providers" USING btree ("region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "providers_kind_idx" ON "providers" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "purchase_list_items_region_idx" ON "purchase_list_items" USING btree ("region_code" varchar_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_reference_prices_key" ON "service_reference_prices" USING btree ("region_code","item_code");--> statement-breakpoint
CREATE INDEX "staff_certificates_staff_idx" ON "staff_certificates" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_certificates_expiry_idx" ON "staff_certificates" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "staff_trainings_staff_idx" ON "staff_trainings" USING btree ("staff_id","trained_on");--> statement-breakpoint
-- Provider accounts made before providers existed point nowhere: disable them (decision 0005).
UPDATE "users" SET "provider_id" = NULL, "status" = 'disabled' WHERE "provider_id" IS NOT NULL AND "provider_id" NOT IN (SELECT "id" FROM "providers");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;