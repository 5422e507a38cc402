import type { CommunityAuthor } from '../../../contracts/community.ts';
import type { Actor } from '../../access.ts';
import { isModerator } from './policy.ts';

/** A post's or topic's author as one reader may see them. */
export interface AuthorRow {
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
}

/**
 * The one place an author is shown. An anonymous author's id and name reach only the author and moderators
 * (coordinators included); everyone else gets nulls, and the web says "Anonymous member".
 */
export function presentAuthor(row: AuthorRow, viewer: Actor | null): CommunityAuthor {
  const isMe = Boolean(viewer && row.authorId && viewer.userId === row.authorId);
  if (!row.anonymous) return { id: row.authorId, displayName: row.authorName, anonymous: false, isMe, revealedToModerators: false };
  if (isMe) return { id: row.authorId, displayName: row.authorName, anonymous: true, isMe, revealedToModerators: false };
  if (isModerator(viewer)) return { id: row.authorId, displayName: row.authorName, anonymous: true, isMe, revealedToModerators: true };
  return { id: null, displayName: null, anonymous: true, isMe: false, revealedToModerators: false };
}
