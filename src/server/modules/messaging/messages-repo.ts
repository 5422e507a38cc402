import { type SQL, sql } from 'drizzle-orm';
import { messagingLimits } from '../../../contracts/messaging.ts';
import { publishing } from '../../realtime/publish.ts';
import type { Queryable } from '../../db/client.ts';
import type { MessageRow } from './presenters.ts';
import { executePrepared } from '../../db/prepared.ts';
import type { ConversationStatus } from './conversations-repo.ts';
import type { ConversationBasis } from './policy.ts';

const COLUMNS = sql`m.id, m.conversation_id as "conversationId", m.seq, m.sender_id as "senderId", u.name as "senderName",
  m.body, m.html, m.created_at as "createdAt", m.edited_at as "editedAt", m.deleted_at as "deletedAt", m.off_platform as "offPlatform"`;

type Raw = Omit<MessageRow, 'createdAt' | 'editedAt' | 'deletedAt'> & { createdAt: Date | string; editedAt: Date | string | null; deletedAt: Date | string | null };
/**
 * What a sender's right to append rests on, checked again by the append itself: a direct conversation's state as the
 * decision read it and no block either way; a group's chat on and the sender an active member of the group.
 */
export type StillHolds =
  | { kind: 'direct'; status: ConversationStatus; basis: ConversationBasis; otherId: string }
  | { kind: 'group'; groupId: string };

function stillHolds(s: StillHolds, me: string): SQL {
  if (s.kind === 'group') {
    return sql`exists (select 1 from group_member gm where gm.group_id = ${s.groupId} and gm.user_id = ${me} and gm.status = 'active')
      and exists (select 1 from group_chat gc where gc.group_id = ${s.groupId} and gc.enabled)`;
  }
  return sql`status = ${s.status} and basis = ${s.basis}
    and not exists (select 1 from person_block b where (b.blocker_id = ${me} and b.blocked_id = ${s.otherId}) or (b.blocker_id = ${s.otherId} and b.blocked_id = ${me}))`;
}

const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const row = (r: Raw): MessageRow => ({ ...r, createdAt: toDate(r.createdAt)!, editedAt: toDate(r.editedAt), deletedAt: toDate(r.deletedAt) });

