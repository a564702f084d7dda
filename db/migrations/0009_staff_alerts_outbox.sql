CREATE TYPE "public"."alert_delivery" AS ENUM('immediate', 'digest');--> statement-breakpoint
CREATE TYPE "public"."alert_kind" AS ENUM('new_case', 'assigned', 'reporter_reply', 'deadline_soon', 'deadline_missed', 'escalation', 'digest');--> statement-breakpoint
CREATE TYPE "public"."alert_channel" AS ENUM('email', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."alert_status" AS ENUM('held', 'digest', 'queued', 'bundled', 'sent');--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "alert_delivery" "alert_delivery" DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
CREATE TABLE "alert_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "alert_kind" NOT NULL,
	"channel" "alert_channel" NOT NULL,
	"status" "alert_status" NOT NULL,
	"recipient_staff_id" integer NOT NULL,
	"report_id" uuid,
	"due_on" date,
	"digest_id" uuid,
	"dedup_key" text NOT NULL,
	"created_on" date NOT NULL,
	"sent_on" date,
	CONSTRAINT "alert_outbox_dedup_key_unique" UNIQUE("dedup_key"),
	CONSTRAINT "alert_outbox_digest_has_no_case" CHECK (("alert_outbox"."kind" = 'digest') = ("alert_outbox"."report_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"outbox_id" uuid PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone,
	"retry_after" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "alert_rounds" (
	"slot" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_outbox" ADD CONSTRAINT "alert_outbox_recipient_staff_id_staff_id_fk" FOREIGN KEY ("recipient_staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_outbox" ADD CONSTRAINT "alert_outbox_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_outbox" ADD CONSTRAINT "alert_outbox_digest_id_alert_outbox_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."alert_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_outbox_id_alert_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."alert_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_outbox_pending_idx" ON "alert_outbox" USING btree ("status","channel");--> statement-breakpoint
CREATE INDEX "alert_outbox_report_idx" ON "alert_outbox" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "alert_outbox_digest_idx" ON "alert_outbox" USING btree ("digest_id");
