ALTER TYPE "public"."skm_source" ADD VALUE 'kiosk';--> statement-breakpoint
CREATE TABLE "kiosks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kiosks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"ask_profile" boolean DEFAULT false NOT NULL,
	"enrolled_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pairing_code_hash" text,
	"pairing_expires_at" timestamp with time zone,
	"secret_hash" text,
	"paired_at" timestamp with time zone,
	"last_seen_on" date,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	CONSTRAINT "kiosks_pairing_code_hash_unique" UNIQUE("pairing_code_hash"),
	CONSTRAINT "kiosks_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "kiosks_name_length" CHECK (length("kiosks"."name") BETWEEN 1 AND 80),
	CONSTRAINT "kiosks_pairing_pair" CHECK (("kiosks"."pairing_code_hash" IS NULL) = ("kiosks"."pairing_expires_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "skm_responses" ADD COLUMN "kiosk_id" integer;--> statement-breakpoint
ALTER TABLE "kiosks" ADD CONSTRAINT "kiosks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosks" ADD CONSTRAINT "kiosks_enrolled_by_staff_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosks" ADD CONSTRAINT "kiosks_revoked_by_staff_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kiosks_unit_idx" ON "kiosks" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_kiosk_id_kiosks_id_fk" FOREIGN KEY ("kiosk_id") REFERENCES "public"."kiosks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skm_responses_kiosk_idx" ON "skm_responses" USING btree ("kiosk_id") WHERE "skm_responses"."kiosk_id" IS NOT NULL;--> statement-breakpoint
-- Compared as text: PostgreSQL refuses a new enum value in the transaction that added it.
ALTER TABLE "skm_responses" ADD CONSTRAINT "skm_responses_kiosk_source" CHECK ("skm_responses"."kiosk_id" IS NULL OR "skm_responses"."source"::text = 'kiosk');
