CREATE TABLE "elder_survival_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"elder_id" uuid NOT NULL,
	"method" varchar(12) NOT NULL,
	"checked_on" date NOT NULL,
	"result" varchar(10) NOT NULL,
	"checked_by" varchar(64) NOT NULL,
	"notes" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_settings" (
	"region_code" varchar(12) NOT NULL,
	"region_prefix" varchar(12) NOT NULL,
	"key" varchar(64) NOT NULL,
	"value" integer NOT NULL,
	"updated_by" varchar(64),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_settings_region_code_key_pk" PRIMARY KEY("region_code","key")
);
--> statement-breakpoint
ALTER TABLE "elders" ADD COLUMN "survival_checked_on" date;--> statement-breakpoint
ALTER TABLE "elder_survival_checks" ADD CONSTRAINT "elder_survival_checks_elder_id_elders_id_fk" FOREIGN KEY ("elder_id") REFERENCES "public"."elders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elder_survival_checks_elder_idx" ON "elder_survival_checks" USING btree ("elder_id","checked_on");