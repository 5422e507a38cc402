import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CommunityAuthor } from './api.ts';

/**
 * How an author is named everywhere in the forum. Other members never learn who wrote an anonymous post (the
 * server sends no id or name); the author reads "You, anonymously"; moderators see the name and that it is hidden
 * from members, because they need it to keep people safe.
 */
export function authorLabel(author: CommunityAuthor, t: TFunction): string {
  if (author.isMe) return t(author.anonymous ? 'community.author.meAnonymous' : 'community.author.me');
  if (author.displayName === null) return t('community.author.anonymous');
  if (author.revealedToModerators) return t('community.author.revealed', { name: author.displayName });
  return author.displayName;
}

export function AuthorName({ author, id }: { author: CommunityAuthor; id?: string }) {
  const { t } = useTranslation();
  const anonymousToOthers = author.anonymous && !author.isMe && author.displayName === null;
  return (
    <span id={id} className={anonymousToOthers ? 'author author--anonymous' : 'author'}>
      {authorLabel(author, t)}
    </span>
  );
}
