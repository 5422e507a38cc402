-- Tell every Kindred instance whose check-ins changed, so cached check-in lists are dropped
-- (src/server/http/person-cache.ts). Statement-level with transition tables: a bulk load sends one notification per
-- person, not one per row.
CREATE OR REPLACE FUNCTION kindred_notify_check_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kindred_check_ins', user_id::text) FROM (SELECT DISTINCT user_id FROM old_rows) changed;
  ELSE
    PERFORM pg_notify('kindred_check_ins', user_id::text) FROM (SELECT DISTINCT user_id FROM new_rows) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER check_in_notify_insert AFTER INSERT ON "check_in"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_check_ins();
--> statement-breakpoint
CREATE TRIGGER check_in_notify_update AFTER UPDATE ON "check_in"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_check_ins();
--> statement-breakpoint
CREATE TRIGGER check_in_notify_delete AFTER DELETE ON "check_in"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_check_ins();
