import { z } from 'zod';
import { uuid } from './common.ts';
import { message } from './messaging.ts';

/**
 * The realtime socket, `GET /api/v1/realtime` (docs/realtime.md): JSON text frames. The server authenticates the
 * upgrade by the session cookie and checks the Origin. Every event frame has an `id` (the event's id): after a
 * reconnect the client sends `resume` with the last id it saw and gets what it missed, in order.
 */

export const realtimeLimits = {
  /** Bytes in one frame from a client; larger frames close the socket (1009). */
  maxFrameBytes: 4096,
  /** Frames a client may send per 10 seconds before it gets an error frame; twice that closes the socket. */
  framesPer10s: 50,
  heartbeatMs: 25_000,
  /** Bytes waiting to be sent to one slow client before its socket is dropped (the client resumes; nothing is lost). */
  maxBufferedBytes: 1_000_000,
  /** How long events are kept for resuming; a client that was away longer reloads instead (`resync`). */
  resumeDays: 7,
} as const;

// ── Client to server ──────────────────────────────────────────────────────────────────────────────────────────

export const clientFrame = z.discriminatedUnion('type', [
  /** Send what I missed since this event id (absent: nothing, start live). */
  z.strictObject({ type: z.literal('resume'), after: uuid.optional() }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

// ── Server to client ──────────────────────────────────────────────────────────────────────────────────────────

export const REALTIME_EVENT_TYPES = ['message.created', 'message.updated', 'conversation.read', 'conversation.updated', 'notification.created'] as const;
export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

export const messageEventFrame = z.object({
  type: z.enum(['message.created', 'message.updated']),
  id: uuid,
  conversationId: uuid,
  message,
});
/** Someone read a conversation up to `seq` (me on another device, or the other person: "seen"). */
export const readEventFrame = z.object({ type: z.literal('conversation.read'), id: uuid, conversationId: uuid, userId: uuid, seq: z.number().int() });
/** A conversation changed (a request arrived or was accepted, someone blocked): reload it. */
export const conversationEventFrame = z.object({ type: z.literal('conversation.updated'), id: uuid, conversationId: uuid });
/** A notification arrived in my inbox: reload the inbox (the frame never carries its text). */
export const notificationEventFrame = z.object({ type: z.literal('notification.created'), id: uuid, notificationId: uuid });

export const eventFrame = z.union([messageEventFrame, readEventFrame, conversationEventFrame, notificationEventFrame]);
export type EventFrame = z.infer<typeof eventFrame>;

export const controlFrame = z.union([
  /** `socketId`: this socket's id, known only to this client; naming it on a send skips this socket (below). */
  z.object({ type: z.literal('hello'), heartbeatMs: z.number().int(), socketId: uuid }),
  /** The replay after a resume is complete; live events follow. */
  z.object({ type: z.literal('resumed'), replayed: z.number().int() }),
  /** The id to resume from is unknown or too old: reload conversations over HTTP, then resume from `latest`. */
  z.object({ type: z.literal('resync'), latest: uuid.nullable() }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.enum(['malformed', 'rate_limited', 'unknown_type']), message: z.string() }),
]);
export type ControlFrame = z.infer<typeof controlFrame>;
export type ServerFrame = EventFrame | ControlFrame;

// ── The sending socket ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The header a client names its own socket with when it sends or edits a message (the id from its `hello`). That
 * socket then gets no `message.created`/`message.updated` frame for it: the client has the message from the HTTP
 * answer already. The sender's other sockets (their other devices) still get it, and so does a resume.
 */
export const SOCKET_HEADER = 'kindred-socket';
export const socketHeaders = z.object({
  [SOCKET_HEADER]: uuid.optional().describe("The id of the caller's own realtime socket (its `hello` frame): that socket is not sent this message's frame."),
});

/** Close codes the server uses besides the standard ones (1008 policy, 1009 too big). */
export const CLOSE_CODES = { tooSlow: 4008, flood: 4029, signedOut: 4401 } as const;