export const messagesRepo = {
  /** Messages by id, in no particular order (the realtime hub loads a batch of events' messages at once). */
  async byIds(db: Queryable, ids: string[]): Promise<MessageRow[]> {
    if (!ids.length) return [];
    const res = await executePrepared<Raw>(db, 'messages_by_ids', sql`
      select ${COLUMNS} from message m left join "user" u on u.id = m.sender_id
      where m.id = any(${`{${ids.join(',')}}`}::uuid[])`);
    return res.rows.map(row);
  },

  /** A page of a conversation, in seq order: after a seq (catching up), before one (scrolling back), or the newest. */
  async page(db: Queryable, conversationId: string, opts: { after?: number; before?: number; limit: number; hideSendersBlockedBy?: string }): Promise<MessageRow[]> {
    const blocked = opts.hideSendersBlockedBy
      ? sql`and not exists (select 1 from person_block b where b.blocker_id = ${opts.hideSendersBlockedBy} and b.blocked_id = m.sender_id)`
      : sql``;
    if (opts.after !== undefined) {
      const res = await db.execute<Raw>(sql`
        select ${COLUMNS} from message m left join "user" u on u.id = m.sender_id
        where m.conversation_id = ${conversationId} and m.seq > ${opts.after} ${blocked}
        order by m.seq limit ${opts.limit}`);
      return res.rows.map(row);
    }
    const before = opts.before !== undefined ? sql`and m.seq < ${opts.before}` : sql``;
    const res = await db.execute<Raw>(sql`
      select * from (
        select ${COLUMNS} from message m left join "user" u on u.id = m.sender_id
        where m.conversation_id = ${conversationId} ${before} ${blocked}
        order by m.seq desc limit ${opts.limit}
      ) newest order by seq`);
    return res.rows.map(row);
  },

  async find(db: Queryable, id: string): Promise<MessageRow | null> {
    return (await messagesRepo.byIds(db, [id]))[0] ?? null;
  },

  /**
   * Appends a message in one statement (autocommit, or the caller's transaction): the conversation's next seq, the
   * message, the sender's read position and the `message.created` event with its NOTIFY. It writes only while the
   * state the sender's right rests on still holds (`still`): else nothing is written and it answers null, and the
   * caller decides again under the conversation's lock. Seqs stay gapless and in commit order: the seq is taken by
   * updating the conversation's row, which holds its lock until commit.
   */
  async append(
    q: Queryable,
    m: { id: string; conversationId: string; senderId: string; body: string; html: string; pressure: boolean; still: StillHolds; recipients: SQL },
  ): Promise<{ seq: number; createdAt: Date; offPlatform: boolean } | null> {
    const { ctes, notify } = publishing(
      { type: 'message.created', conversationId: m.conversationId, subjectId: m.id, seq: sql`(select seq from m)` },
      m.recipients,
      sql`exists (select 1 from m)`,
    );
    const res = await executePrepared<{ seq: number; created_at: Date | string; off_platform: boolean }>(q, 'message_append', sql`
      with c as (
        update conversation set last_seq = last_seq + 1, last_message_at = now()
        where id = ${m.conversationId} and ${stillHolds(m.still, m.senderId)}
        returning id, last_seq
      ),
      m as (
        insert into message (id, conversation_id, seq, sender_id, body, html, off_platform)
        select ${m.id}, c.id, c.last_seq, ${m.senderId}, ${m.body}, ${m.html}, ${m.pressure}::boolean and c.last_seq <= ${messagingLimits.offPlatformWindow}::int from c
        returning seq, created_at, off_platform
      ),
      mine as (
        insert into conversation_participant (conversation_id, user_id, last_read_seq)
        select ${m.conversationId}, ${m.senderId}, m.seq from m
        on conflict (conversation_id, user_id) do update set last_read_seq = greatest(conversation_participant.last_read_seq, excluded.last_read_seq)
      ),
      ${ctes}
      select m.seq, m.created_at, m.off_platform, (select ${notify} from ev) as notified from m`);
    const r = res.rows[0];
    return r ? { seq: r.seq, createdAt: toDate(r.created_at)!, offPlatform: r.off_platform } : null;
  },

  /** Locks a message for an edit or a deletion and reads who sent it. */
  async lock(tx: Queryable, id: string): Promise<{ senderId: string | null; deleted: boolean; offPlatform: boolean; seq: number } | null> {
    const res = await tx.execute<{ senderId: string | null; deleted: boolean; offPlatform: boolean; seq: number }>(sql`
      select sender_id as "senderId", deleted_at is not null as deleted, off_platform as "offPlatform", seq from message where id = ${id} for update`);
    return res.rows[0] ?? null;
  },

  async edit(tx: Queryable, id: string, m: { body: string; html: string; offPlatform: boolean }) {
    await tx.execute(sql`update message set body = ${m.body}, html = ${m.html}, off_platform = ${m.offPlatform}, edited_at = now() where id = ${id}`);
  },

  /** Empties a message: it keeps its seq and shows as deleted. */
  async remove(tx: Queryable, id: string, by: 'sender' | 'moderator') {
    await tx.execute(sql`update message set body = '', html = '', deleted_at = now(), deleted_by = ${by} where id = ${id} and deleted_at is null`);
  },

  /**
   * Words in the conversations `me` reads now (direct ones they are in, chats of groups they belong to), newest
   * first; never a deleted message or one from someone they blocked.
   */
  async search(db: Queryable, me: string, q: string, limit: number): Promise<(MessageRow & { title: string })[]> {
    const res = await db.execute<Raw & { title: string }>(sql`
      select ${COLUMNS}, coalesce(g.name, ou.name, '') as title
      from message m
      join conversation c on c.id = m.conversation_id
      left join "user" u on u.id = m.sender_id
      left join conversation_participant p on c.kind = 'direct' and p.conversation_id = c.id and p.user_id = ${me}
      left join conversation_participant o on c.kind = 'direct' and o.conversation_id = c.id and o.user_id <> ${me}
      left join "user" ou on ou.id = o.user_id
      left join group_member gm on c.kind = 'group' and gm.group_id = c.group_id and gm.user_id = ${me} and gm.status = 'active'
      left join support_group g on g.id = c.group_id
      where (p.user_id is not null or gm.user_id is not null)
        and m.deleted_at is null
        and m.search @@ plainto_tsquery('simple', ${q})
        and not exists (select 1 from person_block b where b.blocker_id = ${me} and b.blocked_id = m.sender_id)
      order by m.created_at desc, m.id desc
      limit ${limit}`);
    return res.rows.map((r) => ({ ...row(r), title: r.title }));
  },

  /** Every message of a conversation in seq order, or only one sender's (an export of a group's chat). */
  async all(db: Queryable, conversationId: string, onlyFrom?: string): Promise<MessageRow[]> {
    const res = await db.execute<Raw>(sql`
      select ${COLUMNS} from message m left join "user" u on u.id = m.sender_id
      where m.conversation_id = ${conversationId} ${onlyFrom ? sql`and m.sender_id = ${onlyFrom}` : sql``}
      order by m.seq`);
    return res.rows.map(row);
  },

  /** Messages older than the retention period, removed whole. */
  async deleteOlderThan(db: Queryable, before: Date): Promise<number> {
    const res = await db.execute(sql`delete from message where created_at < ${before.toISOString()}::timestamptz`);
    return res.rowCount ?? 0;
  },
};
