-- The public meeting feeds (Meeting Guide JSON, iCalendar) are cached by each instance. One row says which version
-- of the meetings they were built from: any statement that changes a meeting, a group or an occurrence bumps it,
-- so a cached feed is checked with one primary-key read, and every instance sees the change at once.
INSERT INTO "meetings_feed_state" ("id", "version", "changed_at") VALUES (1, 0, now()) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kindred_bump_meetings_feed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "meetings_feed_state" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meeting_feed_bump AFTER INSERT OR UPDATE OR DELETE ON "meeting"
  FOR EACH STATEMENT EXECUTE FUNCTION kindred_bump_meetings_feed();
--> statement-breakpoint
CREATE TRIGGER support_group_feed_bump AFTER INSERT OR UPDATE OR DELETE ON "support_group"
  FOR EACH STATEMENT EXECUTE FUNCTION kindred_bump_meetings_feed();
--> statement-breakpoint
CREATE TRIGGER meeting_occurrence_feed_bump AFTER INSERT OR UPDATE OR DELETE ON "meeting_occurrence"
  FOR EACH STATEMENT EXECUTE FUNCTION kindred_bump_meetings_feed();
