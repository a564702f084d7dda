CREATE TYPE "public"."access_request_kind" AS ENUM('grant', 'password_reset', 'two_factor_reset');--> statement-breakpoint
CREATE TYPE "public"."access_request_status" AS ENUM('pending', 'approved', 'refused');--> statement-breakpoint
CREATE TABLE "access_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "access_request_kind" NOT NULL,
	"target_staff_id" integer NOT NULL,
	"role" "staff_role",
	"region_id" integer NOT NULL,
	"requested_by_staff_id" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "access_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by_staff_id" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "access_requests_role_for_grants" CHECK (("access_requests"."kind" = 'grant') = ("access_requests"."role" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "report_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_on" date NOT NULL,
	"actor_staff_id" integer,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"report_id" uuid NOT NULL,
	"region_id" integer NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rate_limits" (
	"bucket" text NOT NULL,
	"key_hash" text NOT NULL,
	"window_start" date NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_rate_limits_bucket_key_hash_window_start_pk" PRIMARY KEY("bucket","key_hash","window_start")
);
--> statement-breakpoint
DROP INDEX "report_events_report_idx";--> statement-breakpoint
-- Existing events keep their order within their report as "seq", then lose the number they
-- drew from the sequence shared by every report (it ordered filings against timed rows).
ALTER TABLE "report_events" ADD COLUMN "seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "report_events" AS e SET "seq" = n."seq"
  FROM (SELECT "id", row_number() OVER (PARTITION BY "report_id" ORDER BY "occurred_on", "id") AS "seq" FROM "report_events") AS n
  WHERE n."id" = e."id";--> statement-breakpoint
ALTER TABLE "report_events" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "report_events" ALTER COLUMN "id" SET DATA TYPE uuid USING gen_random_uuid();--> statement-breakpoint
ALTER TABLE "report_events" ALTER COLUMN "id" SET DEFAULT gen_random_uuid();--> statement-breakpoint
-- The next number of the report, so that every writer gets the order right without a shared counter.
CREATE FUNCTION report_events_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT coalesce(max("seq"), 0) + 1 INTO NEW."seq" FROM "report_events" WHERE "report_id" = NEW."report_id";
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER report_events_seq BEFORE INSERT ON "report_events"
  FOR EACH ROW EXECUTE FUNCTION report_events_next_seq();--> statement-breakpoint
-- The report audit log is append-only like audit_log (migration 0002).
CREATE TRIGGER report_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "report_audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
CREATE TRIGGER report_audit_log_no_truncate BEFORE TRUNCATE ON "report_audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
-- The report paths' counters move to their own table.
INSERT INTO "report_rate_limits" ("bucket", "key_hash", "window_start", "hits")
  SELECT "bucket", "key_hash", ("window_start" AT TIME ZONE 'UTC')::date, "hits" FROM "rate_limits" WHERE "bucket" LIKE 'report-%';--> statement-breakpoint
DELETE FROM "rate_limits" WHERE "bucket" LIKE 'report-%';--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_target_staff_id_staff_id_fk" FOREIGN KEY ("target_staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_requested_by_staff_id_staff_id_fk" FOREIGN KEY ("requested_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_decided_by_staff_id_staff_id_fk" FOREIGN KEY ("decided_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_audit_log" ADD CONSTRAINT "report_audit_log_actor_staff_id_staff_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."staff"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_audit_log" ADD CONSTRAINT "report_audit_log_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_one_pending_key" ON "access_requests" USING btree ("kind","target_staff_id","region_id") WHERE "access_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "access_requests_region_idx" ON "access_requests" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "report_audit_log_region_idx" ON "report_audit_log" USING btree ("region_id","occurred_on");--> statement-breakpoint
CREATE INDEX "report_audit_log_report_idx" ON "report_audit_log" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_rate_limits_window_idx" ON "report_rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","seq");