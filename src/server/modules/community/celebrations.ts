import { sql } from 'drizzle-orm';
import type { Locale, Role } from '../../../contracts/common.ts';
import type { Actor } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { categoryColumns, type CategoryRow } from './categories-repo.ts';
import { membersRepo } from './members-repo.ts';
import { canPostInCategory } from './policy.ts';
import { announcePost } from './post-writes.ts';
import { postsRepo } from './posts-repo.ts';
import { normalizeBody, renderPost } from './render.ts';

/**
 * Milestone labels as a sentence uses them, the same words as the journey's (web i18n `journey.milestones`, kept
 * in step by celebrations.test.ts), lower-cased where they sit mid-sentence.
 */
export const LABELS: Record<Locale, { fixed: Record<string, string>; years: (n: number) => string }> = {
  en: {
    fixed: { '1d': '24 hours', '7d': 'one week', '30d': '30 days', '60d': '60 days', '90d': '90 days',
    '6m': '6 months', '9m': '9 months', '1y': 'one year', '18m': '18 months' },
    years: (n) => `${n} years`,
  },
  es: {
    fixed: { '1d': '24 horas', '7d': 'una semana', '30d': '30 días', '60d': '60 días', '90d': '90 días',
    '6m': '6 meses', '9m': '9 meses', '1y': 'un año', '18m': '18 meses' },
    years: (n) => `${n} años`,
  },
};

export function milestoneLabel(milestone: string, locale: Locale): string {
  const labels = LABELS[locale];
  const years = /^(\d+)y$/.exec(milestone);
  return labels.fixed[milestone] ?? (years ? labels.years(Number(years[1])) : milestone);
}

/** The generated words: a title and a short, warm line, in the member's language; never their dates or count. */
export function celebrationText(name: string, milestone: string, locale: Locale) {
  const label = milestoneLabel(milestone, locale);
  return locale === 'es'
    ? { title: `🎉 ${name} llegó a ${label}`, body: `🎉 ${name} llegó a ${label}. Cada uno de esos días contó.` }
    : { title: `🎉 ${name} reached ${label}`, body: `🎉 ${name} reached ${label}. Every one of those days counted.` };
}

/**
 * A member opted in and reached a milestone: one topic in each category that celebrates (Milestones, and their groups'
 * categories flagged for it) where they may post, in the caller's transaction. Written for the member, so not read by
 * the automatic rules or the crisis detector, and no guidelines acceptance is asked. No such category: nothing.
 */
export async function celebrateMilestone(tx: Queryable, input: { userId: string; milestone: string; reachedOn: string }): Promise<void> {
  const person = await tx.execute<{ name: string; locale: string; roles: Role[] | null }>(sql`
    select u.name, u.locale, (select array_agg(r.role) from user_role r where r.user_id = u.id) as roles from "user" u where u.id = ${input.userId}`);
  const p = person.rows[0];
  if (!p) return;
  const standing = await membersRepo.standing(tx, input.userId);
  if (standing.banned || standing.suspendedUntil) return;
  const actor: Actor = { userId: input.userId, sessionId: '', roles: new Set(p.roles ?? []) };
  const res = await tx.execute<CategoryRow>(sql`
    select ${categoryColumns(actor)} from forum_category c where c.celebrations and c.archived_at is null order by c.position, c.name`);
  const locale: Locale = p.locale === 'es' ? 'es' : 'en';
  const text = celebrationText(p.name, input.milestone, locale);
  const body = normalizeBody(text.body);
  for (const c of res.rows) {
    if (!canPostInCategory(actor, { readAccess: c.readAccess, postAccess: c.postAccess, groupId: c.groupId, archivedAt: null }, c.inGroup)) continue;
    const topicId = await postsRepo.insertTopic(tx, { categoryId: c.id, authorId: input.userId, anonymous: false, title: text.title, status: 'visible' });
    const postId = await postsRepo.insertPost(tx, {
      topicId, number: 1, kind: 'milestone', authorId: input.userId, anonymous: false, body, html: renderPost(body), locale, title: text.title, replyToPostId: null, status: 'visible',
    });
    await announcePost(tx, postId);
  }
}
