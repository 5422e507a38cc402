import type { z } from 'zod';
import type {
  banBody,
  hidePostBody,
  lockTopicBody,
  moderationAction,
  ModerationSettings,
  moderatorEditBody,
  Post,
  queueItem,
  queueQuery,
  resolveQueueBody,
  setTrustBody,
  suspendBody,
  warnBody,
} from '../../../contracts/community.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound, validationFailed } from '../../http/errors.ts';
import { auditRepo } from '../audit/repo.ts';
import type { ServiceContext } from '../context.ts';
import { notificationsRepo } from '../notifications/repo.ts';
import { membersRepo } from './members-repo.ts';
import { iso, isoOrNull, type ModPostRow, moderationRepo, type QueueRow } from './moderation-repo.ts';
import { memberModerationView } from './notices-service.ts';
import { communityPolicy } from './policy.ts';
import { announcePost, recordEdit } from './post-writes.ts';
import { presentPost } from './posts-service.ts';
import { moderationSettingsRepo } from './settings.ts';

type QueueItem = z.infer<typeof queueItem>;
type Action = z.infer<typeof moderationAction>;
type Person = NonNullable<Awaited<ReturnType<typeof moderationRepo.person>>>;
type LockedPost = NonNullable<Awaited<ReturnType<typeof moderationRepo.lockPost>>>;

/** Resolved items are a record to look back on: the newest ones. Open ones are all shown (a queue stays short). */
const RESOLVED_SHOWN = 100;
const OPEN_SHOWN = 500;

/** A suspension in the past is no suspension. */
const activeUntil = (v: string | null, now = new Date()) => (v && new Date(v) > now ? iso(v) : null);

const conflict = (key: 'communityNotHeld' | 'communityStillHeld' | 'communityCannotActOnSelf' | 'communityCannotActOnCoordinator') => new AppError('conflict', key);
const moderate = (actor: Actor | null) => authorize(actor, communityPolicy.moderate, undefined);

type Reactions = Map<string, { counts: Post['reactions']; mine: Post['myReactions'] }>;

/** A post as moderators read it (the text of held, hidden and deleted posts too, and who wrote anonymous ones): the
 * posts presenter, given a moderator, with the queue's row shape and reactions read for many posts at once. */
export function presentModeratorPost(row: ModPostRow, viewer: Actor, reactions: Reactions): Post {
  const r = reactions.get(row.id);
  const counts = r?.counts ?? { support: 0, me_too: 0, celebrate: 0, thanks: 0 };
  return presentPost({ ...row, ...counts, mine: r?.mine ?? [], createdAt: iso(row.createdAt), editedAt: isoOrNull(row.editedAt) }, viewer, false);
}

async function reactionsFor(db: Queryable, postIds: string[], viewer: Actor): Promise<Reactions> {
  const out: Reactions = new Map();
  for (const r of await moderationRepo.reactionsOf(db, postIds, viewer.userId)) {
    const entry = out.get(r.postId) ?? { counts: { support: 0, me_too: 0, celebrate: 0, thanks: 0 }, mine: [] };
    entry.counts[r.kind as keyof Post['reactions']] = r.n;
    if (r.mine) entry.mine.push(r.kind as Post['myReactions'][number]);
    out.set(r.postId, entry);
  }
  return out;
}

/**
 * The moderation queue and every moderation action (docs/community.md, Moderation). Each action is a
 * forum_moderation_action row, an audit entry without text, and a notice to the person it touched that never says
 * which moderator acted. Posts are locked before queue items in every path, so two moderators never deadlock.
 */
