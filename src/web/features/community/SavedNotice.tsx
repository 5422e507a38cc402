import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import type { PostSaved } from './api.ts';

/** The mark on a post that waits for review, as its author (or a moderator) sees it. */
export function HeldNotice({ moderator }: { moderator: boolean }) {
  const { t } = useTranslation();
  return <p className="post-mark post-mark--held">{t(moderator ? 'community.post.heldModerator' : 'community.post.heldMine')}</p>;
}

/**
 * What saving a topic or a reply answered, in plain words: posted, or saved and waiting for a moderator. When the
 * crisis panel shows first, this still says the words were kept.
 */
export function SavedNotice({ saved, what, ref, showLink = true }: { saved: PostSaved; what: 'topic' | 'reply'; ref?: Ref<HTMLDivElement>; showLink?: boolean }) {
  const { t } = useTranslation();
  const to = `/community/t/${saved.topicId}#post-${saved.post.number}`;
  const link = showLink && (
    <p>
      <Link to={to}>{t(what === 'topic' ? 'community.saved.seeTopic' : 'community.saved.seeReply')}</Link>
    </p>
  );
  if (saved.held) {
    return (
      <Alert tone="warning" title={t(`community.saved.held.${what}`)} ref={ref}>
        <p>{t('community.saved.heldLead')}</p>
        {link}
      </Alert>
    );
  }
  return (
    <Alert tone="success" title={t(saved.crisis ? `community.saved.kept.${what}` : `community.saved.posted.${what}`)} ref={ref}>
      {link}
    </Alert>
  );
}
