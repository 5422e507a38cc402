import { z } from 'zod';
import { cleanText, isoDateTime, uuid } from './common.ts';
import { crisisPayload } from './journey.ts';

/**
 * Messaging (docs/messaging.md): one-to-one and group conversations where a relationship exists (mentor and mentee,
 * a group's chat, members and staff), message requests for everyone else, blocking and reports. Messages are stored
 * first and pushed second over the realtime socket (`realtime.ts`), so nothing is lost while a phone sleeps.
 */

export const messagingLimits = {
  body: 4000,
  reportNote: 1000,
  searchQuery: 200,
  pageSize: 50,
  pageSizeMax: 100,
  conversationsPageSize: 50,
  /** A direct conversation has two people; a group's chat is its members. */
  participants: 1,
  /** The first messages of a conversation with a new contact are read for pressure to move off Kindred. */
  offPlatformWindow: 10,
  retentionDaysMin: 30,
  retentionDaysMax: 3650,
} as const;

const text = cleanText;

export const person = z.object({ id: uuid, displayName: z.string() }).meta({ id: 'MessagingPerson' });

/**
 * Why these people may write to each other: `mentorship` (active mentor and mentee), `group` (the group's chat),
 * `staff` (a coordinator, a facilitator of one of the member's groups, a peer supporter on call), `request` (none of
 * those: the recipient accepts or ignores it).
 */
export const CONVERSATION_BASES = ['mentorship', 'group', 'staff', 'request'] as const;
export const conversationBasis = z.enum(CONVERSATION_BASES);

/** `active`: both may write; `requested`: a message request waiting for the recipient; `ignored`: the recipient ignored it. */
export const CONVERSATION_STATUSES = ['active', 'requested', 'ignored'] as const;
export const conversationStatus = z.enum(CONVERSATION_STATUSES);

export const messageBody = text(messagingLimits.body).min(1, { message: 'Write a message' });

/** POST /api/v1/conversations: a direct conversation with one person (the same one comes back if it exists), or a group's chat. */
export const createConversationBody = z
  .strictObject({
    participants: z.array(uuid).min(1).max(messagingLimits.participants).optional(),
    groupId: uuid.optional(),
    /** A first message, required for a message request (the recipient decides on it). */
    message: messageBody.optional(),
  })
  .refine((b) => (b.participants ? !b.groupId : Boolean(b.groupId)), { message: 'Name one person, or a group', path: ['participants'] });

