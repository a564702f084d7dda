DROP INDEX "access_requests_one_pending_key";--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_one_pending_key" ON "access_requests" USING btree ("kind","target_staff_id","region_id",coalesce("unit_id", 0)) WHERE "access_requests"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_unit_for_grants" CHECK ("access_requests"."unit_id" IS NULL OR "access_requests"."kind" = 'grant');