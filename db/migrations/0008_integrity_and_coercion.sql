ALTER TABLE "skm_responses" ADD COLUMN "coercion" boolean;--> statement-breakpoint
CREATE TABLE "skm_client_day_counts" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"key_hash" text NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "skm_client_day_counts_unit_id_day_key_hash_pk" PRIMARY KEY("unit_id","day","key_hash")
);
--> statement-breakpoint
CREATE TABLE "skm_slot_counts" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"slot" smallint NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "skm_slot_counts_unit_id_day_slot_pk" PRIMARY KEY("unit_id","day","slot"),
	CONSTRAINT "skm_slot_counts_slot_range" CHECK ("skm_slot_counts"."slot" BETWEEN 0 AND 143)
);
--> statement-breakpoint
CREATE TABLE "integrity_flag_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "integrity_flag_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"flag" text NOT NULL,
	"note" text NOT NULL,
	"reviewed_by" integer,
	"reviewed_on" date NOT NULL,
	CONSTRAINT "integrity_flag_reviews_key" UNIQUE("unit_id","period","flag"),
	CONSTRAINT "integrity_flag_reviews_note_length" CHECK (length("integrity_flag_reviews"."note") BETWEEN 1 AND 2000),
	CONSTRAINT "integrity_flag_reviews_period_format" CHECK ("integrity_flag_reviews"."period" ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4])?$')
);
--> statement-breakpoint
ALTER TABLE "skm_client_day_counts" ADD CONSTRAINT "skm_client_day_counts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skm_slot_counts" ADD CONSTRAINT "skm_slot_counts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_flag_reviews" ADD CONSTRAINT "integrity_flag_reviews_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_flag_reviews" ADD CONSTRAINT "integrity_flag_reviews_reviewed_by_staff_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skm_client_day_counts_day_idx" ON "skm_client_day_counts" USING btree ("day");--> statement-breakpoint
CREATE INDEX "integrity_flag_reviews_unit_idx" ON "integrity_flag_reviews" USING btree ("unit_id");
