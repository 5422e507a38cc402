import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../db/client.ts';
import { queryPrepared } from '../db/prepared.ts';
import { fromJson, type MessageJson, messageJson } from '../modules/messaging/messages-repo.ts';
import type { MessageRow } from '../modules/messaging/presenters.ts';
import type { RealtimeEventType } from '../../contracts/realtime.ts';

/** A realtime_event row as the hub needs it; `recipients` only when asked for. */
export interface EventRow {
  id: string;
  type: RealtimeEventType;
  conversationId: string | null;
  subjectId: string | null;
  seq: number | null;
  recipients: string[] | null;
}

const COLUMNS = `e.id, e.type, e.conversation_id as "conversationId", e.subject_id as "subjectId", e.seq`;

/** How far before the `after` event a replay looks, for transactions that took their id before it and committed after. */
export const RESUME_SLACK_SECONDS = 5;
/** More missed events than this: the client reloads over HTTP instead (`resync`). */
export const MAX_REPLAY = 500;

export const eventsRepo = {
  /**
   * Events by id (the recipients of those in `withRecipients`: a notification too long to carry them) and the
   * messages they name, in one statement: what the hub needs to deliver a batch.
   */
  async forDelivery(db: Db, ids: string[], withRecipients: string[]): Promise<{ events: Map<string, EventRow>; messages: Map<string, MessageRow> }> {
    const rows = await queryPrepared<EventRow & { message: MessageJson | null }>(db, 'realtime_delivery', sql`
      select ${sql.raw(COLUMNS)},
        case when e.id = any(${sql.param(withRecipients)}::uuid[]) then e.recipients end as recipients,
        case when e.type in ('message.created', 'message.updated') then ${messageJson(sql`e.subject_id`)} end as message
      from realtime_event e where e.id = any(${sql.param(ids)}::uuid[])`);
    const events = new Map<string, EventRow>();
    const messages = new Map<string, MessageRow>();
    for (const { message, ...event } of rows) {
      events.set(event.id, event);
      if (message) messages.set(message.id, fromJson(message));
    }
    return { events, messages };
  },

  /**
   * The events of `userId` from RESUME_SLACK_SECONDS before event `after` on, oldest first, or null when `after` is
   * not theirs, older than the resume window or pruned. The slack is there because created_at is the writing
   * transaction's start, and one that started earlier may have committed later. `had` marks what the client can be
   * shown to have: `after` itself, and the messages of its conversation up to its seq (a conversation's seqs commit
   * in order). The caller sends the rest and drops every one of these ids from what it held meanwhile.
   */
  async since(pool: pg.Pool, userId: string, after: string, resumeDays: number): Promise<Array<EventRow & { had: boolean }> | null> {
    const anchor = await pool.query<{ found: boolean }>(
      `select true as found from realtime_event
        where id = $1 and recipients @> array[$2::uuid] and created_at > now() - make_interval(days => $3)`,
      [after, userId, resumeDays],
    );
    if (!anchor.rows.length) return null;
    const { rows } = await pool.query<EventRow & { had: boolean }>(
      `select ${COLUMNS}, null as recipients,
              e.id = a.id or (a.type = 'message.created' and e.type = 'message.created'
                              and e.conversation_id = a.conversation_id and e.seq <= a.seq) as had
         from realtime_event e, realtime_event a
        where a.id = $1 and e.recipients @> array[$2::uuid] and e.created_at >= a.created_at - make_interval(secs => $3)
        order by e.created_at, e.id
        limit $4`,
      [after, userId, RESUME_SLACK_SECONDS, MAX_REPLAY + 1],
    );
    return rows;
  },

  /** The newest event for `userId`: where a client that must reload resumes from afterwards. */
  async latest(pool: pg.Pool, userId: string): Promise<string | null> {
    const { rows } = await pool.query<{ id: string }>(
      `select id from realtime_event where recipients @> array[$1::uuid] order by created_at desc, id desc limit 1`,
      [userId],
    );
    return rows[0]?.id ?? null;
  },

  /** Which of these sessions still hold (not signed out, not expired). */
  async liveSessions(pool: pg.Pool, sessionIds: string[]): Promise<Set<string>> {
    const { rows } = await pool.query<{ id: string }>(`select id from session where id = any($1) and expires_at > now()`, [sessionIds]);
    return new Set(rows.map((r) => r.id));
  },
};
