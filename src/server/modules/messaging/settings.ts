import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { messagingSettings } from '../../../contracts/messaging.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { publish } from '../../realtime/publish.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { settingsRepo } from '../instance/repo.ts';
import { conversationsRepo } from './conversations-repo.ts';
import { canToggleGroupChat, isCoordinator } from './policy.ts';
import { relationsRepo } from './relations-repo.ts';

export type MessagingSettings = z.infer<typeof messagingSettings>;
const KEY = 'messaging';
export const DEFAULT_MESSAGING_SETTINGS: MessagingSettings = { retentionDays: null };

export async function readMessagingSettings(db: Queryable): Promise<MessagingSettings> {
  const stored = await settingsRepo.get<Partial<MessagingSettings>>(db, KEY);
  const days = stored?.retentionDays;
  return { retentionDays: typeof days === 'number' && Number.isInteger(days) && days > 0 ? days : null };
}

/** Coordinators' messaging settings (retention), and a group's chat switch for its facilitators. */
export function createMessagingSettingsService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async get(actor: Actor | null) {
      authorize(actor, isCoordinator, undefined);
      return readMessagingSettings(db);
    },

    async update(actor: Actor | null, body: MessagingSettings) {
      const a = authorize(actor, isCoordinator, undefined);
      await db.transaction(async (tx) => {
        await settingsRepo.set(tx, KEY, { retentionDays: body.retentionDays });
        await auditRepo.record(tx, { actorId: a.userId, action: 'messaging.settings_changed', details: { retentionDays: body.retentionDays } });
      });
      return readMessagingSettings(db);
    },

    /** The group's facilitators and coordinators turn its chat on and off; anyone else finds nothing there. */
    async setGroupChat(actor: Actor | null, groupId: string, enabled: boolean) {
      const a = authorize(actor);
      const group = await relationsRepo.groupFacts(db, groupId, a.userId);
      if (!group) throw notFound();
      authorize(a, canToggleGroupChat, { facilitator: group.facilitator });
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into group_chat (group_id, enabled) values (${groupId}, ${enabled})
          on conflict (group_id) do update set enabled = excluded.enabled, updated_at = now()`);
        await auditRepo.record(tx, { actorId: a.userId, action: 'messaging.group_chat_changed', details: { groupId, enabled } });
        // Turned on, the chat exists at once, so it is in every member's list before anyone has written; the
        // members reload it either way (it may now be closed to writing).
        const conv = enabled ? await conversationsRepo.ensureGroup(tx, groupId) : await conversationsRepo.findGroup(tx, groupId);
        if (conv) {
          const members = await tx.execute<{ user_id: string }>(sql`select user_id from group_member where group_id = ${groupId} and status = 'active'`);
          await publish(tx, { type: 'conversation.updated', conversationId: conv.id, recipients: members.rows.map((r) => r.user_id) });
        }
      });
      return { enabled };
    },
  };
}
