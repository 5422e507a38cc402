-- Tell every Kindred instance when what a session resolves to may have changed: a session ended or renewed, an
-- account changed, a role granted or removed. Instances LISTEN on kindred_actor and evict their cached sessions
-- for that person (src/server/http/actor-cache.ts). Every writer is covered, better-auth included.
CREATE OR REPLACE FUNCTION kindred_notify_actor_by_user_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kindred_actor', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('kindred_actor', NEW.user_id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kindred_notify_actor_by_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kindred_actor', OLD.id::text);
  ELSE
    PERFORM pg_notify('kindred_actor', NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_notify_actor AFTER UPDATE OR DELETE ON "session"
  FOR EACH ROW EXECUTE FUNCTION kindred_notify_actor_by_user_id();
--> statement-breakpoint
CREATE TRIGGER user_role_notify_actor AFTER INSERT OR UPDATE OR DELETE ON "user_role"
  FOR EACH ROW EXECUTE FUNCTION kindred_notify_actor_by_user_id();
--> statement-breakpoint
CREATE TRIGGER user_notify_actor AFTER UPDATE OR DELETE ON "user"
  FOR EACH ROW EXECUTE FUNCTION kindred_notify_actor_by_id();
