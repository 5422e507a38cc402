import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import type { z } from 'zod';
import type { messageEventFrame, ServerFrame } from '../../src/contracts/realtime.ts';
import type { Db } from '../../src/server/db/client.ts';
import { conversation, conversationParticipant, message } from '../../src/server/modules/messaging/tables.ts';
import { publish } from '../../src/server/realtime/publish.ts';
import { ORIGIN } from './app.ts';

/**
 * A WebSocket client for tests: connects to /api/v1/realtime as a browser does (session cookie, Origin), keeps every
 * frame (parsed, and the raw text for privacy checks) and waits for the one a test expects.
 */
export class RealtimeClient {
  readonly frames: ServerFrame[] = [];
  readonly raw: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      this.frames.push(JSON.parse(text) as ServerFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    void this.closed.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Opens a socket; rejects with `status <code>` when the upgrade is refused. */
  static connect(baseUrl: string, cookie: string | undefined, opts: { origin?: string | null; autoPong?: boolean } = {}): Promise<RealtimeClient> {
    const origin = opts.origin === undefined ? ORIGIN : opts.origin;
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/realtime`, {
      headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
      autoPong: opts.autoPong ?? true,
    });
    const client = new RealtimeClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`status ${res.statusCode}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  send(frame: object | string) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (from `from` on) that matches; rejects after `ms` or when the socket closes first. */
  async waitFor<T extends ServerFrame>(match: (f: ServerFrame) => f is T, ms?: number, from?: number): Promise<T>;
  async waitFor(match: (f: ServerFrame) => boolean, ms?: number, from?: number): Promise<ServerFrame>;
  async waitFor(match: (f: ServerFrame) => boolean, ms = 3000, from = 0): Promise<ServerFrame> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`socket closed; frames: ${this.raw.join(' ')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame in ${ms} ms; frames: ${this.raw.join(' ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Connects, waits for hello, sends resume and waits for its answer: the socket is live when this resolves. */
  static async live(baseUrl: string, cookie: string, after?: string, origin?: string): Promise<RealtimeClient> {
    const client = await RealtimeClient.connect(baseUrl, cookie, { origin });
    await client.waitFor((f) => f.type === 'hello');
    client.send({ type: 'resume', ...(after ? { after } : {}) });
    await client.waitFor((f) => f.type === 'resumed' || f.type === 'resync');
    return client;
  }

  /** Event frames only (ids and types), in arrival order. */
  events() {
    return this.frames.filter((f): f is Extract<ServerFrame, { id: string }> => 'id' in f);
  }

  close() {
    this.ws.close();
    return this.closed;
  }
}

export type MessageFrame = z.infer<typeof messageEventFrame>;
export const isMessageFrame = (f: ServerFrame): f is MessageFrame => f.type === 'message.created';

// ── Direct writes: what the messaging service does in a transaction, for tests that must not depend on its rules ──

/** An active direct conversation between two people. */
export async function directConversation(db: Db, a: string, b: string): Promise<string> {
  const [row] = await db
    .insert(conversation)
    .values({ kind: 'direct', basis: 'mentorship', pairKey: [a, b].sort().join(':') })
    .returning({ id: conversation.id });
  await db.insert(conversationParticipant).values([
    { conversationId: row!.id, userId: a },
    { conversationId: row!.id, userId: b },
  ]);
  return row!.id;
}

/**
 * A message written and published the way the messaging service does it: seq under the conversation's row lock,
 * the row, then `message.created` to `recipients`, all in one transaction. Answers the message and event ids.
 */
export async function writeMessage(db: Db, conversationId: string, senderId: string, body: string, recipients: string[]) {
  return db.transaction(async (tx) => {
    const seq = await tx.execute<{ last_seq: number }>(
      sql`update conversation set last_seq = last_seq + 1, last_message_at = now() where id = ${conversationId} returning last_seq`,
    );
    const [row] = await tx
      .insert(message)
      .values({ conversationId, seq: seq.rows[0]!.last_seq, senderId, body, html: `<p>${body}</p>` })
      .returning({ id: message.id, seq: message.seq });
    const eventId = await publish(tx, { type: 'message.created', conversationId, subjectId: row!.id, seq: row!.seq, recipients });
    return { messageId: row!.id, seq: row!.seq, eventId: eventId! };
  });
}
