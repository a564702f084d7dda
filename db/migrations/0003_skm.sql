CREATE TYPE "public"."age_band" AS ENUM('lt20', '20_29', '30_39', '40_49', '50_59', 'gte60');--> statement-breakpoint
CREATE TYPE "public"."education" AS ENUM('SD', 'SMP', 'SMA', 'D3', 'S1', 'S2', 'S3');--> statement-breakpoint
CREATE TYPE "public"."occupation" AS ENUM('PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'PELAJAR', 'LAINNYA');--> statement-breakpoint
CREATE TYPE "public"."respondent_sex" AS ENUM('L', 'P');--> statement-breakpoint
CREATE TYPE "public"."skm_source" AS ENUM('web', 'paper');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('pending', 'published', 'rejected');--> statement-breakpoint
CREATE TABLE "skm_daily_totals" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"respondents" integer DEFAULT 0 NOT NULL,
	"u1_sum" integer DEFAULT 0 NOT NULL,
	"u1_count" integer DEFAULT 0 NOT NULL,
	"u2_sum" integer DEFAULT 0 NOT NULL,
	"u2_count" integer DEFAULT 0 NOT NULL,
	"u3_sum" integer DEFAULT 0 NOT NULL,
	"u3_count" integer DEFAULT 0 NOT NULL,
	"u4_sum" integer DEFAULT 0 NOT NULL,
	"u4_count" integer DEFAULT 0 NOT NULL,
	"u5_sum" integer DEFAULT 0 NOT NULL,
	"u5_count" integer DEFAULT 0 NOT NULL,
	"u6_sum" integer DEFAULT 0 NOT NULL,
	"u6_count" integer DEFAULT 0 NOT NULL,
	"u7_sum" integer DEFAULT 0 NOT NULL,
	"u7_count" integer DEFAULT 0 NOT NULL,
	"u8_sum" integer DEFAULT 0 NOT NULL,
	"u8_count" integer DEFAULT 0 NOT NULL,
	"u9_sum" integer DEFAULT 0 NOT NULL,
	"u9_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "skm_daily_totals_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "skm_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skm_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"service_id" integer,
	"responded_on" date NOT NULL,
	"source" "skm_source" NOT NULL,
	"profile_id" text NOT NULL,
	"sex" "respondent_sex",
	"age_band" "age_band",
	"education" "education",
	"occupation" "occupation",
	"u1" smallint,
	"u2" smallint,
	"u3" smallint,
	"u4" smallint,
	"u5" smallint,
	"u6" smallint,
	"u7" smallint,
	"u8" smallint,
	"u9" smallint,
	CONSTRAINT "skm_responses_u1_range" CHECK ("skm_responses"."u1" IS NULL OR "skm_responses"."u1" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u2_range" CHECK ("skm_responses"."u2" IS NULL OR "skm_responses"."u2" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u3_range" CHECK ("skm_responses"."u3" IS NULL OR "skm_responses"."u3" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u4_range" CHECK ("skm_responses"."u4" IS NULL OR "skm_responses"."u4" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u5_range" CHECK ("skm_responses"."u5" IS NULL OR "skm_responses"."u5" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u6_range" CHECK ("skm_responses"."u6" IS NULL OR "skm_responses"."u6" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u7_range" CHECK ("skm_responses"."u7" IS NULL OR "skm_responses"."u7" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u8_range" CHECK ("skm_responses"."u8" IS NULL OR "skm_responses"."u8" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_u9_range" CHECK ("skm_responses"."u9" IS NULL OR "skm_responses"."u9" BETWEEN 1 AND 4),
	CONSTRAINT "skm_responses_some_answer" CHECK (num_nonnulls("skm_responses"."u1", "skm_responses"."u2", "skm_responses"."u3", "skm_responses"."u4", "skm_responses"."u5", "skm_responses"."u6", "skm_responses"."u7", "skm_responses"."u8", "skm_responses"."u9") > 0)
);
--> statement-breakpoint
CREATE TABLE "skm_submissions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"response_id" bigint NOT NULL,
	"created_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skm_suggestions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skm_suggestions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"response_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"text" text NOT NULL,
	"published_text" text,
	"status" "suggestion_status" DEFAULT 'pending' NOT NULL,
	"submitted_on" date NOT NULL,
	"moderated_on" date,
	"reply" text,
	"replied_on" date,
	CONSTRAINT "skm_suggestions_responseId_unique" UNIQUE("response_id"),
	CONSTRAINT "skm_suggestions_length" CHECK (length("skm_suggestions"."text") <= 2000),
	CONSTRAINT "skm_suggestions_reply_length" CHECK ("skm_suggestions"."reply" IS NULL OR length("skm_suggestions"."reply") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "skm_daily_totals" ADD CONSTRAINT "skm_daily_totals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_submissions" ADD CONSTRAINT "skm_submissions_response_id_skm_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."skm_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_suggestions" ADD CONSTRAINT "skm_suggestions_response_id_skm_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."skm_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_suggestions" ADD CONSTRAINT "skm_suggestions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skm_daily_totals_day_idx" ON "skm_daily_totals" USING btree ("day");--> statement-breakpoint
CREATE INDEX "skm_responses_unit_day_idx" ON "skm_responses" USING btree ("unit_id","responded_on");--> statement-breakpoint
CREATE INDEX "skm_suggestions_queue_idx" ON "skm_suggestions" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "skm_suggestions_unit_idx" ON "skm_suggestions" USING btree ("unit_id","status");