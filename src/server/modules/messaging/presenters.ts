import type { Message } from '../../../contracts/messaging.ts';

/** A message as stored, with its sender's display name: what every answer and every realtime frame is built from. */
export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string | null;
  senderName: string | null;
  body: string;
  html: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  offPlatform: boolean;
}

/**
 * The one place a message is shown to one reader. A deleted message keeps its place and says so, with no text. The
 * off-platform note is for the recipient, never the sender (it would tell them how to avoid it).
 */
export function presentMessage(row: MessageRow, viewerId: string): Message {
  const deleted = row.deletedAt !== null;
  const mine = row.senderId !== null && row.senderId === viewerId;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    sender: { id: row.senderId ?? '00000000-0000-0000-0000-000000000000', displayName: row.senderName ?? '' },
    mine,
    body: deleted ? '' : row.body,
    html: deleted ? '' : row.html,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    offPlatformNote: !mine && !deleted && row.offPlatform,
  };
}