export const message = z
  .object({
    id: uuid,
    conversationId: uuid,
    /** Order within the conversation, from 1, without gaps among stored messages. */
    seq: z.number().int(),
    sender: person,
    mine: z.boolean(),
    /** The Markdown source (for editing); empty once deleted. */
    body: z.string(),
    /** Sanitized HTML rendered on the server; links carry rel="nofollow noopener noreferrer" and the app warns before leaving. */
    html: z.string(),
    createdAt: isoDateTime,
    editedAt: isoDateTime.nullable(),
    /** Shown as "deleted": body and html are empty. */
    deleted: z.boolean(),
    /**
     * For the recipient only: a new contact asked to move off Kindred (a phone number, a payment handle, another
     * app) in the first messages. The app shows a gentle safety note above it.
     */
    offPlatformNote: z.boolean(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof message>;

export const conversation = z
  .object({
    id: uuid,
    kind: z.enum(['direct', 'group']),
    basis: conversationBasis,
    status: conversationStatus,
    /** A direct conversation's other person; null for a group's chat. */
    other: person.nullable(),
    group: z.object({ id: uuid, name: z.string() }).nullable(),
    /** I started a request that is still waiting (I cannot write more until it is accepted). */
    requestedByMe: z.boolean(),
    /** The other person is blocked by me (I can unblock); nothing they send reaches me. */
    blockedByMe: z.boolean(),
    /** Can I send a message now (active, nobody blocked, still related or accepted). */
    canWrite: z.boolean(),
    lastSeq: z.number().int(),
    lastReadSeq: z.number().int(),
    /** The other person's read position (direct conversations), for "seen". */
    otherReadSeq: z.number().int().nullable(),
    unread: z.number().int(),
    lastMessage: message.nullable(),
    lastMessageAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof conversation>;

export const conversationList = z
  .object({ conversations: z.array(conversation), requests: z.array(conversation), unread: z.number().int() })
  .meta({ id: 'ConversationList' });

export const messagesQuery = z.strictObject({
  /** Messages with a seq greater than this (catching up after a reconnect); absent: the newest page. */
  after: z.coerce.number().int().min(0).optional(),
  /** Messages with a seq less than this (scrolling back). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(messagingLimits.pageSizeMax).default(messagingLimits.pageSize),
});

export const messagePage = z
  .object({ conversation, messages: z.array(message), hasMore: z.boolean() })
  .meta({ id: 'MessagePage' });

export const sendMessageBody = z.strictObject({ body: messageBody });
export const editMessageBody = z.strictObject({ body: messageBody });

/** What sending (or editing) answers: the message as stored, and crisis help when the sender's words called for it. */
export const sentMessage = z
  .object({ message, crisis: crisisPayload.nullable() })
  .meta({ id: 'SentMessage' });

/** POST /api/v1/conversations answers the conversation (201 new, 200 the existing one) and the first message if one was sent. */
export const createdConversation = z
  .object({ conversation, sent: sentMessage.nullable() })
  .meta({ id: 'CreatedConversation' });

export const readBody = z.strictObject({ seq: z.number().int().min(0) });
export const unreadCount = z.object({ unread: z.number().int(), requests: z.number().int() }).meta({ id: 'UnreadMessages' });

export const requestDecisionBody = z.strictObject({ decision: z.enum(['accept', 'ignore']) });

/** People I may write to without a request: my mentor or mentees, my groups' facilitators, coordinators, who is on call. */
export const contact = z
  .object({ person, basis: conversationBasis, conversationId: uuid.nullable() })
  .meta({ id: 'MessagingContact' });
export const contactList = z.object({ contacts: z.array(contact) }).meta({ id: 'MessagingContactList' });

/**
 * Someone I may want to write to (a forum author, say), before I write: whether a conversation with them exists,
 * the relationship that lets us write (`request`: none, a message request is needed) and whether I can start one.
 * `canStart` false is one answer for a block either way and for a person who does not take message requests, so
 * neither is announced.
 */
export const messagingReach = z
  .object({ person, conversationId: uuid.nullable(), basis: conversationBasis, canStart: z.boolean() })
  .meta({ id: 'MessagingReach' });

/** My own messaging choices. `acceptRequests` (default true): people I have no relationship with may send me a request. */
export const messagingPreferences = z.object({ acceptRequests: z.boolean() }).meta({ id: 'MessagingPreferences' });
export const messagingPreferencesBody = z.strictObject({ acceptRequests: z.boolean() });

export const blockBody = z.strictObject({ userId: uuid });
export const blockList = z.object({ blocked: z.array(z.object({ person, blockedAt: isoDateTime })) }).meta({ id: 'BlockList' });

export const REPORT_REASONS = ['harassment', 'unwanted_contact', 'off_platform_pressure', 'spam', 'threat', 'other'] as const;
export const reportReason = z.enum(REPORT_REASONS);
export const reportMessageBody = z.strictObject({ reason: reportReason, note: text(messagingLimits.reportNote).default('') });

export const messageSearchQuery = z.strictObject({
  q: text(messagingLimits.searchQuery).min(2),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const messageSearchResult = z
  .object({ results: z.array(z.object({ message, conversation: z.object({ id: uuid, title: z.string() }) })) })
  .meta({ id: 'MessageSearchResult' });

// ── Moderation of reported messages ───────────────────────────────────────────────────────────────────────────

export const REPORT_RESOLUTIONS = ['no_action', 'warned', 'message_removed'] as const;
export const messageReportSummary = z
  .object({
    id: uuid,
    reason: reportReason,
    status: z.enum(['open', 'resolved']),
    reportedAt: isoDateTime,
    /** The person who wrote the reported message (moderators need to know whom it concerns). */
    sender: person,
  })
  .meta({ id: 'MessageReportSummary' });
export const messageReportList = z.object({ reports: z.array(messageReportSummary) }).meta({ id: 'MessageReportList' });

/** A copy taken when it was reported, so a later edit or deletion cannot hide what was reported. */
export const reportedLine = z.object({ seq: z.number().int(), sender: person, body: z.string(), createdAt: isoDateTime, reported: z.boolean() });
export const messageReportDetail = z
  .object({
    report: messageReportSummary,
    note: z.string(),
    reporter: person,
    /** The reported message and the few messages around it: nothing else of the conversation. */
    context: z.array(reportedLine),
    resolution: z.enum(REPORT_RESOLUTIONS).nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: 'MessageReportDetail' });
export const resolveReportBody = z.strictObject({ resolution: z.enum(REPORT_RESOLUTIONS), note: text(500).default('') });

// ── Settings and export ───────────────────────────────────────────────────────────────────────────────────────

export const messagingSettings = z
  .object({
    /** Messages older than this are deleted by a daily job; null keeps them. */
    retentionDays: z.number().int().min(messagingLimits.retentionDaysMin).max(messagingLimits.retentionDaysMax).nullable(),
  })
  .meta({ id: 'MessagingSettings' });
export const messagingSettingsBody = z.strictObject({
  retentionDays: z.number().int().min(messagingLimits.retentionDaysMin).max(messagingLimits.retentionDaysMax).nullable(),
});

export const groupChatBody = z.strictObject({ enabled: z.boolean() });

export const messagesExport = z
  .object({
    exportedAt: isoDateTime,
    conversations: z.array(
      z.object({
        id: uuid,
        title: z.string(),
        messages: z.array(z.object({ seq: z.number().int(), from: z.string(), mine: z.boolean(), body: z.string(), createdAt: isoDateTime, editedAt: isoDateTime.nullable(), deleted: z.boolean() })),
      }),
    ),
  })
  .meta({ id: 'MessagesExport' });
