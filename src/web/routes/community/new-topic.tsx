import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { type PostSaved, useCategories, useStanding } from '../../features/community/api.ts';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { TopicComposer } from '../../features/community/Composer.tsx';
import { GuidelinesGate } from '../../features/community/Guidelines.tsx';
import { ReplyBlocked } from '../../features/community/ReplyBlocked.tsx';
import { SavedNotice } from '../../features/community/SavedNotice.tsx';
import { CrisisPanel } from '../../features/safety/CrisisPanel.tsx';
import { errorMessage } from '../../lib/messages.ts';
import type { TopicArrival } from './topic.tsx';

/**
 * Starting a topic (signed in): the guidelines first if the person has not agreed to them yet, then the composer.
 * A saved topic opens at once, saying so (and that it waits for a moderator, when it does); when the words read as
 * a crisis, crisis help shows here first instead, with word that the topic was kept and a link to it.
 */
export function NewTopicPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const startSlug = params.get('category') ?? '';
  const categories = useCategories();
  const standing = useStanding(true);
  const [saved, setSaved] = useState<PostSaved | null>(null);
  const [justAccepted, setJustAccepted] = useState(false);
  const crisisRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (saved?.crisis) crisisRef.current?.focus();
  }, [saved]);

  const onSaved = (result: PostSaved) => {
    if (result.crisis) setSaved(result);
    else void navigate(`/community/t/${result.topicId}`, { state: { saved: result } satisfies TopicArrival });
  };

  const s = standing.data;
  const postable = (categories.data ?? []).filter((c) => c.canPost && !c.archived);
  const suspended = Boolean(s?.suspendedUntil && Date.parse(s.suspendedUntil) > Date.now());
  const back = postable.find((c) => c.slug === startSlug);
  const error = categories.error ?? standing.error;
  return (
    <CommunityPage title={t('community.newTopic.title')} first={saved?.crisis && <CrisisPanel crisis={saved.crisis} ref={crisisRef} lead={t('community.crisis.lead')} emergencyLead={t('community.crisis.emergencyLead')} />}>
      {saved ? (
        <SavedNotice saved={saved} what="topic" />
      ) : error ? (
        <Alert tone="error" title={errorMessage(error, t)} />
      ) : !s || !categories.data ? (
        <Loading />
      ) : s.banned || suspended ? (
        <ReplyBlocked reason={s.banned ? 'banned' : 'suspended'} standing={s} onAccepted={() => undefined} />
      ) : !s.guidelinesAccepted ? (
        <GuidelinesGate headingLevel={2} onAccepted={() => setJustAccepted(true)} />
      ) : postable.length === 0 ? (
        <p className="card card--quiet">{t('community.newTopic.nowhere')}</p>
      ) : (
        <>
          <p>{t('community.newTopic.lead')}</p>
          <TopicComposer key={startSlug} categories={postable} startSlug={startSlug} ownerId={me.id} focusOnMount={justAccepted} onSaved={onSaved} />
        </>
      )}
      {!saved && (
        <p>
          <Link to={back ? `/community/c/${back.slug}` : '/community'}>{t('community.newTopic.back')}</Link>
        </p>
      )}
    </CommunityPage>
  );
}
