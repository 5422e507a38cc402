import { type SQL, sql } from 'drizzle-orm';
import type { RealtimeEventType } from '../../contracts/realtime.ts';
import type { Queryable } from '../db/client.ts';
import { newId, uuidArray } from '../db/ids.ts';
import { executePrepared } from '../db/prepared.ts';

/** The channel every instance listens on (db/notifications.ts); its payloads are ids only. */
export const REALTIME_CHANNEL = 'kindred_realtime';
/** PostgreSQL refuses payloads of 8000 bytes or more; past this the listeners read the recipients from the row. */
const PAYLOAD_MAX = 7000;

export interface NewRealtimeEvent {
  type: RealtimeEventType;
  conversationId?: string | null;
  subjectId?: string | null;
  seq?: number | null;
  /** Who may receive it, decided now (membership and blocks included). Empty: nothing is written. */
  recipients: string[];
}

/**
 * Writes the event in the caller's transaction and notifies every instance on commit (NOTIFY is transactional and
 * delivered in commit order). The payload is `<event id>|<recipient ids, comma-separated>`, or `<event id>|*` when
 * the list is too long: ids only, never content. Returns the event id.
 */
export async function publish(db: Queryable, event: NewRealtimeEvent): Promise<string | null> {
  const { recipients, ...rest } = event;
  if (!recipients.length) return null;
  return publishTo(db, rest, sql`select unnest(${uuidArray(recipients)}) as id`);
}

/**
 * `publish` with the recipients chosen by a query (`select <uuid> as id ...`) in the same statement: one round trip
 * instead of reading them first. Nothing is written when the query finds nobody. Returns the event id, or null.
 */
export async function publishTo(db: Queryable, event: Omit<NewRealtimeEvent, 'recipients'>, recipients: SQL): Promise<string | null> {
  const id = newId();
  const res = await executePrepared<{ id: string }>(db, 'realtime_publish_to', sql`
    with r as (select distinct id from (${recipients}) q),
    e as (
      insert into realtime_event (id, type, conversation_id, subject_id, seq, recipients)
      select ${id}, ${event.type}, ${event.conversationId ?? null}, ${event.subjectId ?? null}, ${event.seq ?? null}, array_agg(r.id)
      from r having count(*) > 0
      returning id, recipients
    )
    select e.id, ${notifyEvent(sql`e`)} from e`);
  return res.rows[0]?.id ?? null;
}

/**
 * The NOTIFY of a realtime_event row just written (`row`: its alias, with `id` and `recipients`), for statements that
 * write events themselves (messagesRepo.append). The payload is ids only (see `publish`).
 */
export const notifyEvent = (row: SQL) => sql`pg_notify(${REALTIME_CHANNEL}, ${row}.id::text || '|' ||
  case when 37 + length(array_to_string(${row}.recipients, ',')) < ${PAYLOAD_MAX} then array_to_string(${row}.recipients, ',') else '*' end)`;

/** Parses a payload written by `publish`: the event id and its recipients (null: read them from the row). */
export function parsePayload(payload: string): { eventId: string; recipients: string[] | null } | null {
  const bar = payload.indexOf('|');
  if (bar !== 36) return null;
  const rest = payload.slice(37);
  return { eventId: payload.slice(0, 36), recipients: rest === '*' ? null : rest ? rest.split(',') : [] };
}
