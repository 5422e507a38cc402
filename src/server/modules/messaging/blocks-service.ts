import { sql } from 'drizzle-orm';
import { type Actor, authorize } from '../../access.ts';
import { notFound, validationFailed } from '../../http/errors.ts';
import { publish } from '../../realtime/publish.ts';
import type { ServiceContext } from '../context.ts';
import { conversationsRepo } from './conversations-repo.ts';
import { pairKey, relationsRepo } from './relations-repo.ts';

/**
 * The boundaries a person sets. Blocking a person: nothing more from them reaches me (no messages, no requests; in a
 * group's chat their messages are hidden from me). Only I hear of it: to them it is the same answer as any other
 * refusal. Closing myself to message requests: nobody without a relationship to me can send one (the same answer
 * again); requests already waiting stay for me to decide.
 */
export function createBlocksService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async list(actor: Actor | null) {
      const a = authorize(actor);
      const res = await db.execute<{ id: string; name: string; created_at: Date | string }>(sql`
        select u.id, u.name, b.created_at from person_block b join "user" u on u.id = b.blocked_id
        where b.blocker_id = ${a.userId} order by b.created_at desc`);
      return { blocked: res.rows.map((r) => ({ person: { id: r.id, displayName: r.name }, blockedAt: new Date(r.created_at).toISOString() })) };
    },

    /** Also ignores a request from them that is waiting for me. */
    async block(actor: Actor | null, userId: string) {
      const a = authorize(actor);
      if (userId === a.userId) throw validationFailed({ userId: 'messagingNotYourself' }, 'messagingNotYourself');
      if (!(await relationsRepo.personExists(db, userId))) throw notFound();
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into person_block (blocker_id, blocked_id) values (${a.userId}, ${userId}) on conflict do nothing`);
        await tx.execute(sql`
          update conversation set status = 'ignored'
          where kind = 'direct' and pair_key = ${pairKey(a.userId, userId)} and status = 'requested' and requested_by = ${userId}`);
        const conv = await conversationsRepo.findDirect(tx, pairKey(a.userId, userId));
        if (conv) await publish(tx, { type: 'conversation.updated', conversationId: conv.id, recipients: [a.userId] });
      });
    },

    async preferences(actor: Actor | null) {
      const a = authorize(actor);
      return { acceptRequests: await relationsRepo.acceptsRequests(db, a.userId) };
    },

    async setPreferences(actor: Actor | null, body: { acceptRequests: boolean }) {
      const a = authorize(actor);
      return { acceptRequests: await relationsRepo.setAcceptsRequests(db, a.userId, body.acceptRequests) };
    },

    async unblock(actor: Actor | null, userId: string) {
      const a = authorize(actor);
      await db.transaction(async (tx) => {
        const res = await tx.execute(sql`delete from person_block where blocker_id = ${a.userId} and blocked_id = ${userId}`);
        const conv = res.rowCount ? await conversationsRepo.findDirect(tx, pairKey(a.userId, userId)) : null;
        if (conv) await publish(tx, { type: 'conversation.updated', conversationId: conv.id, recipients: [a.userId] });
      });
    },
  };
}
