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
  /** The socket the writer sent from (`kindred-socket`): not sent this event's frame; it has the answer already. */
  skipSocket?: string | null;
}

/**
 * Writes the event in the caller's transaction and notifies every instance on commit (NOTIFY is transactional and
 * delivered in commit order). The payload is `<event id>|<recipient ids, comma-separated>`, or `<event id>|*` when
 * the list is too long, then `|<socket id>` when the writer named its own socket: ids only, never content. Returns
 * the event id.
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
    select e.id, ${notifyEvent(sql`e`, sql`${event.skipSocket ?? null}::uuid`)} from e`);
  return res.rows[0]?.id ?? null;
}

/**
 * The NOTIFY of a realtime_event row just written (`row`: its alias, with `id` and `recipients`), for statements that
 * write events themselves (messagesRepo.append). `skipSocket`: a uuid expression, null for none. The payload is ids
 * only (see `publish`).
 */
export const notifyEvent = (row: SQL, skipSocket: SQL = sql`null::uuid`) => sql`pg_notify(${REALTIME_CHANNEL}, ${row}.id::text || '|' ||
  case when 37 + length(array_to_string(${row}.recipients, ',')) < ${PAYLOAD_MAX} then array_to_string(${row}.recipients, ',') else '*' end
  || coalesce('|' || ${skipSocket}::text, ''))`;

export interface ParsedPayload {
  eventId: string;
  /** Null: read them from the row. */
  recipients: string[] | null;
  /** The writer's own socket, not sent this event. */
  skipSocket: string | null;
}

/** Parses a payload written by `publish`. */
export function parsePayload(payload: string): ParsedPayload | null {
  if (payload.indexOf('|') !== 36) return null;
  const eventId = payload.slice(0, 36);
  const last = payload.lastIndexOf('|');
  // A socket id is 36 characters after a second bar; the recipients never contain one.
  const skipSocket = last > 36 ? payload.slice(last + 1) : null;
  const rest = payload.slice(37, last > 36 ? last : undefined);
  return { eventId, recipients: rest === '*' ? null : rest ? rest.split(',') : [], skipSocket };
}
