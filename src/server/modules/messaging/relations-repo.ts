import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { uuidArray } from '../../db/ids.ts';
import { rosterRepo } from '../safety/repo.ts';
import type { ConversationBasis, GroupFacts, PairFacts } from './policy.ts';
import { executePrepared } from '../../db/prepared.ts';

/**
 * The facts the messaging rules rest on, read from the other domains' tables: an active mentorship, a facilitator of
 * a group the other belongs to, a coordinator, a responder on call now, and blocks. Read again on every send.
 */


/** A facilitator of a group in which the other is an active member (both memberships active). */
const sharedGroupFacilitator = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) => sql`exists (
  select 1 from group_member f join group_member g on g.group_id = f.group_id
  where f.role = 'facilitator' and f.status = 'active' and g.status = 'active'
    and ((f.user_id = ${a} and g.user_id = ${b}) or (f.user_id = ${b} and g.user_id = ${a})))`;

/**
 * What holds between `me` (an id, or a uuid expression of a batched statement) and `other` (a uuid expression), as
 * columns, for statements that read it with something else.
 */
export const pairFactColumns = (me: string | SQL, other: SQL) => sql`
  -- One lookup each way on the mentee's one open mentorship: an or inside one exists was planned as a bitmap of both.
  (exists (select 1 from mentorship m where m.mentee_id = ${other} and m.status = 'active' and m.mentor_id = ${me})
    or exists (select 1 from mentorship m where m.mentee_id = ${me} and m.status = 'active' and m.mentor_id = ${other})) as mentorship,
  exists (select 1 from user_role r where r.role = 'coordinator' and (r.user_id = ${me} or r.user_id = ${other})) as coordinator,
  ${sharedGroupFacilitator(sql`${me}::uuid`, other)} as facilitator,
  exists (select 1 from person_block b where b.blocker_id = ${me} and b.blocked_id = ${other}) as blocked_by_me,
  exists (select 1 from person_block b where b.blocker_id = ${other} and b.blocked_id = ${me}) as blocked_me`;

/** The columns of `pairFactColumns`, for one other person. */
export interface PairFactRow {
  id: string;
  mentorship: boolean;
  coordinator: boolean;
  facilitator: boolean;
  blocked_by_me: boolean;
  blocked_me: boolean;
}

