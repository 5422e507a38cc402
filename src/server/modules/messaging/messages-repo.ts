import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { MessageRow } from './presenters.ts';

const COLUMNS = sql`m.id, m.conversation_id as "conversationId", m.seq, m.sender_id as "senderId", u.name as "senderName",
  m.body, m.html, m.created_at as "createdAt", m.edited_at as "editedAt", m.deleted_at as "deletedAt", m.off_platform as "offPlatform"`;

type Raw = Omit<MessageRow, 'createdAt' | 'editedAt' | 'deletedAt'> & { createdAt: Date | string; editedAt: Date | string | null; deletedAt: Date | string | null };
const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const row = (r: Raw): MessageRow => ({ ...r, createdAt: toDate(r.createdAt)!, editedAt: toDate(r.editedAt), deletedAt: toDate(r.deletedAt) });

export const messagesRepo = {
  /** Messages by id, in no particular order (the realtime hub loads a batch of events' messages at once). */
  async byIds(db: Queryable, ids: string[]): Promise<MessageRow[]> {
    if (!ids.length) return [];
    const res = await db.execute<Raw>(sql`
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
};
