import crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Role } from '../../src/contracts/common.ts';
import { devOutbox } from '../../src/server/mail/tables.ts';
import type { TestContext } from './app.ts';
import { Client, sessionCookie } from './client.ts';

export const PASSWORD = 'a quiet lake at dawn';

let counter = 0;
export const uniqueEmail = (prefix = 'person') =>
  `${prefix}-${process.pid}-${++counter}-${crypto.randomBytes(3).toString('hex')}@example.org`;

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  cookie: string;
  client: Client;
}

/** A verified, signed-in person with the given roles (member always included). */
export async function createUser(
  ctx: TestContext,
  opts: { roles?: Role[]; displayName?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  const email = opts.email ?? uniqueEmail();
  const displayName = opts.displayName ?? `Person ${counter + 1}`;
  const password = opts.password ?? PASSWORD;
  const id = await ctx.app.services.accounts.createVerifiedAccount({ email, displayName, password }, ['member', ...(opts.roles ?? [])]);
  // Each factory user signs in from its own address so rate limits in one test do not leak into another.
  const anonymous = new Client(ctx.app, undefined, `10.9.${counter % 250}.${(counter * 7) % 250}`);
  const res = await anonymous.post('/api/v1/auth/sign-in', { email, password });
  if (res.statusCode !== 200) throw new Error(`factory sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res)!;
  return { id, email, displayName, cookie, client: anonymous.as(cookie) };
}

export const createCoordinator = (ctx: TestContext, opts: { displayName?: string } = {}) =>
  createUser(ctx, { ...opts, roles: ['coordinator'] });

/** The newest mail sent to an address, from the development outbox. */
export async function lastMailTo(ctx: TestContext, to: string) {
  const [mail] = await ctx.database.db.select().from(devOutbox).where(eq(devOutbox.to, to)).orderBy(desc(devOutbox.createdAt)).limit(1);
  return mail;
}

export function linkIn(text: string): URL {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error('no link in mail');
  return new URL(match[0]);
}

/** A mentor and a mentee, written directly (the mentoring issue will build matching on the same table). */
export async function createMentorship(ctx: TestContext, mentorId: string, menteeId: string, status: 'active' | 'ended' = 'active') {
  const { mentorship } = await import('../../src/server/modules/mentoring/tables.ts');
  const [row] = await ctx.database.db
    .insert(mentorship)
    .values({ mentorId, menteeId, status, startedAt: new Date(), ...(status === 'ended' ? { endedAt: new Date() } : {}) })
    .returning();
  return row!;
}