export const relationsRepo = {
  /** What holds between me and each of `others`, in one query (the on-call roster in a second). */
  async pairFacts(db: Queryable, me: string, others: string[]): Promise<Map<string, PairFacts>> {
    const ids = [...new Set(others)];
    if (!ids.length) return new Map();
    const res = await executePrepared<PairFactRow>(db, 'messaging_pair_facts', sql`
      select o.id, ${pairFactColumns(me, sql`o.id`)} from unnest(${uuidArray(ids)}) as o(id)`);
    return relationsRepo.settle(db, me, res.rows);
  },

  /** The facts from their columns, with who is on call now when that is what decides. */
  async settle(db: Queryable, me: string, rows: PairFactRow[]): Promise<Map<string, PairFacts>> {
    // The roster only matters where nothing stronger holds (a mentorship, a coordinator, a facilitator): most sends
    // are between mentor and mentee, and skip this read.
    const settled = rows.every((r) => r.mentorship || r.coordinator || r.facilitator);
    const onCall = new Set(settled ? [] : await rosterRepo.onCallAt(db, new Date()));
    return new Map(
      rows.map((r) => [
        r.id,
        {
          mentorship: r.mentorship,
          staff: r.coordinator || r.facilitator || onCall.has(me) || onCall.has(r.id),
          blockedByMe: r.blocked_by_me,
          blockedMe: r.blocked_me,
        },
      ]),
    );
  },

  /** Whether people with no relationship to `id` may send them a message request (no row: yes). */
  async acceptsRequests(db: Queryable, id: string): Promise<boolean> {
    const res = await db.execute<{ accepts_requests: boolean }>(sql`select accepts_requests from messaging_preference where user_id = ${id}`);
    return res.rows[0]?.accepts_requests ?? true;
  },

  /** Stores the choice and answers it as stored. */
  async setAcceptsRequests(db: Queryable, id: string, accepts: boolean): Promise<boolean> {
    const res = await db.execute<{ accepts_requests: boolean }>(sql`
      insert into messaging_preference (user_id, accepts_requests) values (${id}, ${accepts})
      on conflict (user_id) do update set accepts_requests = excluded.accepts_requests, updated_at = now()
      returning accepts_requests`);
    return res.rows[0]!.accepts_requests;
  },

  /** A person's display name; null: no such person. */
  async personName(db: Queryable, id: string): Promise<string | null> {
    const res = await db.execute<{ name: string }>(sql`select name from "user" where id = ${id}`);
    return res.rows[0]?.name ?? null;
  },

  async personExists(db: Queryable, id: string): Promise<boolean> {
    return (await relationsRepo.personName(db, id)) !== null;
  },

  /** A group, whether I am an active member of it (facilitators included), and whether its chat is on. Null: no such group. */
  async groupFacts(db: Queryable, groupId: string, me: string): Promise<(GroupFacts & { name: string; facilitator: boolean }) | null> {
    const res = await db.execute<{ name: string; member: boolean; facilitator: boolean; enabled: boolean }>(sql`
      select g.name, gm.user_id is not null as member, coalesce(gm.role = 'facilitator', false) as facilitator,
        coalesce(gc.enabled, false) as enabled
      from support_group g
      left join group_member gm on gm.group_id = g.id and gm.user_id = ${me} and gm.status = 'active'
      left join group_chat gc on gc.group_id = g.id
      where g.id = ${groupId}`);
    const r = res.rows[0];
    return r ? { name: r.name, member: r.member, facilitator: r.facilitator, chatEnabled: r.enabled } : null;
  },

  /**
   * People I may write to without a request, each once with the strongest basis: my mentor or mentees, the
   * facilitators of my groups (and the members of groups I facilitate), coordinators, who is on call now. Nobody
   * blocked either way.
   */
  async contacts(db: Queryable, me: string, limit: number): Promise<{ id: string; name: string; basis: ConversationBasis; conversationId: string | null }[]> {
    const onCall = await rosterRepo.onCallAt(db, new Date());
    const res = await db.execute<{ id: string; name: string; basis: ConversationBasis; conversation_id: string | null }>(sql`
      with c(id, basis, rank) as (
        select case when m.mentor_id = ${me} then m.mentee_id else m.mentor_id end, 'mentorship', 0
          from mentorship m where m.status = 'active' and (m.mentor_id = ${me} or m.mentee_id = ${me})
        union all
        select g.user_id, 'staff', 1 from group_member f join group_member g on g.group_id = f.group_id
          where f.user_id = ${me} and f.role = 'facilitator' and f.status = 'active' and g.status = 'active'
        union all
        select f.user_id, 'staff', 1 from group_member g join group_member f on f.group_id = g.group_id
          where g.user_id = ${me} and g.status = 'active' and f.role = 'facilitator' and f.status = 'active'
        union all
        select r.user_id, 'staff', 1 from user_role r where r.role = 'coordinator'
        union all
        select unnest(${uuidArray(onCall)}), 'staff', 1
      ),
      best as (select distinct on (id) id, basis, rank from c where id <> ${me} order by id, rank)
      select u.id, u.name, best.basis, conv.id as conversation_id
      from best join "user" u on u.id = best.id
      left join conversation conv on conv.kind = 'direct'
        and conv.pair_key = case when u.id < ${me}::uuid then u.id::text || ':' || ${me}::text else ${me}::text || ':' || u.id::text end
      where not exists (select 1 from person_block b where (b.blocker_id = ${me} and b.blocked_id = u.id) or (b.blocker_id = u.id and b.blocked_id = ${me}))
      order by best.rank, u.name, u.id
      limit ${limit}`);
    return res.rows.map((r) => ({ id: r.id, name: r.name, basis: r.basis, conversationId: r.conversation_id }));
  },
};

/** One direct conversation per pair: the two ids, smaller first. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
