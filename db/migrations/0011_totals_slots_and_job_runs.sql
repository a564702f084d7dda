ALTER TABLE "skm_daily_totals" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "skm_daily_totals" DROP CONSTRAINT "skm_daily_totals_unit_id_day_pk";--> statement-breakpoint
ALTER TABLE "skm_daily_totals" ADD CONSTRAINT "skm_daily_totals_unit_id_day_slot_pk" PRIMARY KEY("unit_id","day","slot");--> statement-breakpoint
ALTER TABLE "perception_daily_totals" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "perception_daily_totals" DROP CONSTRAINT "perception_daily_totals_unit_id_day_pk";--> statement-breakpoint
ALTER TABLE "perception_daily_totals" ADD CONSTRAINT "perception_daily_totals_unit_id_day_slot_pk" PRIMARY KEY("unit_id","day","slot");--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"finished_at" timestamp with time zone NOT NULL
);
