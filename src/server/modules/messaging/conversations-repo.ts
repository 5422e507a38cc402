import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { type Window, windowOf } from '../../http/rate-limit.ts';
import { newId } from '../../db/ids.ts';
import type { ConversationBasis } from './policy.ts';
import { executePrepared, executeStatement, statement } from '../../db/prepared.ts';
import { type PairFactRow, pairFactColumns } from './relations-repo.ts';

export type ConversationStatus = 'active' | 'requested' | 'ignored';

/** A conversation as one reader sees it: everything its presentation needs except what the rules decide. */
export interface ConversationView {
  id: string;
  kind: 'direct' | 'group';
  basis: ConversationBasis;
  status: ConversationStatus;
  requestedBy: string | null;
  groupId: string | null;
  groupName: string | null;
  chatEnabled: boolean;
  otherId: string | null;
  otherName: string | null;
  otherReadSeq: number | null;
  lastSeq: number;
  lastReadSeq: number;
  lastMessageAt: Date | null;
  unread: number;
  lastMessageId: string | null;
}

const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

/** Not from someone the reader blocked: their messages are hidden from the reader (in a group's chat). */
const notBlockedBy = (me: string | SQL) => sql`not exists (select 1 from person_block b where b.blocker_id = ${me} and b.blocked_id = m.sender_id)`;

/**
 * The conversations `me` may read: a direct one they are in, a group's chat while they are an active member of the
 * group. Unread: others' messages past my read position, not deleted, not from someone I blocked; in a group's chat
 * I have not opened yet, only what was sent since I joined the group. `me`: an id, or the reader's column in a batched
 * statement.
 */
function views(me: string | SQL, where: SQL, order: SQL = sql``, limit: SQL = sql``, counts = true, facts = false) {
  // Sending and reading positions need only who may be here: the counts are left out (0 and null) on that path.
  const unread = counts
    ? sql`(select count(*) from message m
        where m.conversation_id = c.id and m.sender_id is distinct from ${me} and m.deleted_at is null and ${notBlockedBy(me)}
          and case when p.user_id is not null then m.seq > p.last_read_seq else m.created_at > gm.created_at end)::int`
    : sql`0`;
  // The last message as the page shows it: in a group's chat, not from someone I blocked.
  const lastMessage = counts
    ? sql`(select m.id from message m where m.conversation_id = c.id and (c.kind = 'direct' or ${notBlockedBy(me)}) order by m.seq desc limit 1)`
    : sql`null::uuid`;
  return sql`
    select c.id, c.kind, c.basis, c.status, c.requested_by as "requestedBy", c.group_id as "groupId", g.name as "groupName",
      coalesce(gc.enabled, false) as "chatEnabled", o.user_id as "otherId", ou.name as "otherName", o.last_read_seq as "otherReadSeq",
      c.last_seq as "lastSeq", coalesce(p.last_read_seq, 0) as "lastReadSeq", c.last_message_at as "lastMessageAt",
      ${unread} as unread, ${lastMessage} as "lastMessageId"
      ${facts ? sql`, ${pairFactColumns(me, sql`o.user_id`)}` : sql``}
    from conversation c
    left join conversation_participant p on p.conversation_id = c.id and p.user_id = ${me}
    left join conversation_participant o on c.kind = 'direct' and o.conversation_id = c.id and o.user_id <> ${me}
    left join "user" ou on ou.id = o.user_id
    left join support_group g on g.id = c.group_id
    left join group_member gm on gm.group_id = c.group_id and gm.user_id = ${me} and gm.status = 'active'
    left join group_chat gc on gc.group_id = c.group_id
    where ((c.kind = 'direct' and p.user_id is not null) or (c.kind = 'group' and gm.user_id is not null)) and ${where}
    ${order} ${limit}`;
}

type RawView = Omit<ConversationView, 'lastMessageAt'> & { lastMessageAt: Date | string | null };

/** The messages `me` wrote in the last `seconds` (a sender's rate window): how many, and when the oldest was written. */
const sentWindow = (me: SQL | string, seconds: number | SQL) => sql`lateral (
  select count(*)::int as used, min(s.created_at) as oldest from message s
  where s.sender_id = ${me} and s.created_at > now() - make_interval(secs => ${seconds}::int)) w`;

/**
 * A conversation as its sender's gate reads it: the light view, the facts between the sender and the other person,
 * and the sender's rate window.
 */
export type SendView = ConversationView & { facts: PairFactRow | null; sent: Window };
const view = (r: RawView): ConversationView => ({ ...r, lastMessageAt: toDate(r.lastMessageAt) });
const recent = sql`order by coalesce(c.last_message_at, c.created_at) desc, c.id desc`;

