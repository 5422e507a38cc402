import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { communityLimits, type Post, type ReactionKind, type postEditBody, type replyBody, type TopicDetail, type topicBody, type topicEditBody, type topicQuery } from '../../../contracts/community.ts';
import { type Actor, authorize } from '../../access.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError, notFound, rateLimited, validationFailed } from '../../http/errors.ts';
import { NotifiedCache } from '../../http/notified-cache.ts';
import type { Jobs } from '../../jobs/queue.ts';
import type { ServiceContext } from '../context.ts';
import { type CrisisHandled, createCrisisAnswers, memberLocale, readOwnWords } from '../safety/crisis.ts';
import { checkPost } from './automod.ts';
import { access, canRead, createCategoriesService, mayPostAtAll, presentCategory } from './categories-service.ts';
import { categoriesRepo } from './categories-repo.ts';
import { type MemberStanding, membersRepo } from './members-repo.ts';
import { canPostInCategory, isModerator } from './policy.ts';
import { announcePost, recordEdit } from './post-writes.ts';
import { inOrder, type PostRow, postsRepo, TOPIC_CHANNEL, type TopicPageRow, type TopicRow } from './posts-repo.ts';
import { presentAuthor } from './presenters.ts';
import { openQueueItem } from './queue-repo.ts';
import { countContent, normalizeBody, plainText, renderPost } from './render.ts';
import { moderationSettingsRepo } from './settings.ts';
import { TRUST_LIMITS, type TrustLevel } from './trust.ts';

const conflict = (key: 'communityBanned' | 'communitySuspended' | 'communityGuidelinesRequired' | 'communityTopicLocked' | 'communityPostAccess') =>
  new AppError('conflict', key);

const jsonBytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** A post as this reader may see it: hidden and deleted ones are placeholders without text, except to moderators. */
export function presentPost(row: PostRow, actor: Actor | null, topicLocked: boolean): Post {
  const moderator = isModerator(actor);
  const gone = (row.status === 'hidden' || row.status === 'deleted') && !moderator;
  const author = presentAuthor(row, actor);
  return {
    id: row.id,
    topicId: row.topicId,
    number: row.number,
    kind: row.kind,
    author,
    html: gone ? '' : row.html,
    // The Markdown source is for editing: its author and moderators only.
    body: gone || !(author.isMe || moderator) ? null : row.body,
    status: row.status,
    locale: row.locale,
    replyToPostId: row.replyToPostId,
    reactions: { support: row.support, me_too: row.me_too, celebrate: row.celebrate, thanks: row.thanks },
    myReactions: inOrder(row.mine),
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    canEdit: moderator || (author.isMe && !topicLocked && (row.status === 'visible' || row.status === 'held')),
  };
}

export function presentTopic(t: TopicRow, actor: Actor | null) {
  return {
    id: t.id,
    categoryId: t.categoryId,
    title: t.title,
    author: presentAuthor(t, actor),
    status: t.status,
    locked: t.lockedAt !== null,
    pinned: t.pinnedAt !== null,
    replyCount: t.replyCount,
    createdAt: t.createdAt,
    lastPostedAt: t.lastPostedAt,
    unread: !actor ? 0 : t.lastRead === null ? t.replyCount + 1 : Math.max(0, t.lastNumber - t.lastRead),
  };
}

/** Why this reader may not reply, in the order the posting rules check (null: they may). */
function replyBlockedBy(actor: Actor | null, page: NonNullable<Awaited<ReturnType<typeof postsRepo.topicPage>>>): TopicDetail['replyBlockedBy'] {
  if (!actor) return 'signed_out';
  if (page.banned) return 'banned';
  if (page.suspended) return 'suspended';
  if (!page.guidelinesAccepted) return 'guidelines';
  // A hidden topic stays readable to its author (to see why), closed like a locked one.
  if ((page.lockedAt || page.status === 'hidden') && !isModerator(actor)) return 'locked';
  if (!canPostInCategory(actor, access(page.category), page.category.inGroup)) return 'post_access';
  return null;
}

