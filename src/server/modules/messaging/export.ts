import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { messagesExport } from '../../../contracts/messaging.ts';
import { type Actor, authorize } from '../../access.ts';
import type { ServiceContext } from '../context.ts';
import { messagesRepo } from './messages-repo.ts';

/**
 * A member's messages as one JSON download: their direct conversations whole (both people's words: it is their
 * conversation), and only their own messages in groups' chats (the others' words belong to the group).
 */
export function createMessagesExport(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async json(actor: Actor | null): Promise<z.infer<typeof messagesExport>> {
      const a = authorize(actor);
      const res = await db.execute<{ id: string; kind: 'direct' | 'group'; title: string }>(sql`
        select c.id, c.kind, coalesce(g.name, ou.name, '') as title
        from conversation c
        left join conversation_participant p on c.kind = 'direct' and p.conversation_id = c.id and p.user_id = ${a.userId}
        left join conversation_participant o on c.kind = 'direct' and o.conversation_id = c.id and o.user_id <> ${a.userId}
        left join "user" ou on ou.id = o.user_id
        left join support_group g on g.id = c.group_id
        where p.user_id is not null
          or (c.kind = 'group' and exists (select 1 from message m where m.conversation_id = c.id and m.sender_id = ${a.userId}))
        order by c.created_at, c.id`);
      const conversations = [];
      for (const c of res.rows) {
        const rows = await messagesRepo.all(db, c.id, c.kind === 'group' ? a.userId : undefined);
        conversations.push({
          id: c.id,
          title: c.title,
          messages: rows.map((m) => ({
            seq: m.seq,
            from: m.senderName ?? '',
            mine: m.senderId === a.userId,
            body: m.deletedAt ? '' : m.body,
            createdAt: m.createdAt.toISOString(),
            editedAt: m.editedAt?.toISOString() ?? null,
            deleted: m.deletedAt !== null,
          })),
        });
      }
      return { exportedAt: new Date().toISOString(), conversations };
    },
  };
}