type SendViewValues = { ids: string[]; senders: string[]; windowSeconds: number };
/** `viewsForSend`'s statement, built once (every send runs it). */
const sendViews = statement<SendViewValues>('conversation_views_send', (value) => sql`
  select i.n, v.*, w.used, w.oldest from unnest(${value('ids')}::uuid[], ${value('senders')}::uuid[]) with ordinality as i(id, me, n)
  cross join lateral (${views(sql`i.me`, sql`c.id = i.id`, sql``, sql``, false, true)}) v
  cross join ${sentWindow(sql`i.me`, value('windowSeconds'))}`);

export const conversationsRepo = {
  /** One conversation as `me` sees it; null when they may not read it (the gate answers 404). `light`: without unread and last message. */
  async view(db: Queryable, me: string, id: string, opts: { light?: boolean } = {}): Promise<ConversationView | null> {
    // Prepared (planned once per connection): every send and every page of messages starts here.
    const res = await executePrepared<RawView>(db, 'conversation_view', views(me, sql`c.id = ${id}`, sql``, sql``, !opts.light));
    return res.rows[0] ? view(res.rows[0]) : null;
  },

  /**
   * `view` (light) for each of many sends at once (one statement for the sends that arrive together: the gate's
   * batch), with what holds between the sender and the other person of a direct conversation read with it. One
   * answer per item, in order; null where that sender may not read that conversation.
   */
  async viewsForSend(db: Queryable, items: Array<{ me: string; id: string }>, windowSeconds: number): Promise<Array<SendView | null>> {
    type Row = RawView & Omit<PairFactRow, 'id'> & { n: string; used: number; oldest: Date | string | null };
    const res = await executeStatement<Row, SendViewValues>(db, sendViews, { ids: items.map((i) => i.id), senders: items.map((i) => i.me), windowSeconds });
    const byN = new Map(res.rows.map((r) => [Number(r.n), r]));
    return items.map((_, k) => {
      const r = byN.get(k + 1);
      if (!r) return null;
      const { n: _n, mentorship, coordinator, facilitator, blocked_by_me, blocked_me, used, oldest, ...rest } = r;
      // The two added keys first: a spread object extended afterwards gets a hidden class of its own (bench/README.md).
      return {
        facts: r.otherId ? { id: r.otherId, mentorship, coordinator, facilitator, blocked_by_me, blocked_me } : null,
        sent: windowOf({ used, oldest }),
        ...view(rest),
      };
    });
  },

  /** The sender's rate window alone (a new conversation's first message). */
  async sentWindow(db: Queryable, me: string, windowSeconds: number): Promise<Window> {
    const res = await db.execute<{ used: number; oldest: Date | string | null }>(sql`select w.used, w.oldest from ${sentWindow(me, windowSeconds)}`);
    return windowOf(res.rows[0]!);
  },

  /**
   * My conversations, newest first: active ones, group chats, and my own requests (waiting or, unknown to me,
   * ignored). Requests to me that I ignored are nowhere.
   */
  async list(db: Queryable, me: string, limit: number): Promise<ConversationView[]> {
    const res = await db.execute<RawView>(views(me, sql`(c.kind = 'group' or c.status = 'active' or c.requested_by = ${me})`, recent, sql`limit ${limit}`));
    return res.rows.map(view);
  },

  /** Requests waiting for me. */
  async requests(db: Queryable, me: string, limit: number): Promise<ConversationView[]> {
    const res = await db.execute<RawView>(views(me, sql`c.status = 'requested' and c.requested_by is distinct from ${me}`, recent, sql`limit ${limit}`));
    return res.rows.map(view);
  },

  /** Unread messages in my conversations (not requests), and the requests waiting for me. */
  async unreadCounts(db: Queryable, me: string): Promise<{ unread: number; requests: number }> {
    const res = await db.execute<{ unread: number; requests: number }>(sql`
      select coalesce(sum(v.unread) filter (where v.kind = 'group' or v.status = 'active'), 0)::int as unread,
        (count(*) filter (where v.status = 'requested' and v."requestedBy" is distinct from ${me}))::int as requests
      from (${views(me, sql`true`)}) v`);
    return res.rows[0] ?? { unread: 0, requests: 0 };
  },

  async findDirect(db: Queryable, key: string): Promise<{ id: string } | null> {
    const res = await db.execute<{ id: string }>(sql`select id from conversation where kind = 'direct' and pair_key = ${key}`);
    return res.rows[0] ?? null;
  },

  async findGroup(db: Queryable, groupId: string): Promise<{ id: string } | null> {
    const res = await db.execute<{ id: string }>(sql`select id from conversation where kind = 'group' and group_id = ${groupId}`);
    return res.rows[0] ?? null;
  },

  /** A direct conversation and its two people. Null when another request created the same pair's first (the caller reads that one). */
  async insertDirect(
    tx: Queryable,
    c: { key: string; people: [string, string]; basis: ConversationBasis; status: ConversationStatus; requestedBy: string | null },
  ): Promise<string | null> {
    const id = newId();
    const res = await tx.execute(sql`
      insert into conversation (id, kind, basis, status, pair_key, requested_by)
      values (${id}, 'direct', ${c.basis}, ${c.status}, ${c.key}, ${c.requestedBy})
      on conflict (pair_key) where kind = 'direct' do nothing`);
    if (!res.rowCount) return null;
    await tx.execute(sql`insert into conversation_participant (conversation_id, user_id) values (${id}, ${c.people[0]}), (${id}, ${c.people[1]})`);
    return id;
  },

  /** The group's one chat conversation, created on first use. */
  async ensureGroup(tx: Queryable, groupId: string): Promise<{ id: string; created: boolean }> {
    const id = newId();
    const res = await tx.execute(sql`
      insert into conversation (id, kind, basis, status, group_id) values (${id}, 'group', 'group', 'active', ${groupId})
      on conflict (group_id) where kind = 'group' do nothing`);
    if (res.rowCount) return { id, created: true };
    return { id: (await conversationsRepo.findGroup(tx, groupId))!.id, created: false };
  },

  async setStatus(tx: Queryable, id: string, status: ConversationStatus, basis?: ConversationBasis) {
    await tx.execute(sql`update conversation set status = ${status} ${basis ? sql`, basis = ${basis}` : sql``} where id = ${id}`);
  },

  /** Locks the conversation row (until commit) and reads its state: sends and decisions on one conversation take turns. */
  async lock(tx: Queryable, id: string): Promise<{ status: ConversationStatus; basis: ConversationBasis; requestedBy: string | null } | null> {
    const res = await executePrepared<{ status: ConversationStatus; basis: ConversationBasis; requestedBy: string | null }>(tx, 'conversation_lock', sql`
      select status, basis, requested_by as "requestedBy" from conversation where id = ${id} for update`);
    return res.rows[0] ?? null;
  },

  /**
   * Moves my read position forward (never back, never past the last message); a group chat's row is created here.
   * Answers the new position and whether it moved.
   */
  async markRead(tx: Queryable, conversationId: string, me: string, seq: number): Promise<{ seq: number; moved: boolean }> {
    const res = await executePrepared<{ seq: number; moved: boolean }>(tx, 'conversation_read', sql`
      with target as (select least(${seq}::int, last_seq) as seq from conversation where id = ${conversationId}),
      old as (select last_read_seq from conversation_participant where conversation_id = ${conversationId} and user_id = ${me}),
      up as (
        insert into conversation_participant (conversation_id, user_id, last_read_seq)
        select ${conversationId}, ${me}, greatest(target.seq, 0) from target
        on conflict (conversation_id, user_id) do update set last_read_seq = greatest(conversation_participant.last_read_seq, excluded.last_read_seq)
        returning last_read_seq
      )
      select up.last_read_seq as seq, up.last_read_seq is distinct from (select last_read_seq from old) as moved from up`);
    return res.rows[0] ?? { seq: 0, moved: false };
  },

  /** The two people of a direct conversation. */
  async people(db: Queryable, conversationId: string): Promise<string[]> {
    const res = await db.execute<{ user_id: string }>(sql`select user_id from conversation_participant where conversation_id = ${conversationId}`);
    return res.rows.map((r) => r.user_id);
  },

  /**
   * Who may receive a conversation's message event from `senderId` now: both people of a direct conversation (the
   * sender too, for their other devices; not someone who ignored the request), a group's active members; never
   * anyone who blocked the sender. Decided in the sending transaction.
   */
  messageRecipients(conversationId: string | SQL, senderId: string | SQL): SQL {
    return sql`
      select p.user_id as id from conversation c join conversation_participant p on p.conversation_id = c.id
        where c.id = ${conversationId} and c.kind = 'direct'
          and not (c.status = 'ignored' and p.user_id is distinct from c.requested_by)
      union
      select gm.user_id from conversation c join group_member gm on gm.group_id = c.group_id and gm.status = 'active'
        where c.id = ${conversationId} and c.kind = 'group'
      except
      select b.blocker_id from person_block b where b.blocked_id = ${senderId}`;
  },
};
