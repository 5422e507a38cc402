import { type SQL, sql } from 'drizzle-orm';
import { messagingLimits } from '../../../contracts/messaging.ts';
import { notifyEvent } from '../../realtime/publish.ts';
import type { Queryable } from '../../db/client.ts';
import type { MessageRow } from './presenters.ts';
import { uuidArray } from '../../db/ids.ts';
import { executePrepared, executeStatement, statement } from '../../db/prepared.ts';
import { type ConversationStatus, conversationsRepo } from './conversations-repo.ts';
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

/** The `still` of each input row `i` against its conversation `cv`, in the append. */
const stillHolds = sql`case when i.group_id is not null
  then exists (select 1 from group_member gm where gm.group_id = i.group_id and gm.user_id = i.sender_id and gm.status = 'active')
    and exists (select 1 from group_chat gc where gc.group_id = i.group_id and gc.enabled)
  else cv.status = i.status and cv.basis = i.basis
    and not exists (select 1 from person_block b
      where (b.blocker_id = i.sender_id and b.blocked_id = i.other_id) or (b.blocker_id = i.other_id and b.blocked_id = i.sender_id))
  end`;

/** A message to append: ids chosen beforehand, the stored body and HTML, and what the sender's right rests on. */
export interface AppendItem {
  id: string;
  eventId: string;
  conversationId: string;
  senderId: string;
  body: string;
  html: string;
  /** Presses to move off Kindred (flagged within the conversation's first messages). */
  pressure: boolean;
  still: StillHolds;
  /** The sender's own socket, named on the send (`kindred-socket`): its NOTIFY says to skip it. */
  skipSocket: string | null;
}

/** What an append answers for a message it wrote: what the statement decided, and its sender's name as stored. */
export interface Appended {
  seq: number;
  createdAt: Date;
  offPlatform: boolean;
  senderName: string | null;
}

const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const row = (r: Raw): MessageRow => ({ ...r, createdAt: toDate(r.createdAt)!, editedAt: toDate(r.editedAt), deletedAt: toDate(r.deletedAt) });

/**
 * One message as JSON, by id (`id`: an expression of the enclosing statement), for a read that carries it with
 * something else (the realtime hub reads a batch of events and their messages in one statement). `fromJson` reads it.
 */
export const messageJson = (id: SQL) =>
  sql`(select row_to_json(x) from (select ${COLUMNS} from message m left join "user" u on u.id = m.sender_id where m.id = ${id}) x)`;
export type MessageJson = Raw;
export const fromJson = (r: MessageJson): MessageRow => row(r);

/** The columns of an append's input, one array each (a row per message). */
type AppendColumns = {
  id: string[];
  eventId: string[];
  conversationId: string[];
  senderId: string[];
  body: string[];
  html: string[];
  pressure: boolean[];
  status: Array<string | null>;
  basis: Array<string | null>;
  otherId: Array<string | null>;
  groupId: Array<string | null>;
  skipSocket: Array<string | null>;
};

