import { and, count, desc, eq, ilike, inArray, isNull, gt, or, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserRow } from './presenters.ts';
import { invite, session, user, userRole } from './tables.ts';

const rolesOf = sql<string[] | null>`(select array_agg(r.role) from user_role r where r.user_id = ${user.id})`;

const userColumns = {
  id: user.id,
  name: user.name,
  email: user.email,
  emailVerified: user.emailVerified,
  locale: user.locale,
  timeZone: user.timeZone,
  createdAt: user.createdAt,
  roles: rolesOf,
};

export const accountsRepo = {
  async findUser(db: Queryable, id: string): Promise<UserRow | undefined> {
    const [row] = await db.select(userColumns).from(user).where(eq(user.id, id));
    return row;
  },

  async findUserIdByEmail(db: Queryable, email: string): Promise<{ id: string; name: string; locale: string } | undefined> {
    const [row] = await db
      .select({ id: user.id, name: user.name, locale: user.locale })
      .from(user)
      .where(sql`lower(${user.email}) = lower(${email})`);
    return row;
  },

  async updateProfile(db: Queryable, id: string, patch: { name?: string; locale?: string; timeZone?: string }) {
    await db.update(user).set({ ...patch, updatedAt: new Date() }).where(eq(user.id, id));
  },

  async markEmailVerified(db: Queryable, id: string) {
    await db.update(user).set({ emailVerified: true, updatedAt: new Date() }).where(eq(user.id, id));
  },

  async rolesOf(db: Queryable, id: string): Promise<Role[]> {
    const rows = await db.select({ role: userRole.role }).from(userRole).where(eq(userRole.userId, id));
    return rows.map((r) => r.role as Role);
  },

  async grantRoles(db: Queryable, id: string, roles: Role[]) {
    if (roles.length === 0) return;
    await db
      .insert(userRole)
      .values(roles.map((role) => ({ userId: id, role })))
      .onConflictDoNothing();
  },

  async revokeRoles(db: Queryable, id: string, roles: Role[]) {
    if (roles.length === 0) return;
    await db.delete(userRole).where(and(eq(userRole.userId, id), inArray(userRole.role, roles)));
  },

  async countWithRole(db: Queryable, role: Role): Promise<number> {
    const [row] = await db.select({ n: count() }).from(userRole).where(eq(userRole.role, role));
    return row?.n ?? 0;
  },

  async listUsers(db: Queryable, q: { q?: string; role?: Role; limit: number; offset: number }) {
    const conditions = [];
    if (q.q) {
      const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(user.name, pattern), ilike(user.email, pattern)));
    }
    if (q.role) {
      conditions.push(sql`exists (select 1 from user_role r where r.user_id = ${user.id} and r.role = ${q.role})`);
    }
    const where = conditions.length ? and(...conditions) : undefined;
    const [rows, [total]] = await Promise.all([
      db.select(userColumns).from(user).where(where).orderBy(user.name, user.id).limit(q.limit).offset(q.offset),
      db.select({ n: count() }).from(user).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  async deleteOtherSessions(db: Queryable, userId: string, keepSessionId: string) {
    await db.delete(session).where(and(eq(session.userId, userId), sql`${session.id} <> ${keepSessionId}`));
  },

  invites: {
    async create(db: Queryable, values: typeof invite.$inferInsert) {
      const [row] = await db.insert(invite).values(values).returning();
      return row!;
    },
    async list(db: Queryable) {
      return db.select().from(invite).orderBy(desc(invite.createdAt)).limit(200);
    },
    async findUsable(db: Queryable, tokenHash: string) {
      const [row] = await db
        .select()
        .from(invite)
        .where(and(eq(invite.tokenHash, tokenHash), isNull(invite.usedAt), isNull(invite.revokedAt), gt(invite.expiresAt, new Date())));
      return row;
    },
    /** Atomically claims an invite; returns nothing if it was used, revoked or expired meanwhile. */
    async claim(db: Queryable, tokenHash: string) {
      const [row] = await db
        .update(invite)
        .set({ usedAt: new Date() })
        .where(and(eq(invite.tokenHash, tokenHash), isNull(invite.usedAt), isNull(invite.revokedAt), gt(invite.expiresAt, new Date())))
        .returning();
      return row;
    },
    async release(db: Queryable, id: string) {
      await db.update(invite).set({ usedAt: null, usedBy: null }).where(eq(invite.id, id));
    },
    async markUsedBy(db: Queryable, id: string, userId: string) {
      await db.update(invite).set({ usedBy: userId }).where(eq(invite.id, id));
    },
    async revoke(db: Queryable, id: string) {
      const [row] = await db
        .update(invite)
        .set({ revokedAt: new Date() })
        .where(and(eq(invite.id, id), isNull(invite.usedAt), isNull(invite.revokedAt)))
        .returning();
      return row;
    },
  },
};
