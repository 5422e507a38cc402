-- Tell every Kindred instance which topics' posts or reactions changed, so cached topic pages are dropped
-- (src/server/modules/community/posts-service.ts). Statement-level with transition tables: a bulk load sends one
-- notification per topic, not one per row.
CREATE OR REPLACE FUNCTION kindred_notify_forum_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kindred_forum_topics', topic_id::text) FROM (SELECT DISTINCT topic_id FROM old_rows) changed;
  ELSE
    PERFORM pg_notify('kindred_forum_topics', topic_id::text) FROM (SELECT DISTINCT topic_id FROM new_rows) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER forum_post_notify_insert AFTER INSERT ON "forum_post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_forum_posts();
--> statement-breakpoint
CREATE TRIGGER forum_post_notify_update AFTER UPDATE ON "forum_post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_forum_posts();
--> statement-breakpoint
CREATE TRIGGER forum_post_notify_delete AFTER DELETE ON "forum_post"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_forum_posts();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kindred_notify_forum_reactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kindred_forum_topics', topic_id::text)
      FROM (SELECT DISTINCT p.topic_id FROM old_rows r JOIN forum_post p ON p.id = r.post_id) changed;
  ELSE
    PERFORM pg_notify('kindred_forum_topics', topic_id::text)
      FROM (SELECT DISTINCT p.topic_id FROM new_rows r JOIN forum_post p ON p.id = r.post_id) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER forum_reaction_notify_insert AFTER INSERT ON "forum_reaction"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_forum_reactions();
--> statement-breakpoint
CREATE TRIGGER forum_reaction_notify_delete AFTER DELETE ON "forum_reaction"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION kindred_notify_forum_reactions();