export function createModerationService(ctx: ServiceContext) {
  const { db } = ctx;

  /** Queue rows presented with their context, reports, reactions and authors' histories: six queries, any length. */
  async function presentQueue(viewer: Actor, rows: QueueRow[]): Promise<QueueItem[]> {
    const postIds = rows.map((r) => r.post.id);
    const [context, reports, prior] = await Promise.all([
      moderationRepo.contextOf(db, postIds),
      moderationRepo.reportsOf(db, rows.map((r) => r.id)),
      moderationRepo.priorActions(db, [...new Set(rows.flatMap((r) => (r.post.authorId ? [r.post.authorId] : [])))]),
    ]);
    const reactions = await reactionsFor(db, [...postIds, ...context.map((c) => c.id)], viewer);
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      kinds: r.kinds,
      status: r.status,
      openedAt: iso(r.openedAt),
      rules: r.rules,
      reports: reports
        .filter((rep) => rep.queueItemId === r.id)
        .map((rep) => ({
          reason: rep.reason as QueueItem['reports'][number]['reason'],
          note: rep.note,
          reporter: rep.reporterId ? { id: rep.reporterId, displayName: rep.reporterName ?? '' } : null,
          createdAt: iso(rep.createdAt),
        })),
      post: presentModeratorPost(r.post, viewer, reactions),
      topic: { id: r.topic.id, title: r.topic.title, categoryName: r.topic.categoryName, locked: r.topic.lockedAt !== null },
      context: context.filter((c) => c.forPostId === r.post.id).map((c) => presentModeratorPost(c, viewer, reactions)),
      author: {
        id: r.post.authorId,
        displayName: r.post.authorName,
        trustLevel: r.standing.trustLevel,
        priorActions: r.post.authorId ? (prior.get(r.post.authorId) ?? 0) : 0,
        suspendedUntil: activeUntil(r.standing.suspendedUntil, now),
        banned: r.standing.bannedAt !== null,
      },
      escalationId: r.escalationId,
      resolution: r.resolution,
    }));
  }

  async function oneItem(viewer: Actor, id: string) {
    return (await presentQueue(viewer, await moderationRepo.queue(db, { id })))[0]!;
  }

  async function postView(viewer: Actor, postId: string): Promise<Post> {
    const row = (await moderationRepo.postById(db, postId))!;
    return presentModeratorPost(row, viewer, await reactionsFor(db, [postId], viewer));
  }

  /**
   * Writes what a moderator did: the action row, the audit entry (ids and dates only) and, for everything the person
   * should know of, a notice that names the action, never the moderator.
   */
  async function record(
    tx: Queryable,
    a: Actor,
    act: { action: Action; targetUserId: string | null; postId?: string; topicId?: string; reason: string; note?: string; until?: Date; level?: number | null },
  ) {
    const id = await moderationRepo.insertAction(tx, { ...act, moderatorId: a.userId });
    const details: Record<string, unknown> = { postId: act.postId ?? null, topicId: act.topicId ?? null, until: act.until?.toISOString() ?? null };
    if (act.action === 'set_trust') details.level = act.level ?? null;
    await auditRepo.record(tx, { actorId: a.userId, action: `community.${act.action}`, subjectId: act.targetUserId, details });
    // An approval is told as such (below); dismissing reports changes nothing for the author, who need not learn of them.
    if (act.targetUserId && act.action !== 'approve' && act.action !== 'dismiss') {
      await notificationsRepo.add(tx, { userId: act.targetUserId, kind: 'community.moderated', subjectId: id, actorId: null });
    }
    return id;
  }

  /** Locks the post and refuses a moderator's own (another moderator decides those). */
  async function lockPostFor(tx: Queryable, a: Actor, postId: string): Promise<LockedPost> {
    const post = await moderationRepo.lockPost(tx, postId);
    if (!post) throw notFound();
    if (post.authorId === a.userId) throw conflict('communityCannotActOnSelf');
    return post;
  }

  async function hide(tx: Queryable, a: Actor, post: LockedPost, reason: string) {
    if (post.status === 'hidden' || post.status === 'deleted') return;
    await moderationRepo.setPostStatus(tx, post, 'hidden');
    await record(tx, a, { action: 'hide', targetUserId: post.authorId, postId: post.id, topicId: post.topicId, reason });
  }

  /** A person moderators act on: they exist, and they are not the moderator. */
  async function target(tx: Queryable, a: Actor, userId: string) {
    const person = await moderationRepo.person(tx, userId);
    if (!person) throw notFound();
    if (person.id === a.userId) throw conflict('communityCannotActOnSelf');
    return person;
  }

  /**
   * An action on a person: they exist and are not the moderator; the change, its record and notice in one
   * transaction; the answer is the moderators' view of the person afterwards.
   */
  async function onPerson(actor: Actor | null, userId: string, apply: (tx: Queryable, a: Actor, person: Person) => Promise<void>) {
    const a = moderate(actor);
    await db.transaction(async (tx) => apply(tx, a, await target(tx, a, userId)));
    return memberModerationView(db, userId);
  }

  /** A post named with a warning, suspension or ban must be one of theirs. */
  async function theirPost(tx: Queryable, userId: string, postId: string | undefined) {
    if (!postId) return {};
    const post = await moderationRepo.postById(tx, postId);
    if (!post || post.authorId !== userId) throw notFound();
    return { postId: post.id, topicId: post.topicId };
  }

  return {
    async queue(actor: Actor | null, query: z.output<typeof queueQuery>) {
      const a = moderate(actor);
      const rows = await moderationRepo.queue(db, { status: query.status, limit: query.status === 'open' ? OPEN_SHOWN : RESOLVED_SHOWN });
      const [items, open] = await Promise.all([presentQueue(a, rows), moderationRepo.openCount(db)]);
      return { items, open };
    },

    /** approve (a held post goes out), dismiss (the reports were unfounded) or hide; the item is closed either way. */
    async resolve(actor: Actor | null, itemId: string, body: z.output<typeof resolveQueueBody>) {
      const a = moderate(actor);
      if (body.action === 'hide' && !body.reason) throw validationFailed({ reason: 'communityReasonRequired' });
      await db.transaction(async (tx) => {
        const found = await moderationRepo.itemById(tx, itemId);
        if (!found) throw notFound();
        const post = await lockPostFor(tx, a, found.postId);
        const item = await moderationRepo.lockItem(tx, itemId);
        if (!item || item.status !== 'open') throw conflict('communityNotHeld');
        const facts = { targetUserId: post.authorId, postId: post.id, topicId: post.topicId, reason: body.reason };
        if (body.action === 'approve') {
          if (post.status !== 'held') throw conflict('communityNotHeld');
          await moderationRepo.release(tx, post.id);
          // Counts, the topic (opening post) and the mentions and reply notices held back until now.
          await announcePost(tx, post.id);
          await record(tx, a, { action: 'approve', ...facts });
          if (post.authorId) await notificationsRepo.add(tx, { userId: post.authorId, kind: 'community.approved', subjectId: post.id, actorId: null });
        } else if (body.action === 'hide') {
          await hide(tx, a, post, body.reason);
        } else {
          // A held post closed as "nothing wrong" would stay out of sight with nobody looking: approve or hide it.
          if (post.status === 'held') throw conflict('communityStillHeld');
          await record(tx, a, { action: 'dismiss', ...facts });
        }
        await moderationRepo.resolveOpenFor(tx, post.id, a.userId, body.action);
      });
      return oneItem(a, itemId);
    },

    async hidePost(actor: Actor | null, postId: string, body: z.output<typeof hidePostBody>) {
      const a = moderate(actor);
      await db.transaction(async (tx) => {
        const post = await lockPostFor(tx, a, postId);
        await hide(tx, a, post, body.reason);
        await moderationRepo.resolveOpenFor(tx, post.id, a.userId, 'hide');
      });
      return postView(a, postId);
    },

    async unhidePost(actor: Actor | null, postId: string) {
      const a = moderate(actor);
      await db.transaction(async (tx) => {
        const post = await lockPostFor(tx, a, postId);
        if (post.status !== 'hidden') return;
        await moderationRepo.setPostStatus(tx, post, 'visible');
        await record(tx, a, { action: 'unhide', targetUserId: post.authorId, postId: post.id, topicId: post.topicId, reason: '' });
        await moderationRepo.resolveOpenFor(tx, post.id, a.userId, 'unhide');
      });
      return postView(a, postId);
    },

    /** The earlier text is kept as a revision with the note; the author reads the note as the reason. */
    async editPost(actor: Actor | null, postId: string, body: z.output<typeof moderatorEditBody>) {
      const a = moderate(actor);
      await db.transaction(async (tx) => {
        const post = await lockPostFor(tx, a, postId);
        await recordEdit(tx, { postId, body: body.body, editedBy: a.userId, note: body.note });
        await record(tx, a, { action: 'edit', targetUserId: post.authorId, postId, topicId: post.topicId, reason: body.note, note: body.note });
        // A held post still waits for approve or hide: its item stays open.
        if (post.status !== 'held') await moderationRepo.resolveOpenFor(tx, postId, a.userId, 'edit');
      });
      return postView(a, postId);
    },

    async lockTopic(actor: Actor | null, topicId: string, body: z.output<typeof lockTopicBody>) {
      const a = moderate(actor);
      await db.transaction(async (tx) => {
        const topic = await moderationRepo.lockTopic(tx, topicId);
        if (!topic) throw notFound();
        if (topic.authorId === a.userId) throw conflict('communityCannotActOnSelf');
        if ((topic.lockedAt !== null) === body.locked) return;
        await moderationRepo.setTopicLocked(tx, topicId, body.locked);
        await record(tx, a, { action: body.locked ? 'lock' : 'unlock', targetUserId: topic.authorId, topicId, reason: body.reason });
      });
    },

    warn(actor: Actor | null, userId: string, body: z.output<typeof warnBody>) {
      return onPerson(actor, userId, async (tx, a, person) => {
        await record(tx, a, { action: 'warn', targetUserId: person.id, ...(await theirPost(tx, person.id, body.postId)), reason: body.reason });
      });
    },

    suspend(actor: Actor | null, userId: string, body: z.output<typeof suspendBody>) {
      return onPerson(actor, userId, async (tx, a, person) => {
        if (person.roles.includes('coordinator')) throw conflict('communityCannotActOnCoordinator');
        const post = await theirPost(tx, person.id, body.postId);
        const until = new Date(Date.now() + body.days * 86_400_000);
        await moderationRepo.setStanding(tx, person.id, { suspendedUntil: until });
        await record(tx, a, { action: 'suspend', targetUserId: person.id, ...post, reason: body.reason, until });
      });
    },

    unsuspend(actor: Actor | null, userId: string) {
      return onPerson(actor, userId, async (tx, a, person) => {
        if (!(await membersRepo.standing(tx, person.id)).suspendedUntil) return;
        await moderationRepo.setStanding(tx, person.id, { suspendedUntil: null });
        await record(tx, a, { action: 'unsuspend', targetUserId: person.id, reason: '' });
      });
    },

    ban(actor: Actor | null, userId: string, body: z.output<typeof banBody>) {
      return onPerson(actor, userId, async (tx, a, person) => {
        if (person.roles.includes('coordinator')) throw conflict('communityCannotActOnCoordinator');
        const post = await theirPost(tx, person.id, body.postId);
        await moderationRepo.setStanding(tx, person.id, { banned: true });
        await record(tx, a, { action: 'ban', targetUserId: person.id, ...post, reason: body.reason });
      });
    },

    unban(actor: Actor | null, userId: string) {
      return onPerson(actor, userId, async (tx, a, person) => {
        if (!(await membersRepo.standing(tx, person.id)).banned) return;
        await moderationRepo.setStanding(tx, person.id, { banned: false });
        await record(tx, a, { action: 'unban', targetUserId: person.id, reason: '' });
      });
    },

    /** A level holds it (automatic promotion leaves it alone); null hands the person back to automatic levels. */
    setTrust(actor: Actor | null, userId: string, body: z.output<typeof setTrustBody>) {
      return onPerson(actor, userId, async (tx, a, person) => {
        await moderationRepo.setStanding(tx, person.id, body.level === null ? { trustLocked: false } : { trustLevel: body.level, trustLocked: true });
        await record(tx, a, { action: 'set_trust', targetUserId: person.id, reason: body.reason, level: body.level });
      });
    },

    async settings(actor: Actor | null): Promise<ModerationSettings> {
      authorize(actor, communityPolicy.manageRules, undefined);
      return moderationSettingsRepo.get(db);
    },

    /** Coordinators replace the automatic rules; the audit keeps the shape of the change, not the patterns. */
    async updateSettings(actor: Actor | null, body: ModerationSettings): Promise<ModerationSettings> {
      const a = authorize(actor, communityPolicy.manageRules, undefined);
      return db.transaction(async (tx) => {
        const saved = await moderationSettingsRepo.update(tx, body);
        await auditRepo.record(tx, {
          actorId: a.userId,
          action: 'community.settings_updated',
          details: { patterns: saved.patterns.length, linkSpamThreshold: saved.linkSpamThreshold, holdNewMembers: saved.holdNewMembers },
        });
        return saved;
      });
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
