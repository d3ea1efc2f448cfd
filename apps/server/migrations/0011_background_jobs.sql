CREATE TABLE "job_progress" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "elder_import_jobs" ADD COLUMN "file" "bytea";--> statement-breakpoint
ALTER TABLE "elder_import_jobs" ADD COLUMN "actor" jsonb;--> statement-breakpoint
ALTER TABLE "elder_import_jobs" ADD COLUMN "locale" varchar(5) DEFAULT 'zh-CN' NOT NULL;--> statement-breakpoint
ALTER TABLE "elder_import_jobs" ADD COLUMN "job_id" uuid;--> statement-breakpoint
-- Imports started before jobs were durable have no file to resume from: they end as interrupted.
UPDATE "elder_import_jobs" SET "status" = 'failed', "failure" = 'ELDER_IMPORT_INTERRUPTED', "finished_at" = now() WHERE "status" = 'running';--> statement-breakpoint
-- Early failures kept the raw error text (SQL included); only codes are kept now.
UPDATE "elder_import_jobs" SET "failure" = 'ELDER_IMPORT_FAILED' WHERE "failure" IS NOT NULL AND "failure" !~ '^[A-Z][A-Z0-9_]*$';
