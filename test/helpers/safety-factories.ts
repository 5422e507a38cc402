import { eq } from 'drizzle-orm';
import { auditLog } from '../../src/server/modules/audit/tables.ts';
import { escalation, escalationNotification, onCallShift, responder } from '../../src/server/modules/safety/tables.ts';
import type { TestContext } from './app.ts';
import { createUser, type TestUser } from './factories.ts';

const HOUR = 3_600_000;

/** A certified peer supporter (or professional), written straight into the tables. */
export async function createResponder(ctx: TestContext, opts: { displayName?: string; role?: 'peer_supporter' | 'professional'; certified?: boolean } = {}) {
  const person = await createUser(ctx, { roles: [opts.role ?? 'peer_supporter'], displayName: opts.displayName });
  await ctx.database.db.insert(responder).values({ userId: person.id, certified: opts.certified ?? true });
  return person;
}

/** A shift around now by default (an hour ago to eight hours ahead). */
export async function putOnCall(ctx: TestContext, person: TestUser, opts: { position?: number; startsAt?: Date; endsAt?: Date } = {}) {
  const now = Date.now();
  const [row] = await ctx.database.db
    .insert(onCallShift)
    .values({
      userId: person.id,
      startsAt: opts.startsAt ?? new Date(now - HOUR),
      endsAt: opts.endsAt ?? new Date(now + 8 * HOUR),
      position: opts.position ?? 0,
    })
    .returning();
  return row!;
}

export const clearRoster = (ctx: TestContext) => ctx.database.db.delete(onCallShift);

export async function escalationRow(ctx: TestContext, id: string) {
  const [row] = await ctx.database.db.select().from(escalation).where(eq(escalation.id, id));
  return row!;
}

/** Who was notified, as "userId:reason", in order. */
export async function notified(ctx: TestContext, id: string) {
  const rows = await ctx.database.db.select().from(escalationNotification).where(eq(escalationNotification.escalationId, id)).orderBy(escalationNotification.notifiedAt, escalationNotification.id);
  return rows.map((r) => `${r.userId}:${r.reason}`);
}

export async function auditFor(ctx: TestContext, subjectId: string) {
  return ctx.database.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId));
}
