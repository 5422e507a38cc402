import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import type { MessageRow } from './presenters.ts';
import { executePrepared } from '../../db/prepared.ts';

const COLUMNS = sql`m.id, m.conversation_id as "conversationId", m.seq, m.sender_id as "senderId", u.name as "senderName",
  m.body, m.html, m.created_at as "createdAt", m.edited_at as "editedAt", m.deleted_at as "deletedAt", m.off_platform as "offPlatform"`;

type Raw = Omit<MessageRow, 'createdAt' | 'editedAt' | 'deletedAt'> & { createdAt: Date | string; editedAt: Date | string | null; deletedAt: Date | string | null };
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

  /** Stores a message at a seq taken under the conversation's lock (conversationsRepo.takeSeq). */
  async insert(tx: Queryable, m: { conversationId: string; seq: number; senderId: string; body: string; html: string; offPlatform: boolean }): Promise<{ id: string; createdAt: Date }> {
    const id = newId();
    const res = await executePrepared<{ created_at: Date | string }>(tx, 'message_insert', sql`
      insert into message (id, conversation_id, seq, sender_id, body, html, off_platform)
      values (${id}, ${m.conversationId}, ${m.seq}, ${m.senderId}, ${m.body}, ${m.html}, ${m.offPlatform})
      returning created_at`);
    return { id, createdAt: toDate(res.rows[0]!.created_at)! };
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
