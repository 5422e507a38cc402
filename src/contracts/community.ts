import { z } from 'zod';
import { isoDateTime, locale, uuid } from './common.ts';
import { crisisPayload } from './journey.ts';

/**
 * The community forum (docs/community.md): categories, topics and replies in Markdown rendered to sanitized HTML on
 * the server, supportive reactions, anonymous posting, community guidelines, trust levels, reports, the moderation
 * queue and its actions, full-text search, milestone celebrations.
 */

export const communityLimits = {
  titleMin: 3,
  titleMax: 140,
  /** Markdown source; rendered HTML is larger and never accepted from clients. */
  bodyMax: 20_000,
  categoryNameMax: 60,
  categoryDescriptionMax: 500,
  reportNoteMax: 1000,
  moderationReasonMax: 1000,
  searchQueryMax: 200,
  topicsPage: 30,
  postsPage: 200,
  postsPageMax: 500,
  searchResultsMax: 50,
  suspendDaysMax: 365,
  patternsMax: 50,
  patternMax: 200,
} as const;

const text = (max: number) => z.string().trim().max(max);
const slug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lowercase letters, digits and hyphens' });

/** Someone as other members see them: null id and name for an anonymous author (the web shows "Anonymous member"). */
export const communityAuthor = z
  .object({
    /** Null when the post is anonymous and the reader is not the author, a moderator or a coordinator. */
    id: uuid.nullable(),
    displayName: z.string().nullable(),
    anonymous: z.boolean(),
    /** The reader wrote it (true on their own anonymous posts too, so the web can say "You, anonymously"). */
    isMe: z.boolean(),
    /** Set only for moderators and coordinators: the real author behind an anonymous post (for safety). */
    revealedToModerators: z.boolean(),
  })
  .meta({ id: 'CommunityAuthor' });
export type CommunityAuthor = z.infer<typeof communityAuthor>;

// ── Categories ──────────────────────────────────────────────────────────────────────────────────────────────────

/** `public`: anyone, even without an account; `members`: signed-in people; `group`: active members of one group. */
export const CATEGORY_READ = ['public', 'members', 'group'] as const;
/** `members`: anyone who may read; `group`: active members of the category's group; `moderators`: announcements. */
export const CATEGORY_POST = ['members', 'group', 'moderators'] as const;

export const categoryBody = z
  .strictObject({
    slug,
    name: text(communityLimits.categoryNameMax).min(1, 'Give the category a name'),
    description: text(communityLimits.categoryDescriptionMax).default(''),
    readAccess: z.enum(CATEGORY_READ),
    postAccess: z.enum(CATEGORY_POST),
    /** Required when either access is `group`. */
    groupId: uuid.nullable().default(null),
    /** The language most posts are in: search reads a post in its own language, this is the default. */
    locale: locale.default('en'),
    /** Members who opt in celebrate reached milestones here. */
    celebrations: z.boolean().default(false),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .refine((c) => (c.readAccess !== 'group' && c.postAccess !== 'group') || c.groupId !== null, {
    message: 'Choose the group',
    path: ['groupId'],
  });
export const categoryPatch = z.strictObject({
  name: text(communityLimits.categoryNameMax).min(1).optional(),
  description: text(communityLimits.categoryDescriptionMax).optional(),
  readAccess: z.enum(CATEGORY_READ).optional(),
  postAccess: z.enum(CATEGORY_POST).optional(),
  groupId: uuid.nullable().optional(),
  locale: locale.optional(),
  celebrations: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  archived: z.boolean().optional(),
});

export const category = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    readAccess: z.enum(CATEGORY_READ),
    postAccess: z.enum(CATEGORY_POST),
    groupId: uuid.nullable(),
    locale,
    celebrations: z.boolean(),
    position: z.number().int(),
    archived: z.boolean(),
    /** Visible topics the reader may see (held and hidden ones are not counted). */
    topicCount: z.number().int(),
    lastPostedAt: isoDateTime.nullable(),
    /** The reader may start a topic here (signed in, guidelines aside, not suspended, post access). */
    canPost: z.boolean(),
  })
  .meta({ id: 'CommunityCategory' });
export type Category = z.infer<typeof category>;
export const categoryList = z.object({ categories: z.array(category) }).meta({ id: 'CommunityCategoryList' });

// ── Posts and topics ────────────────────────────────────────────────────────────────────────────────────────────

