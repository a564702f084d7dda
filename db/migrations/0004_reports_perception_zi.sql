CREATE TYPE "public"."lke_component" AS ENUM('pemenuhan', 'reform');--> statement-breakpoint
CREATE TYPE "public"."lke_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."performance_grade" AS ENUM('A', 'B', 'C', 'D', 'E');--> statement-breakpoint
CREATE TYPE "public"."report_category" AS ENUM('pungli', 'calo', 'suap', 'gratifikasi', 'pemerasan', 'diskriminasi', 'lainnya');--> statement-breakpoint
CREATE TYPE "public"."report_destination" AS ENUM('inspektorat', 'ombudsman', 'kpk', 'aph', 'unit_head');--> statement-breakpoint
CREATE TYPE "public"."report_message_kind" AS ENUM('reporter', 'question', 'note');--> statement-breakpoint
CREATE TYPE "public"."report_outcome" AS ENUM('substantiated', 'not_substantiated', 'out_of_scope', 'duplicate', 'spam');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('received', 'triage', 'needs_info', 'verified', 'forwarded', 'handled_internally', 'closed');--> statement-breakpoint
CREATE TYPE "public"."zi_predicate" AS ENUM('none', 'wbk', 'wbbm');--> statement-breakpoint
CREATE TABLE "holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lke_answers" (
	"sheet_id" integer NOT NULL,
	"component" "lke_component" NOT NULL,
	"area" text NOT NULL,
	"subarea" text NOT NULL,
	"value" numeric(5, 4),
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "lke_answers_sheet_id_component_area_subarea_pk" PRIMARY KEY("sheet_id","component","area","subarea"),
	CONSTRAINT "lke_answers_value_range" CHECK ("lke_answers"."value" IS NULL OR "lke_answers"."value" BETWEEN 0 AND 1)
);
--> statement-breakpoint
CREATE TABLE "lke_sheets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lke_sheets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"profile_id" text NOT NULL,
	"status" "lke_status" DEFAULT 'draft' NOT NULL,
	"capaian_kinerja" "performance_grade",
	"ipak_external" numeric(4, 2),
	"ipkp_external" numeric(4, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "lke_sheets_unit_year_key" UNIQUE("unit_id","year"),
	CONSTRAINT "lke_sheets_ipak_range" CHECK ("lke_sheets"."ipak_external" IS NULL OR "lke_sheets"."ipak_external" BETWEEN 0 AND 4),
	CONSTRAINT "lke_sheets_ipkp_range" CHECK ("lke_sheets"."ipkp_external" IS NULL OR "lke_sheets"."ipkp_external" BETWEEN 0 AND 4)
);
--> statement-breakpoint
CREATE TABLE "lke_submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lke_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sheet_id" integer NOT NULL,
	"version" integer NOT NULL,
	"profile_id" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"score" jsonb NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lke_submissions_sheet_version_key" UNIQUE("sheet_id","version")
);
--> statement-breakpoint
CREATE TABLE "perception_daily_totals" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"spak_respondents" integer DEFAULT 0 NOT NULL,
	"spkp_respondents" integer DEFAULT 0 NOT NULL,
	"a1_sum" integer DEFAULT 0 NOT NULL,
	"a1_count" integer DEFAULT 0 NOT NULL,
	"a2_sum" integer DEFAULT 0 NOT NULL,
	"a2_count" integer DEFAULT 0 NOT NULL,
	"a3_sum" integer DEFAULT 0 NOT NULL,
	"a3_count" integer DEFAULT 0 NOT NULL,
	"a4_sum" integer DEFAULT 0 NOT NULL,
	"a4_count" integer DEFAULT 0 NOT NULL,
	"a5_sum" integer DEFAULT 0 NOT NULL,
	"a5_count" integer DEFAULT 0 NOT NULL,
	"a6_sum" integer DEFAULT 0 NOT NULL,
	"a6_count" integer DEFAULT 0 NOT NULL,
	"a7_sum" integer DEFAULT 0 NOT NULL,
	"a7_count" integer DEFAULT 0 NOT NULL,
	"a8_sum" integer DEFAULT 0 NOT NULL,
	"a8_count" integer DEFAULT 0 NOT NULL,
	"q1_sum" integer DEFAULT 0 NOT NULL,
	"q1_count" integer DEFAULT 0 NOT NULL,
	"q2_sum" integer DEFAULT 0 NOT NULL,
	"q2_count" integer DEFAULT 0 NOT NULL,
	"q3_sum" integer DEFAULT 0 NOT NULL,
	"q3_count" integer DEFAULT 0 NOT NULL,
	"q4_sum" integer DEFAULT 0 NOT NULL,
	"q4_count" integer DEFAULT 0 NOT NULL,
	"q5_sum" integer DEFAULT 0 NOT NULL,
	"q5_count" integer DEFAULT 0 NOT NULL,
	"q6_sum" integer DEFAULT 0 NOT NULL,
	"q6_count" integer DEFAULT 0 NOT NULL,
	"q7_sum" integer DEFAULT 0 NOT NULL,
	"q7_count" integer DEFAULT 0 NOT NULL,
	"q8_sum" integer DEFAULT 0 NOT NULL,
	"q8_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "perception_daily_totals_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "perception_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "perception_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"responded_on" date NOT NULL,
	"profile_id" text NOT NULL,
	"a1" smallint,
	"a2" smallint,
	"a3" smallint,
	"a4" smallint,
	"a5" smallint,
	"a6" smallint,
	"a7" smallint,
	"a8" smallint,
	"q1" smallint,
	"q2" smallint,
	"q3" smallint,
	"q4" smallint,
	"q5" smallint,
	"q6" smallint,
	"q7" smallint,
	"q8" smallint,
	CONSTRAINT "perception_responses_a1_range" CHECK ("perception_responses"."a1" IS NULL OR "perception_responses"."a1" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a2_range" CHECK ("perception_responses"."a2" IS NULL OR "perception_responses"."a2" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a3_range" CHECK ("perception_responses"."a3" IS NULL OR "perception_responses"."a3" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a4_range" CHECK ("perception_responses"."a4" IS NULL OR "perception_responses"."a4" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a5_range" CHECK ("perception_responses"."a5" IS NULL OR "perception_responses"."a5" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a6_range" CHECK ("perception_responses"."a6" IS NULL OR "perception_responses"."a6" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a7_range" CHECK ("perception_responses"."a7" IS NULL OR "perception_responses"."a7" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_a8_range" CHECK ("perception_responses"."a8" IS NULL OR "perception_responses"."a8" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q1_range" CHECK ("perception_responses"."q1" IS NULL OR "perception_responses"."q1" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q2_range" CHECK ("perception_responses"."q2" IS NULL OR "perception_responses"."q2" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q3_range" CHECK ("perception_responses"."q3" IS NULL OR "perception_responses"."q3" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q4_range" CHECK ("perception_responses"."q4" IS NULL OR "perception_responses"."q4" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q5_range" CHECK ("perception_responses"."q5" IS NULL OR "perception_responses"."q5" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q6_range" CHECK ("perception_responses"."q6" IS NULL OR "perception_responses"."q6" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q7_range" CHECK ("perception_responses"."q7" IS NULL OR "perception_responses"."q7" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_q8_range" CHECK ("perception_responses"."q8" IS NULL OR "perception_responses"."q8" BETWEEN 1 AND 6),
	CONSTRAINT "perception_responses_some_answer" CHECK (num_nonnulls(a1, a2, a3, a4, a5, a6, a7, a8, q1, q2, q3, q4, q5, q6, q7, q8) > 0)
);
--> statement-breakpoint
CREATE TABLE "perception_submissions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"created_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"from_status" "report_status",
	"to_status" "report_status" NOT NULL,
	"actor_staff_id" integer,
	"occurred_on" date NOT NULL,
	"public_reason" text
);
--> statement-breakpoint
CREATE TABLE "report_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"content" "bytea" NOT NULL,
	"redacted" "bytea",
	"redactions" jsonb,
	"added_on" date NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "report_files_report_seq_key" UNIQUE("report_id","seq")
);
--> statement-breakpoint
CREATE TABLE "report_forwards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"destination" "report_destination" NOT NULL,
	"staff_id" integer,
	"sent_on" date NOT NULL,
	"summary" text NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_reference" text
);
--> statement-breakpoint
CREATE TABLE "report_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" "report_message_kind" NOT NULL,
	"author_staff_id" integer,
	"body" text NOT NULL,
	"created_on" date NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "report_messages_report_seq_key" UNIQUE("report_id","seq")
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"created_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"region_id" integer NOT NULL,
	"unit_id" integer,
	"service_id" integer,
	"category" "report_category" NOT NULL,
	"incident_month" date,
	"content" text,
	"receipt_hash" text NOT NULL,
	"status" "report_status" DEFAULT 'received' NOT NULL,
	"outcome" "report_outcome",
	"assignee_id" integer,
	"duplicate_of_id" uuid,
	"received_on" date NOT NULL,
	"triaged_on" date,
	"triage_due_on" date NOT NULL,
	"verified_on" date,
	"follow_up_due_on" date,
	"followed_up_on" date,
	"close_due_on" date,
	"closed_on" date,
	"purged_on" date,
	CONSTRAINT "reports_reference_unique" UNIQUE("reference"),
	CONSTRAINT "reports_receiptHash_unique" UNIQUE("receipt_hash"),
	CONSTRAINT "reports_outcome_when_closed" CHECK (("reports"."status" = 'closed') = ("reports"."outcome" IS NOT NULL)),
	CONSTRAINT "reports_not_own_duplicate" CHECK ("reports"."duplicate_of_id" IS NULL OR "reports"."duplicate_of_id" <> "reports"."id")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "zi_predicate" "zi_predicate" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "zi_predicate_year" integer;--> statement-breakpoint
ALTER TABLE "lke_answers" ADD CONSTRAINT "lke_answers_sheet_id_lke_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."lke_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lke_sheets" ADD CONSTRAINT "lke_sheets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lke_sheets" ADD CONSTRAINT "lke_sheets_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lke_submissions" ADD CONSTRAINT "lke_submissions_sheet_id_lke_sheets_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."lke_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lke_submissions" ADD CONSTRAINT "lke_submissions_submitted_by_staff_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perception_daily_totals" ADD CONSTRAINT "perception_daily_totals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perception_responses" ADD CONSTRAINT "perception_responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_actor_staff_id_staff_id_fk" FOREIGN KEY ("actor_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_forwards" ADD CONSTRAINT "report_forwards_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_messages" ADD CONSTRAINT "report_messages_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_messages" ADD CONSTRAINT "report_messages_author_staff_id_staff_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_duplicate_of_id_reports_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "perception_daily_totals_day_idx" ON "perception_daily_totals" USING btree ("day");--> statement-breakpoint
CREATE INDEX "perception_responses_unit_day_idx" ON "perception_responses" USING btree ("unit_id","responded_on");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_forwards_report_idx" ON "report_forwards" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reports_queue_idx" ON "reports" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_id","received_on");--> statement-breakpoint
CREATE INDEX "reports_closed_idx" ON "reports" USING btree ("closed_on");