CREATE TABLE "elder_versions" (
	"elder_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" varchar(64),
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_index" varchar(64) NOT NULL,
	"id_number_masked" varchar(18) NOT NULL,
	"name" varchar(50) NOT NULL,
	"sex" varchar(6) NOT NULL,
	"birth_date" date NOT NULL,
	"phone_enc" text,
	"phone_masked" varchar(20),
	"hukou_region_code" varchar(12) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" varchar(200) NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"living_arrangement" varchar(20) NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"disability_grade" smallint,
	"chronic_conditions" text[] DEFAULT '{}' NOT NULL,
	"dementia_diagnosed" boolean DEFAULT false NOT NULL,
	"dementia_diagnosed_on" date,
	"family_doctor_signed" boolean DEFAULT false NOT NULL,
	"family_doctor_institution" varchar(100),
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"status_date" date,
	"notes" varchar(1000),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "elder_versions" ADD CONSTRAINT "elder_versions_elder_id_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."elders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elders" ADD CONSTRAINT "elders_hukou_region_code_regions_code_fk" FOREIGN KEY ("hukou_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elders" ADD CONSTRAINT "elders_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "elder_versions_key" ON "elder_versions" USING btree ("elder_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "elders_id_number_index_key" ON "elders" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "elders_region_idx" ON "elders" USING btree ("region_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "elders_categories_idx" ON "elders" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "elders_birth_date_idx" ON "elders" USING btree ("birth_date");