import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { GUIDELINES_VERSION } from './guidelines.ts';
import { type Activity, nextLevel, SANCTIONS, type TrustLevel } from './trust.ts';

/** A person's forum standing as the posting rules read it (defaults for someone who has never taken part). */
export interface MemberStanding {
  trustLevel: TrustLevel;
  trustLocked: boolean;
  topicsRead: number;
  suspendedUntil: string | null;
  banned: boolean;
  guidelinesAccepted: boolean;
  /** Their posts (any status) in the last 24 hours: the database counts, so every instance agrees. */
  postsToday: number;
  /** When the oldest of those posts leaves the 24-hour window, in seconds from now. */
  windowFreesIn: number;
}

/** Moderation that holds automatic promotion for 30 days (trust.ts). */
const HOLDING_ACTIONS = sql`(${sql.join(SANCTIONS.map((a) => sql`${a}`), sql`, `)})`;

export const membersRepo = {
  async standing(db: Queryable, userId: string): Promise<MemberStanding> {
    const res = await db.execute<{
      trustLevel: number | null;
      trustLocked: boolean | null;
      topicsRead: number | null;
      suspendedUntil: string | null;
      banned: boolean;
      guidelinesAccepted: boolean;
      postsToday: number;
      windowFreesIn: number | null;
    }>(sql`
      select m.trust_level as "trustLevel", m.trust_locked as "trustLocked", m.topics_read as "topicsRead",
        case when m.suspended_until > now() then to_char(m.suspended_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end as "suspendedUntil",
        coalesce(m.banned_at is not null, false) as banned,
        exists (select 1 from forum_guidelines_acceptance g where g.user_id = u.id and g.version = ${GUIDELINES_VERSION}) as "guidelinesAccepted",
        d.n as "postsToday", d.frees as "windowFreesIn"
      from "user" u
      left join forum_member m on m.user_id = u.id
      cross join lateral (
        select count(*)::int as n, extract(epoch from (min(p.created_at) + interval '24 hours' - now()))::float8 as frees
        from forum_post p where p.author_id = u.id and p.created_at > now() - interval '24 hours') d
      where u.id = ${userId}`);
    const r = res.rows[0];
    return {
      trustLevel: (r?.trustLevel ?? 0) as TrustLevel,
      trustLocked: r?.trustLocked ?? false,
      topicsRead: r?.topicsRead ?? 0,
      suspendedUntil: r?.suspendedUntil ?? null,
      banned: r?.banned ?? false,
      guidelinesAccepted: r?.guidelinesAccepted ?? false,
      postsToday: r?.postsToday ?? 0,
      windowFreesIn: r?.windowFreesIn ?? 0,
    };
  },

  async acceptGuidelines(db: Queryable, userId: string, version: number) {
    await db.execute(sql`insert into forum_guidelines_acceptance (user_id, version) values (${userId}, ${version}) on conflict do nothing`);
  },

  async acceptedVersion(db: Queryable, userId: string): Promise<number | null> {
    const res = await db.execute<{ v: number | null }>(sql`select max(version)::int as v from forum_guidelines_acceptance where user_id = ${userId}`);
    return res.rows[0]?.v ?? null;
  },

  /** One more post written (the row appears with a person's first post). */
  async countPost(db: Queryable, userId: string) {
    await db.execute(sql`
      insert into forum_member (user_id, posts_created) values (${userId}, 1)
      on conflict (user_id) do update set posts_created = forum_member.posts_created + 1, updated_at = now()`);
  },

  /**
   * Moves the read marker forward (never back). Returns whether this was the person's first read of the topic, in
   * which case their topics-read count went up too.
   */
  async markRead(db: Queryable, userId: string, topicId: string, number: number): Promise<boolean> {
    const res = await db.execute<{ first: boolean }>(sql`
      insert into forum_topic_read (user_id, topic_id, last_read_number) values (${userId}, ${topicId}, ${number})
      on conflict (user_id, topic_id) do update set last_read_number = excluded.last_read_number, read_at = now()
        where forum_topic_read.last_read_number < excluded.last_read_number
      returning (xmax = 0) as first`);
    const first = res.rows[0]?.first ?? false;
    if (first) {
      await db.execute(sql`
        insert into forum_member (user_id, topics_read) values (${userId}, 1)
        on conflict (user_id) do update set topics_read = forum_member.topics_read + 1, updated_at = now()`);
    }
    return first;
  },

  /** What automatic promotion reads: account age, topics read, visible posts, recent moderation. */
  async activity(db: Queryable, userId: string): Promise<Activity & { level: TrustLevel; locked: boolean }> {
    const res = await db.execute<{ createdAt: string; topicsRead: number; visiblePosts: number; recent: boolean; level: number; locked: boolean }>(sql`
      select to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
        coalesce(m.topics_read, 0) as "topicsRead", coalesce(m.trust_level, 0)::int as level, coalesce(m.trust_locked, false) as locked,
        (select count(*)::int from forum_post p where p.author_id = u.id and p.status = 'visible') as "visiblePosts",
        exists (select 1 from forum_moderation_action a where a.target_user_id = u.id and a.action in ${HOLDING_ACTIONS}
          and a.created_at > now() - interval '30 days') as recent
      from "user" u left join forum_member m on m.user_id = u.id where u.id = ${userId}`);
    const r = res.rows[0]!;
    return {
      accountCreatedAt: new Date(r.createdAt),
      topicsRead: r.topicsRead,
      visiblePosts: r.visiblePosts,
      recentModeration: r.recent,
      level: r.level as TrustLevel,
      locked: r.locked,
    };
  },

  /** Lifts the person's level when their activity has earned it; a level a moderator set is left alone. */
  async promote(db: Queryable, userId: string, now = new Date()): Promise<TrustLevel> {
    const a = await this.activity(db, userId);
    const next = nextLevel(a.level, a.locked, a, now);
    if (next > a.level) {
      await db.execute(sql`
        insert into forum_member (user_id, trust_level) values (${userId}, ${next})
        on conflict (user_id) do update set trust_level = greatest(forum_member.trust_level, excluded.trust_level), updated_at = now()
        where not forum_member.trust_locked`);
    }
    return next;
  },
};
