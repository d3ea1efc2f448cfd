-- Scope follows the owner (issue 9): change requests, assessments, re-assessment requests and staff
-- no longer keep a copy of their owner's region, which a move left behind; they are scoped by
-- joining the elder or provider. Accounts record who created them and who set their password,
-- for maker-checker independence.
ALTER TABLE "assessment_requests" DROP CONSTRAINT "assessment_requests_region_code_regions_code_fk";
--> statement-breakpoint
ALTER TABLE "assessments" DROP CONSTRAINT "assessments_region_code_regions_code_fk";
--> statement-breakpoint
ALTER TABLE "provider_change_requests" DROP CONSTRAINT "provider_change_requests_region_code_regions_code_fk";
--> statement-breakpoint
ALTER TABLE "provider_staff" DROP CONSTRAINT "provider_staff_region_code_regions_code_fk";
--> statement-breakpoint
DROP INDEX "assessment_requests_region_idx";--> statement-breakpoint
DROP INDEX "assessments_region_idx";--> statement-breakpoint
DROP INDEX "elder_change_requests_region_idx";--> statement-breakpoint
DROP INDEX "provider_change_requests_region_idx";--> statement-breakpoint
DROP INDEX "provider_staff_region_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_set_by" uuid;--> statement-breakpoint
CREATE INDEX "elder_change_requests_status_idx" ON "elder_change_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "provider_change_requests_status_idx" ON "provider_change_requests" USING btree ("status","requested_at");--> statement-breakpoint
ALTER TABLE "assessment_requests" DROP COLUMN "region_code";--> statement-breakpoint
ALTER TABLE "assessments" DROP COLUMN "region_code";--> statement-breakpoint
ALTER TABLE "elder_change_requests" DROP COLUMN "region_code";--> statement-breakpoint
ALTER TABLE "provider_change_requests" DROP COLUMN "region_code";--> statement-breakpoint
ALTER TABLE "provider_staff" DROP COLUMN "region_code";--> statement-breakpoint
ALTER TABLE "provider_change_requests" ADD COLUMN "requested_by_id" uuid;--> statement-breakpoint
UPDATE "provider_change_requests" r SET "requested_by_id" = u."id" FROM "users" u WHERE u."username" = r."requested_by";--> statement-breakpoint
-- A requester whose account cannot be found is nobody who could decide: the nil id.
UPDATE "provider_change_requests" SET "requested_by_id" = '00000000-0000-0000-0000-000000000000' WHERE "requested_by_id" IS NULL;--> statement-breakpoint
ALTER TABLE "provider_change_requests" ALTER COLUMN "requested_by_id" SET NOT NULL;