export const REACTIONS = ['support', 'me_too', 'celebrate', 'thanks'] as const;
export const reactionKind = z.enum(REACTIONS);
export type ReactionKind = z.infer<typeof reactionKind>;

/** `visible`; `held` for review (shown only to its author and moderators); `hidden` by a moderator; `deleted` by its author. */
export const POST_STATUSES = ['visible', 'held', 'hidden', 'deleted'] as const;
export const postStatus = z.enum(POST_STATUSES);
/** `post`: written by a person; `milestone`: a celebration posted for a member who opted in. */
export const POST_KINDS = ['post', 'milestone'] as const;

const body = z
  .string()
  .max(communityLimits.bodyMax, { message: `Use at most ${communityLimits.bodyMax} characters` })
  .refine((s) => s.replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '').length > 0, { message: 'Write something first' });

export const topicBody = z.strictObject({
  categoryId: uuid,
  title: text(communityLimits.titleMax).min(communityLimits.titleMin, { message: 'Give the topic a title' }),
  body,
  anonymous: z.boolean().default(false),
  /** The language it is written in (search); the category's language when absent. */
  locale: locale.optional(),
});
export const replyBody = z.strictObject({
  body,
  anonymous: z.boolean().default(false),
  locale: locale.optional(),
  /** The post this answers or quotes, in the same topic. */
  replyToPostId: uuid.optional(),
});
export const postEditBody = z.strictObject({ body });
export const topicEditBody = z.strictObject({
  title: text(communityLimits.titleMax).min(communityLimits.titleMin, { message: 'Give the topic a title' }),
});

export const reactionCounts = z.object({ support: z.number().int(), me_too: z.number().int(), celebrate: z.number().int(), thanks: z.number().int() });

export const post = z
  .object({
    id: uuid,
    topicId: uuid,
    /** 1 is the topic's opening post. */
    number: z.number().int(),
    kind: z.enum(POST_KINDS),
    author: communityAuthor,
    /** Sanitized HTML rendered on the server; the only form of the text the web shows. Empty for hidden/deleted. */
    html: z.string(),
    /** The Markdown source: only for its author (to edit) and moderators. */
    body: z.string().nullable(),
    status: postStatus,
    locale,
    replyToPostId: uuid.nullable(),
    reactions: reactionCounts,
    myReactions: z.array(reactionKind),
    createdAt: isoDateTime,
    editedAt: isoDateTime.nullable(),
    /** The reader may edit it (its author, while the topic is open; moderators always). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'CommunityPost' });
export type Post = z.infer<typeof post>;

export const topicSummary = z
  .object({
    id: uuid,
    categoryId: uuid,
    title: z.string(),
    author: communityAuthor,
    status: postStatus,
    locked: z.boolean(),
    pinned: z.boolean(),
    replyCount: z.number().int(),
    createdAt: isoDateTime,
    lastPostedAt: isoDateTime,
    /** Posts the reader has not read yet (0 without a session). */
    unread: z.number().int(),
  })
  .meta({ id: 'CommunityTopicSummary' });
export const topicList = z
  .object({ category, topics: z.array(topicSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'CommunityTopicList' });
export const topicListQuery = z.strictObject({ cursor: z.string().max(200).optional() });

export const topicDetail = z
  .object({
    topic: topicSummary,
    category,
    posts: z.array(post),
    /** More posts after the last one returned (`?after=<number>`). */
    hasMore: z.boolean(),
    canReply: z.boolean(),
    /** Why the reader may not reply, when they may not. */
    replyBlockedBy: z.enum(['signed_out', 'guidelines', 'locked', 'suspended', 'banned', 'post_access']).nullable(),
  })
  .meta({ id: 'CommunityTopicDetail' });
export type TopicDetail = z.infer<typeof topicDetail>;
export const topicQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(communityLimits.postsPageMax).default(communityLimits.postsPage),
});

/** What saving a topic or reply answers: the post as the author sees it, whether it waits for review, and crisis help. */
export const postSaved = z
  .object({
    topicId: uuid,
    post,
    /** Held for a moderator before anyone else sees it; the web says so plainly. */
    held: z.boolean(),
    /** The author's own words read urgent or emergency: the web shows crisis help before anything else. */
    crisis: crisisPayload.nullable(),
  })
  .meta({ id: 'CommunityPostSaved' });