/** `messagesRepo.append`'s statement, built once (the send path runs it hundreds of times a second). */
const appendStatement = statement<AppendColumns>('message_append', (value) => sql`
      with input as (
        select * from unnest(${value('id')}::uuid[], ${value('eventId')}::uuid[], ${value('conversationId')}::uuid[],
          ${value('senderId')}::uuid[], ${value('body')}::text[], ${value('html')}::text[], ${value('pressure')}::boolean[],
          ${value('status')}::text[], ${value('basis')}::text[], ${value('otherId')}::uuid[],
          ${value('groupId')}::uuid[], ${value('skipSocket')}::uuid[])
          as t(id, event_id, conversation_id, sender_id, body, html, pressure, status, basis, other_id, group_id, skip_socket)
      ),
      locked as (
        -- Conversations by primary key (= any of an array): a plain join was planned as a scan of every conversation.
        select cv.id from conversation cv join input i on i.conversation_id = cv.id
        where cv.id = any(array(select conversation_id from input)) and ${stillHolds}
        order by cv.id for update of cv
      ),
      c as (
        update conversation cv set last_seq = cv.last_seq + 1, last_message_at = now()
        where cv.id = any(array(select id from locked))
        returning cv.id, cv.last_seq
      ),
      m as (
        insert into message (id, conversation_id, seq, sender_id, body, html, off_platform)
        select i.id, c.id, c.last_seq, i.sender_id, i.body, i.html, i.pressure and c.last_seq <= ${messagingLimits.offPlatformWindow}::int
        from c join input i on i.conversation_id = c.id
        returning id, conversation_id, seq, sender_id, created_at, off_platform
      ),
      mine as (
        insert into conversation_participant (conversation_id, user_id, last_read_seq)
        select m.conversation_id, m.sender_id, m.seq from m
        on conflict (conversation_id, user_id) do update set last_read_seq = greatest(conversation_participant.last_read_seq, excluded.last_read_seq)
      ),
      ev as (
        insert into realtime_event (id, type, conversation_id, subject_id, seq, recipients)
        select i.event_id, 'message.created', m.conversation_id, m.id, m.seq, r.ids
        from m join input i on i.id = m.id,
          -- offset 0: the recipients are worked out once per message, not again for the filter below.
          lateral (select array(${conversationsRepo.messageRecipients(sql`m.conversation_id`, sql`m.sender_id`)}) as ids offset 0) r
        where cardinality(r.ids) > 0
        returning id, subject_id, recipients
      )
      select m.id, m.seq, m.created_at, m.off_platform, (select u.name from "user" u where u.id = m.sender_id) as sender_name,
        (select ${notifyEvent(sql`ev`, sql`i.skip_socket`)} from ev where ev.subject_id = m.id) as notified
      from m join input i on i.id = m.id`);

export const messagesRepo = {
  /** Messages by id, in no particular order (the realtime hub loads a batch of events' messages at once). */
  async byIds(db: Queryable, ids: string[]): Promise<MessageRow[]> {
    if (!ids.length) return [];
    const res = await executePrepared<Raw>(db, 'messages_by_ids', sql`
      select ${COLUMNS} from message m left join "user" u on u.id = m.sender_id
      where m.id = any(${uuidArray(ids)})`);
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
   * Appends messages in one statement (autocommit, or the caller's transaction), at most one per conversation: each
   * conversation's next seq, the message, the sender's read position and its `message.created` event with a NOTIFY.
   * A message is written only while the state its sender's right rests on still holds (`still`); else nothing of it
   * is written and its answer is null (the caller decides again under the conversation's lock). Seqs stay gapless
   * and in commit order: a seq is taken by updating the conversation's row, which keeps it locked until commit. The
   * rows are locked in id order, so batches on several instances cannot deadlock. Each answer carries the sender's
   * name as stored, so the message can be shown (and delivered by this instance's hub) without a second read.
   */
  async append(q: Queryable, items: AppendItem[]): Promise<Array<Appended | null>> {
    const col = <T>(f: (i: AppendItem) => T) => items.map(f);
    const direct = (i: AppendItem) => (i.still.kind === 'direct' ? i.still : null);
    const res = await executeStatement<{ id: string; seq: number; created_at: Date | string; off_platform: boolean; sender_name: string | null }, AppendColumns>(q, appendStatement, {
      id: col((i) => i.id),
      eventId: col((i) => i.eventId),
      conversationId: col((i) => i.conversationId),
      senderId: col((i) => i.senderId),
      body: col((i) => i.body),
      html: col((i) => i.html),
      pressure: col((i) => i.pressure),
      status: col((i) => direct(i)?.status ?? null),
      basis: col((i) => direct(i)?.basis ?? null),
      otherId: col((i) => direct(i)?.otherId ?? null),
      groupId: col((i) => (i.still.kind === 'group' ? i.still.groupId : null)),
      skipSocket: col((i) => i.skipSocket),
    });
    const byId = new Map(res.rows.map((r) => [r.id, r]));
    return items.map((i) => {
      const r = byId.get(i.id);
      return r ? { seq: r.seq, createdAt: toDate(r.created_at)!, offPlatform: r.off_platform, senderName: r.sender_name } : null;
    });
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
