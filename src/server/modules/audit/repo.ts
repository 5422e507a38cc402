import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { user } from '../accounts/tables.ts';
import { auditLog } from './tables.ts';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

const actor = alias(user, 'actor');
const subject = alias(user, 'subject');

export const auditRepo = {
  async record(db: Queryable, e: AuditEvent) {
    await db.insert(auditLog).values({ actorId: e.actorId, action: e.action, subjectId: e.subjectId ?? null, details: e.details ?? {} });
  },

  async list(db: Queryable, limit: number, offset: number) {
    return db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
        actorId: actor.id,
        actorName: actor.name,
        subjectId: subject.id,
        subjectName: subject.name,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(limit)
      .offset(offset);
  },

  async forSubject(db: Queryable, subjectId: string) {
    return db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId)).orderBy(sql`${auditLog.createdAt} desc`);
  },
};
