import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MentoringSettings, mentoringSettingsBody } from '../../../contracts/mentoring.ts';
import { type Actor, authorize } from '../../access.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { mentoringPolicy } from './policy.ts';
import { mentoringSettingsRepo } from './settings.ts';

/** Coordinators' settings for mentoring (weights, certification, notes, overdue days, supervision contact). */
export function createMentoringSettingsService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async get(actor: Actor | null): Promise<MentoringSettings> {
      authorize(actor, mentoringPolicy.coordinate, undefined);
      return mentoringSettingsRepo.get(db);
    },

    /**
     * Changes what is given, audited: values before and after, except the supervision contact, a coordinator's own
     * words, of which the log says only that it changed.
     */
    async patch(actor: Actor | null, body: z.output<typeof mentoringSettingsBody>): Promise<MentoringSettings> {
      const a = authorize(actor, mentoringPolicy.coordinate, undefined);
      return db.transaction(async (tx) => {
        // One change at a time: each reads the whole settings object and writes it back.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('mentoring_settings', 0))`);
        const before = await mentoringSettingsRepo.get(tx);
        const after = await mentoringSettingsRepo.update(tx, body);
        const changes: Record<string, unknown> = {};
        for (const key of Object.keys(body) as (keyof MentoringSettings)[]) {
          if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
          changes[key] = key === 'supervisionContact' ? { changed: true } : { from: before[key], to: after[key] };
        }
        if (Object.keys(changes).length) await auditRepo.record(tx, { actorId: a.userId, action: 'mentoring.settings_changed', details: changes });
        return after;
      });
    },
  };
}
