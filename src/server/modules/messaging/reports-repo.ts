import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';

/** A line of a report's copy: what the moderator reads, frozen when it was reported. */
export interface ReportedLineCopy {
  seq: number;
  senderId: string | null;
  senderName: string;
  body: string;
  createdAt: string;
  reported: boolean;
}

export type ReportRow = {
  id: string;
  messageId: string | null;
  conversationId: string | null;
  reporterId: string | null;
  reporterName: string | null;
  senderId: string | null;
  senderName: string | null;
  reason: string;
  note: string;
  context: ReportedLineCopy[];
  status: 'open' | 'resolved';
  createdAt: Date;
  resolution: 'no_action' | 'warned' | 'message_removed' | null;
  resolutionNote: string | null;
};

const COLUMNS = sql`r.id, r.message_id as "messageId", r.conversation_id as "conversationId", r.reporter_id as "reporterId",
  ru.name as "reporterName", r.sender_id as "senderId", su.name as "senderName", r.reason, r.note, r.context, r.status,
  r.created_at as "createdAt", r.resolution, r.resolution_note as "resolutionNote"`;
const FROM = sql`message_report r left join "user" ru on ru.id = r.reporter_id left join "user" su on su.id = r.sender_id`;
const row = (r: ReportRow & { createdAt: Date | string }): ReportRow => ({ ...r, createdAt: new Date(r.createdAt) });

export const reportsRepo = {
  /** The messages around a seq (up to `around` each side), as the reporter sees them now. */
  async around(db: Queryable, conversationId: string, seq: number, around: number, hideSendersBlockedBy: string | null) {
    const res = await db.execute<{ seq: number; senderId: string | null; senderName: string | null; body: string; createdAt: Date | string }>(sql`
      select * from (
        (select m.seq, m.sender_id as "senderId", u.name as "senderName", m.body, m.created_at as "createdAt"
          from message m left join "user" u on u.id = m.sender_id
          where m.conversation_id = ${conversationId} and m.seq <= ${seq}
            ${hideSendersBlockedBy ? sql`and (m.seq = ${seq} or not exists (select 1 from person_block b where b.blocker_id = ${hideSendersBlockedBy} and b.blocked_id = m.sender_id))` : sql``}
          order by m.seq desc limit ${around + 1})
        union all
        (select m.seq, m.sender_id, u.name, m.body, m.created_at
          from message m left join "user" u on u.id = m.sender_id
          where m.conversation_id = ${conversationId} and m.seq > ${seq}
            ${hideSendersBlockedBy ? sql`and not exists (select 1 from person_block b where b.blocker_id = ${hideSendersBlockedBy} and b.blocked_id = m.sender_id)` : sql``}
          order by m.seq limit ${around})
      ) lines order by seq`);
    return res.rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  },

  async openBy(db: Queryable, messageId: string, reporterId: string): Promise<boolean> {
    const res = await db.execute(sql`select 1 from message_report where message_id = ${messageId} and reporter_id = ${reporterId} and status = 'open'`);
    return res.rows.length > 0;
  },

  /** Null when the same person reported the same message at the same moment (one open report each). */
  async insert(tx: Queryable, r: { messageId: string; conversationId: string; reporterId: string; senderId: string | null; reason: string; note: string; context: ReportedLineCopy[] }): Promise<string | null> {
    const id = newId();
    const res = await tx.execute(sql`
      insert into message_report (id, message_id, conversation_id, reporter_id, sender_id, reason, note, context)
      values (${id}, ${r.messageId}, ${r.conversationId}, ${r.reporterId}, ${r.senderId}, ${r.reason}, ${r.note}, ${JSON.stringify(r.context)}::jsonb)
      on conflict (message_id, reporter_id) where status = 'open' do nothing`);
    return res.rowCount ? id : null;
  },

  async list(db: Queryable, status: 'open' | 'resolved', limit: number): Promise<ReportRow[]> {
    const res = await db.execute<ReportRow>(sql`select ${COLUMNS} from ${FROM} where r.status = ${status} order by r.created_at ${status === 'open' ? sql`asc` : sql`desc`}, r.id limit ${limit}`);
    return res.rows.map(row);
  },

  async find(db: Queryable, id: string, lock = false): Promise<ReportRow | null> {
    const res = await db.execute<ReportRow>(sql`select ${COLUMNS} from ${FROM} where r.id = ${id} ${lock ? sql`for update of r` : sql``}`);
    return res.rows[0] ? row(res.rows[0]) : null;
  },

  async resolve(tx: Queryable, id: string, r: { by: string; resolution: string; note: string }) {
    await tx.execute(sql`
      update message_report set status = 'resolved', resolved_at = now(), resolved_by = ${r.by}, resolution = ${r.resolution}, resolution_note = ${r.note}
      where id = ${id}`);
  },
};