export const reactionSummary = z.object({ reactions: reactionCounts, myReactions: z.array(reactionKind) }).meta({ id: 'CommunityReactions' });
export const reactionParams = z.strictObject({ id: uuid, kind: reactionKind });

export const revision = z
  .object({ id: uuid, body: z.string(), title: z.string().nullable(), editedBy: communityAuthor, note: z.string().nullable(), createdAt: isoDateTime })
  .meta({ id: 'CommunityRevision' });
export const revisionList = z.object({ revisions: z.array(revision) }).meta({ id: 'CommunityRevisionList' });

// ── Guidelines and the reader's standing ───────────────────────────────────────────────────────────────────────

export const guidelines = z
  .object({
    version: z.number().int(),
    title: z.string(),
    intro: z.string(),
    rules: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })),
    /** The version this reader accepted, or null. */
    acceptedVersion: z.number().int().nullable(),
  })
  .meta({ id: 'CommunityGuidelines' });
export const acceptGuidelinesBody = z.strictObject({ version: z.number().int().min(1) });

export const TRUST_LEVELS = [0, 1, 2, 3] as const;
export const trustLevel = z.number().int().min(0).max(3);
export const trustLimits = z.object({
  postsPerDay: z.number().int(),
  linksPerPost: z.number().int(),
  imagesPerPost: z.number().int(),
  mentionsPerPost: z.number().int(),
});
export const standing = z
  .object({
    trustLevel,
    /** Set by a moderator (automatic promotion is off for this person). */
    trustLocked: z.boolean(),
    limits: trustLimits,
    postsToday: z.number().int(),
    guidelinesAccepted: z.boolean(),
    suspendedUntil: isoDateTime.nullable(),
    banned: z.boolean(),
    isModerator: z.boolean(),
    /** What the next level asks for, to show progress plainly (null at the top). */
    nextLevel: z
      .object({ level: trustLevel, topicsRead: z.number().int(), topicsReadNeeded: z.number().int(), daysNeeded: z.number().int(), postsNeeded: z.number().int(), posts: z.number().int() })
      .nullable(),
  })
  .meta({ id: 'CommunityStanding' });
export type Standing = z.infer<typeof standing>;

// ── Reports, the queue, moderation ─────────────────────────────────────────────────────────────────────────────

export const REPORT_REASONS = [
  'sourcing',
  'harassment',
  'dating',
  'medical_advice',
  'privacy',
  'off_platform',
  'stigma',
  'spam',
  'worried',
  'other',
] as const;
export const reportReason = z.enum(REPORT_REASONS);
export const reportBody = z.strictObject({
  postId: uuid,
  reason: reportReason,
  note: text(communityLimits.reportNoteMax).default(''),
});
export const reportCreated = z.object({ id: uuid }).meta({ id: 'CommunityReportCreated' });

/** `needs_care`: the crisis detector read it urgent or emergency; `held`: an automatic rule held it; `reported`. */
export const QUEUE_KINDS = ['needs_care', 'held', 'reported'] as const;
export const queueKind = z.enum(QUEUE_KINDS);
export const QUEUE_STATUSES = ['open', 'resolved'] as const;

export const queueItem = z
  .object({
    id: uuid,
    kinds: z.array(queueKind),
    status: z.enum(QUEUE_STATUSES),
    openedAt: isoDateTime,
    /** Automatic rules it matched (keys of the moderation settings' patterns). */
    rules: z.array(z.string()),
    reports: z.array(z.object({ reason: reportReason, note: z.string(), reporter: z.object({ id: uuid, displayName: z.string() }).nullable(), createdAt: isoDateTime })),
    post: post,
    topic: z.object({ id: uuid, title: z.string(), categoryName: z.string(), locked: z.boolean() }),
    /** The two posts before it, for context. */
    context: z.array(post),
    /** The real author (moderators see through anonymity) and their standing. */
    author: z.object({
      id: uuid.nullable(),
      displayName: z.string().nullable(),
      trustLevel,
      priorActions: z.number().int(),
      suspendedUntil: isoDateTime.nullable(),
      banned: z.boolean(),
    }),
    escalationId: uuid.nullable(),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'CommunityQueueItem' });
export const queueList = z.object({ items: z.array(queueItem), open: z.number().int() }).meta({ id: 'CommunityQueue' });
export const queueQuery = z.strictObject({ status: z.enum(QUEUE_STATUSES).default('open') });

