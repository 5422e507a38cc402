import type { z } from 'zod';
import type { memberModeration, moderationNotice, revisionList } from '../../../contracts/community.ts';
import type { Role } from '../../../contracts/common.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import type { ServiceContext } from '../context.ts';
import { standingOf } from './standing-service.ts';
import { type ActionRow, iso, isoOrNull, moderationRepo } from './moderation-repo.ts';
import { communityPolicy, isModerator } from './policy.ts';
import { presentAuthor } from './presenters.ts';

type Notice = z.infer<typeof moderationNotice>;

/** What the person acted on reads: the action, the moderator's words and when; never who. */
function presentNotice(row: ActionRow): Notice {
  return {
    id: row.id,
    action: row.action as Notice['action'],
    reason: row.reason,
    createdAt: iso(row.createdAt),
    until: isoOrNull(row.until),
    topic: row.topicId && row.topicTitle !== null ? { id: row.topicId, title: row.topicTitle } : null,
    postId: row.postId,
  };
}

/** The moderators' page about one person: standing and every action about them, with who acted and their notes. */
export async function memberModerationView(db: Db, userId: string): Promise<z.infer<typeof memberModeration>> {
  const person = await moderationRepo.person(db, userId);
  if (!person) throw notFound();
  const [standing, actions] = await Promise.all([standingOf(db, userId, isModerator({ userId, sessionId: '', roles: new Set(person.roles as Role[]) })), moderationRepo.actionsAbout(db, userId)]);
  return {
    userId: person.id,
    displayName: person.name,
    standing,
    actions: actions.map((a) => ({
      ...presentNotice(a),
      moderator: a.moderatorId ? { id: a.moderatorId, displayName: a.moderatorName ?? '' } : null,
      note: a.note,
    })),
  };
}

/**
 * Notices (the affected person's own, and nobody else's: moderators read the people view), the moderators' view of
 * a person, and a post's earlier versions.
 */
export function createNoticesService(ctx: ServiceContext) {
  const { db } = ctx;

  return {
    async list(actor: Actor | null) {
      const a = authorize(actor);
      return { notices: (await moderationRepo.noticesOf(db, a.userId)).map(presentNotice) };
    },

    async one(actor: Actor | null, id: string): Promise<Notice> {
      const a = authorize(actor);
      const [row] = await moderationRepo.noticesOf(db, a.userId, { id, limit: 1 });
      if (!row) throw notFound();
      return presentNotice(row);
    },

    async person(actor: Actor | null, userId: string) {
      authorize(actor, communityPolicy.moderate, undefined);
      return memberModerationView(db, userId);
    },

    /** Moderators only: everyone else, the author included, gets 404. */
    async revisions(actor: Actor | null, postId: string): Promise<z.infer<typeof revisionList>> {
      const a = authorize(actor, communityPolicy.moderate, undefined);
      const post = await moderationRepo.postById(db, postId);
      if (!post) throw notFound();
      const rows = await moderationRepo.revisionsOf(db, postId);
      return {
        revisions: rows.map((r) => ({
          id: r.id,
          body: r.body,
          title: r.title,
          // The author editing an anonymous post stays anonymous (moderators still see who).
          editedBy: presentAuthor({ authorId: r.editedBy, authorName: r.editorName, anonymous: post.anonymous && r.editedBy === post.authorId }, a),
          note: r.note,
          createdAt: iso(r.createdAt),
        })),
      };
    },
  };
}
