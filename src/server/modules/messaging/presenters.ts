import type { Conversation, Message } from '../../../contracts/messaging.ts';
import type { ConversationView } from './conversations-repo.ts';

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

/** What the rules decided for one reader of a conversation (conversation-gate.ts). */
export interface ConversationRules {
  basis: Conversation['basis'];
  canWrite: boolean;
  blockedByMe: boolean;
}

/**
 * A conversation for one reader. A request's sender always sees it waiting, even once it was ignored (they are not
 * told), and sees no "seen" until it is accepted.
 */
export function presentConversation(v: ConversationView, viewerId: string, rules: ConversationRules, last: MessageRow | null): Conversation {
  const mine = v.requestedBy === viewerId;
  const status = v.status === 'ignored' && mine ? 'requested' : v.status;
  return {
    id: v.id,
    kind: v.kind,
    basis: rules.basis,
    status,
    other: v.kind === 'direct' && v.otherId ? { id: v.otherId, displayName: v.otherName ?? '' } : null,
    group: v.kind === 'group' && v.groupId ? { id: v.groupId, name: v.groupName ?? '' } : null,
    requestedByMe: v.status !== 'active' && mine,
    blockedByMe: rules.blockedByMe,
    canWrite: rules.canWrite,
    lastSeq: v.lastSeq,
    lastReadSeq: v.lastReadSeq,
    otherReadSeq: v.kind === 'direct' && v.status === 'active' ? (v.otherReadSeq ?? 0) : null,
    unread: v.unread,
    lastMessage: last ? presentMessage(last, viewerId) : null,
    lastMessageAt: v.lastMessageAt?.toISOString() ?? null,
  };
}