/** Every moderation action; the author is told `reason` in plain words (a notification links to the notice). */
export const MODERATION_ACTIONS = [
  'approve',
  'dismiss',
  'hide',
  'unhide',
  'edit',
  'lock',
  'unlock',
  'warn',
  'suspend',
  'unsuspend',
  'ban',
  'unban',
  'set_trust',
] as const;
export const moderationAction = z.enum(MODERATION_ACTIONS);
const reason = text(communityLimits.moderationReasonMax);

export const resolveQueueBody = z.strictObject({
  action: z.enum(['approve', 'dismiss', 'hide']),
  /** Told to the author when the post is hidden (required then). */
  reason: reason.default(''),
});
export const hidePostBody = z.strictObject({ reason: reason.min(1, 'Tell the author why, in plain words') });
export const moderatorEditBody = z.strictObject({ body, note: reason.min(1, 'Say what you changed and why') });
export const lockTopicBody = z.strictObject({ locked: z.boolean(), reason: reason.default('') });
export const warnBody = z.strictObject({ reason: reason.min(1, 'Tell the person why, in plain words'), postId: uuid.optional() });
export const suspendBody = z.strictObject({
  days: z.number().int().min(1).max(communityLimits.suspendDaysMax),
  reason: reason.min(1, 'Tell the person why, in plain words'),
  postId: uuid.optional(),
});
export const banBody = z.strictObject({ reason: reason.min(1, 'Tell the person why, in plain words'), postId: uuid.optional() });
export const setTrustBody = z.strictObject({ level: trustLevel.nullable(), reason: reason.default('') });

/** What the person a moderator acted on reads: what happened and why, never who did it. */
export const moderationNotice = z
  .object({
    id: uuid,
    action: moderationAction,
    reason: z.string(),
    createdAt: isoDateTime,
    until: isoDateTime.nullable(),
    topic: z.object({ id: uuid, title: z.string() }).nullable(),
    postId: uuid.nullable(),
  })
  .meta({ id: 'CommunityModerationNotice' });
export const noticeList = z.object({ notices: z.array(moderationNotice) }).meta({ id: 'CommunityNoticeList' });

export const memberModeration = z
  .object({
    userId: uuid,
    displayName: z.string(),
    standing,
    actions: z.array(moderationNotice.extend({ moderator: z.object({ id: uuid, displayName: z.string() }).nullable(), note: z.string().nullable() })),
  })
  .meta({ id: 'CommunityMemberModeration' });

/** Coordinators' automatic rules. A pattern is a case-insensitive regular expression, checked when saved. */
export const automodPattern = z.strictObject({
  key: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, { message: 'Use lowercase letters, digits and _' }),
  pattern: z
    .string()
    .min(1)
    .max(communityLimits.patternMax)
    .refine(
      (p) => {
        try {
          new RegExp(p, 'iu');
          return true;
        } catch {
          return false;
        }
      },
      { message: 'Not a valid pattern' },
    ),
  /** `all`: every author; `new`: trust level 0 only. */
  appliesTo: z.enum(['all', 'new']),
});
export const moderationSettings = z
  .strictObject({
    patterns: z.array(automodPattern).max(communityLimits.patternsMax),
    /** More links than this in one post from a trust level 0 or 1 author holds it as link spam. */
    linkSpamThreshold: z.number().int().min(1).max(50),
    /** Hold every trust level 0 author's posts for review (for a community under attack). */
    holdNewMembers: z.boolean(),
  })
  .meta({ id: 'CommunityModerationSettings' });
export type ModerationSettings = z.infer<typeof moderationSettings>;

// ── Search ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const searchQuery = z.strictObject({
  q: z.string().trim().min(2, 'Type at least two letters').max(communityLimits.searchQueryMax),
  categoryId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(communityLimits.searchResultsMax).default(20),
});
export const searchResult = z
  .object({
    topicId: uuid,
    postId: uuid,
    postNumber: z.number().int(),
    title: z.string(),
    category: z.object({ id: uuid, name: z.string() }),
    author: communityAuthor,
    /** HTML-escaped text with the matched words wrapped in <mark>; nothing else is markup. */
    snippet: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'CommunitySearchResult' });
export const searchResults = z.object({ results: z.array(searchResult) }).meta({ id: 'CommunitySearchResults' });

export const postParams = z.strictObject({ id: uuid });
export const userParams = z.strictObject({ id: uuid });
