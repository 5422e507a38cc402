import type { EventFrame } from '../../contracts/realtime.ts';
import type { Db } from '../db/client.ts';
import { messagesRepo } from '../modules/messaging/messages-repo.ts';
import { type MessageRow, presentMessage } from '../modules/messaging/presenters.ts';
import type { EventRow } from './events-repo.ts';

const isMessage = (e: EventRow) => e.type === 'message.created' || e.type === 'message.updated';

/** The messages a batch of events names, read in one query. */
export async function loadMessages(db: Db, events: Iterable<EventRow>): Promise<Map<string, MessageRow>> {
  const ids = new Set<string>();
  for (const e of events) if (isMessage(e) && e.subjectId) ids.add(e.subjectId);
  const rows = await messagesRepo.byIds(db, [...ids]);
  return new Map(rows.map((m) => [m.id, m]));
}

/**
 * The frame one reader gets for an event: a message as presentMessage shows it to them; anything else only ids
 * and a position from the event row, never text. Null when the message is gone (retention removed it).
 */
export function frameFor(event: EventRow, messages: ReadonlyMap<string, MessageRow>, viewerId: string): EventFrame | null {
  const conversationId = event.conversationId ?? '';
  switch (event.type) {
    case 'message.created':
    case 'message.updated': {
      const row = event.subjectId ? messages.get(event.subjectId) : undefined;
      return row ? { type: event.type, id: event.id, conversationId: row.conversationId, message: presentMessage(row, viewerId) } : null;
    }
    case 'conversation.read':
      return { type: event.type, id: event.id, conversationId, userId: event.subjectId ?? '', seq: event.seq ?? 0 };
    case 'conversation.updated':
      return { type: event.type, id: event.id, conversationId };
    case 'notification.created':
      return { type: event.type, id: event.id, notificationId: event.subjectId ?? '' };
    default:
      return null;
  }
}
