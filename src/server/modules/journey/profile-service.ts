import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { recoveryProfile, recoveryProfileBody, stage as stageSchema } from '../../../contracts/journey.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import type { ServiceContext } from '../context.ts';
import { recoveryProfile as profileTable, stageAssessment } from './tables.ts';

type Stage = z.infer<typeof stageSchema>;

const profileRepo = {
  async find(db: Queryable, userId: string) {
    const [row] = await db.select().from(profileTable).where(eq(profileTable.userId, userId));
    return row;
  },
  async save(db: Queryable, userId: string, v: z.output<typeof recoveryProfileBody>) {
    await db
      .insert(profileTable)
      .values({ userId, ...v })
      .onConflictDoUpdate({ target: profileTable.userId, set: { ...v, updatedAt: sql`now()` } });
  },
  async stages(db: Queryable, userId: string) {
    return db
      .select({ stage: stageAssessment.stage, assessedAt: stageAssessment.assessedAt })
      .from(stageAssessment)
      .where(eq(stageAssessment.userId, userId))
      .orderBy(desc(stageAssessment.assessedAt), desc(stageAssessment.id))
      .limit(100);
  },
  async addStage(db: Queryable, userId: string, stage: Stage) {
    await db.insert(stageAssessment).values({ userId, stage });
  },
};

/** The member's recovery profile: pathways, what they recover from, languages, and stage of change with history. */
export function createProfileService(ctx: ServiceContext) {
  const { db } = ctx;

  async function get(actor: Actor | null): Promise<z.infer<typeof recoveryProfile>> {
    const a = authorize(actor);
    const [row, stages] = await Promise.all([profileRepo.find(db, a.userId), profileRepo.stages(db, a.userId)]);
    return {
      pathways: (row?.pathways ?? []) as z.infer<typeof recoveryProfile>['pathways'],
      recoveringFrom: row?.recoveringFrom ?? [],
      languages: row?.languages ?? [],
      stage: (stages[0]?.stage as Stage | undefined) ?? null,
      stageHistory: stages.map((s) => ({ stage: s.stage as Stage, assessedAt: s.assessedAt.toISOString() })),
    };
  }

  return {
    get,
    async save(actor: Actor | null, input: z.output<typeof recoveryProfileBody>) {
      const a = authorize(actor);
      await profileRepo.save(db, a.userId, input);
      return get(a);
    },
    async assessStage(actor: Actor | null, stage: Stage) {
      const a = authorize(actor);
      await profileRepo.addStage(db, a.userId, stage);
      return get(a);
    },
  };
}
