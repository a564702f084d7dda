-- A counter of changes to what the public pages publish from: the SKM and perception running
-- totals, the units that make up a region, and the SKM responses, ten-minute slot counts and
-- client-day counts behind the public data-quality note. Never the reports: a counter moved by
-- a filing or by a moderator's action on a report would place it among other writes of the day
-- in a dump of the database (ADR 015), so the report statistics have a version of their own,
-- read from the reports without writing anything (app/reports/stats.server.ts). Every statement that writes to one of these tables, whatever wrote it,
-- takes the next value; a public page reads the current value and reuses a region table it
-- built under that value (app/publication/kept-tables.server.ts, ADR 027). Statement-level
-- triggers: one nextval per statement, however many rows it touches.
CREATE SEQUENCE "published_data_version";
--> statement-breakpoint
SELECT nextval('published_data_version');
--> statement-breakpoint
CREATE FUNCTION published_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('published_data_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER skm_daily_totals_published AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "skm_daily_totals"
  FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
--> statement-breakpoint
CREATE TRIGGER perception_daily_totals_published AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "perception_daily_totals"
  FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
--> statement-breakpoint
CREATE TRIGGER units_published AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units"
  FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
--> statement-breakpoint
CREATE TRIGGER skm_responses_published AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "skm_responses"
  FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
--> statement-breakpoint
CREATE TRIGGER skm_slot_counts_published AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "skm_slot_counts"
  FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
--> statement-breakpoint
CREATE TRIGGER skm_client_day_counts_published AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "skm_client_day_counts"
  FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
