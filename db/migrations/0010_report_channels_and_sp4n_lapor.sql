CREATE TYPE "public"."report_channel" AS ENUM('web', 'phone', 'whatsapp', 'letter', 'complaint_box', 'in_person');--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "channel" "report_channel" DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TYPE "public"."report_destination" ADD VALUE 'sp4n_lapor' BEFORE 'unit_head';