/** Keyset cursor over (last activity, id) of unpinned topics, opaque to clients. */
const encodeCursor = (t: { cursorAt: string; id: string }) => Buffer.from(JSON.stringify([t.cursorAt, t.id])).toString('base64url');
function decodeCursor(cursor: string) {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { at, id };
  } catch {
    // falls through to the field error
  }
  throw validationFailed({ cursor: 'Invalid value' });
}

/**
 * Topics and replies: reading (the topic page is the hot path: three queries at most), and writing under the posting
 * rules of docs/community.md, checked in order before anything is written.
 */
export function createPostsService(ctx: ServiceContext, deps: { jobs?: Jobs; log?: FastifyBaseLogger } = {}) {
  const { db } = ctx;
  const categories = createCategoriesService(ctx);
  // A category's counts on the topic page, kept for a few seconds per instance: a count shown beside the title may
  // lag that long, and counting a busy category on every page view would cost more than the page itself.
  const statsCache = new Map<string, { value: { topicCount: number; lastPostedAt: string | null }; until: number }>();
  async function categoryStats(categoryId: string) {
    const hit = statsCache.get(categoryId);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await categoriesRepo.stats(db, categoryId);
    if (statsCache.size > 1000) statsCache.clear();
    statsCache.set(categoryId, { value, until: Date.now() + 10_000 });
    return value;
  }
  const crisis = createCrisisAnswers(ctx, deps);

  // A topic's posts as every member not involved in them reads them (counts, no one's own reactions, anonymous
  // authors hidden), with each post's JSON as bytes (encoded once, not on every answer), kept per instance while the database says they are unchanged: triggers on
  // posts and reactions notify TOPIC_CHANNEL with the topic's id (drizzle/0011). Author names may lag a rename by the
  // entry's life.
  const sharedPages = new NotifiedCache<{ rows: PostRow[]; json: Buffer[] }>(ctx.notifications, TOPIC_CHANNEL, { ttlMs: 30_000, maxEntries: 2_000 });

  /**
   * The posts the reader may list (one more than `limit` tells there are more), each as JSON bytes. Moderators, and authors
   * with a post held here, read their own page; everyone else gets the shared page, and only the posts they wrote or
   * reacted to are presented for them.
   */
  async function pageOfPosts(actor: Actor | null, page: TopicPageRow, after: number, limit: number): Promise<{ rows: PostRow[]; json: Buffer[] }> {
    const locked = page.lockedAt !== null;
    if (isModerator(actor) || page.hasHeld) {
      const rows = await postsRepo.posts(db, actor, page.id, after, limit);
      return { rows, json: rows.map((r) => jsonBytes(presentPost(r, actor, locked))) };
    }
    const key = `${page.id}:${after}:${limit}`;
    let shared = sharedPages.get(key);
    if (!shared) {
      const epoch = sharedPages.begin();
      const rows = await postsRepo.posts(db, null, page.id, after, limit);
      // Presented for nobody in particular: the same for every reader who neither wrote nor reacted to the post.
      shared = { rows, json: rows.map((r) => jsonBytes(presentPost(r, null, locked))) };
      sharedPages.set(key, page.id, shared, epoch);
    }
    if (!actor) return shared;
    const mine = new Map<string, ReactionKind[]>();
    for (const [postId, kind] of page.myReactions) mine.set(postId, [...(mine.get(postId) ?? []), kind]);
    const json = shared.rows.map((row, i) =>
      row.authorId === actor.userId || mine.has(row.id)
        ? jsonBytes(presentPost({ ...row, mine: mine.get(row.id) ?? [], body: page.myBodies[row.id] ?? null }, actor, locked))
        : shared.json[i]!,
    );
    return { rows: shared.rows, json };
  }

  /** The topic page without its posts, and the posts as JSON (the route joins them without serializing twice). */
  async function topicParts(actor: Actor | null, topicId: string, query: z.output<typeof topicQuery>) {
    const page = await readableTopic(actor, topicId);
    const { rows, json } = await pageOfPosts(actor, page, query.after ?? 0, query.limit);
    const hasMore = rows.length > query.limit;
    const count = hasMore ? query.limit : rows.length;
    if (actor && count) {
      // The end of the topic is read when the page reaches it, even if the last numbers are posts the reader cannot see.
      const seen = hasMore ? rows[count - 1]!.number : page.lastNumber;
      if (seen > (page.lastRead ?? 0) && (await membersRepo.markRead(db, actor.userId, topicId, seen))) await membersRepo.promote(db, actor.userId);
    }
    const blocked = replyBlockedBy(actor, page);
    const head: Omit<TopicDetail, 'posts'> = {
      topic: presentTopic(page, actor),
      category: presentCategory({ ...page.category, ...(await categoryStats(page.categoryId)) }, actor, Boolean(actor) && !page.banned && !page.suspended),
      hasMore,
      canReply: blocked === null,
      replyBlockedBy: blocked,
    };
    return { head, posts: json.slice(0, count) };
  }

  /** Banned, suspended, guidelines: 409s with a plain message (the person knows where they are). */
  function checkStanding(s: MemberStanding, opts: { guidelines: boolean }) {
    if (s.banned) throw conflict('communityBanned');
    if (s.suspendedUntil) throw conflict('communitySuspended');
    if (opts.guidelines && !s.guidelinesAccepted) throw conflict('communityGuidelinesRequired');
  }

  // Moderators are staff: the limits for new accounts are not theirs.
  const levelOf = (a: Actor, s: MemberStanding): TrustLevel => (isModerator(a) ? 3 : s.trustLevel);

  /** The posting rules in their order (docs/community.md): standing, the place, the day's limit. Nothing is written. */
  function checkPosting(a: Actor, s: MemberStanding, place: { locked: boolean; postAccess: boolean }) {
    checkStanding(s, { guidelines: true });
    if (place.locked && !isModerator(a)) throw conflict('communityTopicLocked');
    if (!place.postAccess) throw conflict('communityPostAccess');
    const level = levelOf(a, s);
    if (s.postsToday >= TRUST_LIMITS[level].postsPerDay) throw rateLimited(s.windowFreesIn);
    return { level, limits: TRUST_LIMITS[level] };
  }

  function checkContent(body: string, limits: (typeof TRUST_LIMITS)[TrustLevel]) {
    const n = countContent(body);
    if (n.links > limits.linksPerPost) throw validationFailed({ body: 'tooManyLinks' });
    if (n.images > limits.imagesPerPost) throw validationFailed({ body: 'tooManyImages' });
    if (n.mentions > limits.mentionsPerPost) throw validationFailed({ body: 'tooManyMentions' });
  }

  /** Reads the saved post back as its author sees it, with crisis help when their words called for it. */
  async function saved(a: Actor, ids: { topicId: string; postId: string }, held: boolean, handled: CrisisHandled | null) {
    const row = (await postsRepo.post(db, a, ids.postId))!;
    return {
      topicId: ids.topicId,
      post: presentPost(row, a, false),
      held,
      crisis: handled ? await crisis.answer(handled, await memberLocale(db, a)) : null,
    };
  }

  /**
   * The shared end of a topic or reply: automatic rules, crisis reading, then in one transaction the rows, the queue,
   * the member's count and the announcement. `write` inserts the rows and returns their ids.
   */
  async function publish(
    a: Actor,
    input: { title: string | null; body: string; locale: string; level: TrustLevel },
    write: (tx: Queryable, post: { body: string; html: string; status: 'visible' | 'held' }) => Promise<{ topicId: string; postId: string; number: number }>,
  ) {
    const body = normalizeBody(input.body);
    const html = renderPost(body);
    const verdict = checkPost({ title: input.title, body, trustLevel: input.level, settings: await moderationSettingsRepo.get(db) });
    const reading = readOwnWords([input.title, plainText(html)], input.locale === 'es' ? 'es' : 'en');
    let handled: CrisisHandled | null = null;
    const ids = await db.transaction(async (tx) => {
      const w = await write(tx, { body, html, status: verdict.hold ? 'held' : 'visible' });
      await membersRepo.countPost(tx, a.userId);
      if (verdict.hold) await openQueueItem(tx, { postId: w.postId, kind: 'held', rules: verdict.rules });
      else await announcePost(tx, w.postId);
      if (reading) {
        // Crisis help never hides a post: it goes to the queue as needs care, and responders are paged.
        handled = await crisis.escalateIn(tx, { memberId: a.userId, source: w.number === 1 ? 'post' : 'reply', sourceId: w.postId, reading });
        await openQueueItem(tx, { postId: w.postId, kind: 'needs_care', escalationId: handled.escalationId });
      }
      if (!verdict.hold) await membersRepo.promote(tx, a.userId);
      return w;
    });
    return saved(a, ids, verdict.hold, handled);
  }

  /** A post its author may change: visible or held, theirs, in a topic they can still see. 404 otherwise. */
  async function ownPost(a: Actor, postId: string) {
    const row = await postsRepo.post(db, a, postId);
    if (!row || row.authorId !== a.userId || (row.status !== 'visible' && row.status !== 'held')) throw notFound();
    return row;
  }

  async function getPost(actor: Actor | null, postId: string) {
    const row = await postsRepo.post(db, actor, postId);
    if (!row) throw notFound();
    return presentPost(row, actor, row.topicLocked);
  }

  /** The topic page's first query, checked: 404 unless the reader may read the category and open the topic. */
  async function readableTopic(actor: Actor | null, topicId: string) {
    const page = await postsRepo.topicPage(db, actor, topicId);
    if (!page || !canRead(actor, page.category) || !page.listable) throw notFound();
    return page;
  }

  return {
    async listTopics(actor: Actor | null, idOrSlug: string, cursor: string | undefined) {
      const c = await categories.readable(actor, idOrSlug);
      const limit = communityLimits.topicsPage;
      const rows = await postsRepo.topics(db, actor, c.id, cursor ? decodeCursor(cursor) : null, limit);
      const pinned = rows.filter((t) => t.pinned);
      const rest = rows.filter((t) => !t.pinned);
      const page = rest.slice(0, limit);
      return {
        category: presentCategory(c, actor, await mayPostAtAll(ctx, actor)),
        topics: [...pinned, ...page].map((t) => presentTopic(t, actor)),
        nextCursor: rest.length > limit ? encodeCursor(page.at(-1)!) : null,
      };
    },

    /** The topic page: one query when the shared page is cached (the topic with the reader's parts), the read marker when it moves. */
    async topic(actor: Actor | null, topicId: string, query: z.output<typeof topicQuery>): Promise<TopicDetail> {
      const { head, posts } = await topicParts(actor, topicId, query);
      return { ...head, posts: posts.map((p) => JSON.parse(p.toString('utf8')) as Post) };
    },

    /** The same page as JSON bytes, for the route: the shared posts' bytes are reused as they are. */
    async topicJson(actor: Actor | null, topicId: string, query: z.output<typeof topicQuery>): Promise<Buffer> {
      const { head, posts } = await topicParts(actor, topicId, query);
      const parts: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"posts":[`)];
      posts.forEach((p, i) => parts.push(...(i ? [COMMA, p] : [p])));
      parts.push(CLOSE);
      return Buffer.concat(parts);
    },

    post: getPost,

    async createTopic(actor: Actor | null, input: z.output<typeof topicBody>) {
      const a = authorize(actor);
      const c = await categories.readable(a, input.categoryId);
      const s = await membersRepo.standing(db, a.userId);
      const { level, limits } = checkPosting(a, s, { locked: false, postAccess: canPostInCategory(a, access(c), c.inGroup) });
      checkContent(input.body, limits);
      const locale = input.locale ?? c.locale;
      return publish(a, { title: input.title, body: input.body, locale, level }, async (tx, p) => {
        const topicId = await postsRepo.insertTopic(tx, { categoryId: c.id, authorId: a.userId, anonymous: input.anonymous, title: input.title, status: p.status });
        const postId = await postsRepo.insertPost(tx, {
          topicId, number: 1, kind: 'post', authorId: a.userId, anonymous: input.anonymous, body: p.body, html: p.html, locale, title: input.title, replyToPostId: null, status: p.status,
        });
        return { topicId, postId, number: 1 };
      });
    },

    async reply(actor: Actor | null, topicId: string, input: z.output<typeof replyBody>) {
      const a = authorize(actor);
      const page = await readableTopic(a, topicId);
      const s = await membersRepo.standing(db, a.userId);
      const { level, limits } = checkPosting(a, s, { locked: page.lockedAt !== null || page.status === 'hidden', postAccess: canPostInCategory(a, access(page.category), page.category.inGroup) });
      checkContent(input.body, limits);
      if (input.replyToPostId && !(await postsRepo.replyTarget(db, a, topicId, input.replyToPostId))) throw validationFailed({ replyToPostId: 'notFound' });
      const locale = input.locale ?? page.category.locale;
      return publish(a, { title: null, body: input.body, locale, level }, async (tx, p) => {
        const number = await postsRepo.nextNumber(tx, topicId);
        const postId = await postsRepo.insertPost(tx, {
          topicId, number, kind: 'post', authorId: a.userId, anonymous: input.anonymous, body: p.body, html: p.html, locale, title: null, replyToPostId: input.replyToPostId ?? null, status: p.status,
        });
        return { topicId, postId, number };
      });
    },

    /** The author edits their post while the topic is open; the rules run again and may hold it for review. */
    async editPost(actor: Actor | null, postId: string, input: z.output<typeof postEditBody>) {
      const a = authorize(actor);
      const row = await ownPost(a, postId);
      if (row.topicLocked && !isModerator(a)) throw conflict('communityTopicLocked');
      const s = await membersRepo.standing(db, a.userId);
      checkStanding(s, { guidelines: false });
      const level = levelOf(a, s);
      checkContent(input.body, TRUST_LIMITS[level]);
      const title = row.number === 1 ? (await postsRepo.topicPage(db, a, row.topicId))!.title : null;
      await edit(a, row, { body: input.body, title, level });
      return getPost(a, postId);
    },

    /** The title, by its author (while open) or a moderator; the earlier title is kept as a revision. */
    async editTopic(actor: Actor | null, topicId: string, input: z.output<typeof topicEditBody>) {
      const a = authorize(actor);
      const page = await readableTopic(a, topicId);
      const moderator = isModerator(a);
      if (page.authorId !== a.userId && !moderator) throw notFound();
      if (page.lockedAt && !moderator) throw conflict('communityTopicLocked');
      const s = await membersRepo.standing(db, a.userId);
      checkStanding(s, { guidelines: false });
      const level = levelOf(a, s);
      const opening = await postsRepo.post(db, a, await postsRepo.openingPostId(db, topicId));
      if (!opening || (opening.status !== 'visible' && opening.status !== 'held' && !moderator)) throw notFound();
      // Moderators' edits are not held by the rules meant for authors.
      await edit(a, opening, { body: opening.body ?? '', title: input.title, level, skipRules: page.authorId !== a.userId });
      return presentTopic((await readableTopic(a, topicId)) as TopicRow, a);
    },

    /** The author deletes their post: a placeholder keeps the numbering; an opening post takes the topic out of lists. */
    async deletePost(actor: Actor | null, postId: string) {
      const a = authorize(actor);
      await ownPost(a, postId);
      await db.transaction(async (tx) => {
        const row = await postsRepo.lockPost(tx, postId);
        if (row && row.status !== 'deleted') await postsRepo.withdraw(tx, row, 'deleted');
      });
    },
  };

  /** An edit under the automatic rules: a match holds a visible post again and puts it in the queue. */
  async function edit(a: Actor, row: PostRow, input: { body: string; title: string | null; level: TrustLevel; skipRules?: boolean }) {
    const verdict = input.skipRules
      ? { hold: false, rules: [] }
      : checkPost({ title: input.title, body: normalizeBody(input.body), trustLevel: input.level, settings: await moderationSettingsRepo.get(db) });
    await db.transaction(async (tx) => {
      const locked = await postsRepo.lockPost(tx, row.id);
      if (!locked) throw notFound();
      await recordEdit(tx, { postId: row.id, body: input.body, title: input.title, editedBy: a.userId });
      if (verdict.hold) {
        if (locked.status === 'visible') await postsRepo.withdraw(tx, locked, 'held');
        await openQueueItem(tx, { postId: row.id, kind: 'held', rules: verdict.rules });
      }
    });
  }
}
