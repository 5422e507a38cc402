import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access.ts';
import { isModerator } from './policy.ts';

/**
 * The one SQL condition for "categories this reader may read", used by every query that lists topics, posts, search
 * results, counts or notifications, so a private category can never leak through one of them. `c` is the alias of
 * forum_category in the caller's query. Mirrors canReadCategory in policy.ts (a test holds the two together).
 */
export function readableCategory(actor: Actor | null, c = 'c'): SQL {
  const cat = sql.raw(c);
  if (isModerator(actor)) return sql`true`;
  if (!actor) return sql`(${cat}.archived_at is null and ${cat}.read_access = 'public')`;
  return sql`(${cat}.archived_at is null and (${cat}.read_access in ('public', 'members') or (${cat}.read_access = 'group' and exists (
    select 1 from group_member gm where gm.group_id = ${cat}.group_id and gm.user_id = ${actor.userId} and gm.status = 'active'))))`;
}

/**
 * Posts this reader may see inside a readable topic: visible ones, their own held ones, and everything for
 * moderators. Hidden and deleted posts are still listed (as a placeholder without text) so numbering stays whole;
 * the presenter empties their text for everyone but moderators. `p` is the alias of forum_post.
 */
export function listablePost(actor: Actor | null, p = 'p'): SQL {
  const post = sql.raw(p);
  if (isModerator(actor)) return sql`true`;
  if (!actor) return sql`${post}.status in ('visible', 'hidden', 'deleted')`;
  return sql`(${post}.status in ('visible', 'hidden', 'deleted') or (${post}.status = 'held' and ${post}.author_id = ${actor.userId}))`;
}

/** Topics listed to this reader: visible ones, their own held ones, everything for moderators. `t`: forum_topic. */
export function listableTopic(actor: Actor | null, t = 't'): SQL {
  const topic = sql.raw(t);
  if (isModerator(actor)) return sql`${topic}.status <> 'deleted'`;
  if (!actor) return sql`${topic}.status = 'visible'`;
  return sql`(${topic}.status = 'visible' or (${topic}.status = 'held' and ${topic}.author_id = ${actor.userId}))`;
}

/**
 * Topics this reader may open by link: what they may list, plus their own hidden topic (so its author reads the
 * placeholder and the way to the notice that says why). Everyone else finds a hidden topic gone. `t`: forum_topic.
 */
export function openableTopic(actor: Actor | null, t = 't'): SQL {
  const topic = sql.raw(t);
  if (isModerator(actor) || !actor) return listableTopic(actor, t);
  return sql`(${topic}.status = 'visible' or (${topic}.status in ('held', 'hidden') and ${topic}.author_id = ${actor.userId}))`;
}
