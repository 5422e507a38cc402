import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { type TopicSummary, useTopics } from '../../features/community/api.ts';
import { AuthorName } from '../../features/community/AuthorName.tsx';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { NotFoundHere } from '../../features/community/NotFoundHere.tsx';

/** One category: its topics, pinned ones first, then the most recently active, a page at a time. */
export function CategoryPage() {
  const { t } = useTranslation();
  const slug = useParams().slug ?? '';
  const me = useMe().data;
  const topics = useTopics(slug);
  const pages = topics.data?.pages;
  if (topics.isPending) {
    return (
      <Page title={t('community.category.loading')}>
        <Loading />
      </Page>
    );
  }
  if (topics.isError && !pages) {
    return (
      <Page title={t('community.index.title')}>
        <Alert tone="error" title={errorMessage(topics.error, t)} />
      </Page>
    );
  }
  const category = pages?.[0]?.category;
  if (!category) return <NotFoundHere />;
  const list = (pages ?? []).flatMap((p) => p?.topics ?? []);
  return (
    <CommunityPage
      title={category.name}
      lead={
        <>
          {category.description && <p>{category.description}</p>}
          {category.readAccess !== 'public' && <p className="muted">{t(`community.accessLead.${category.readAccess}`)}</p>}
        </>
      }
    >
      {category.canPost ? (
        <p>
          <Link to={`/community/new?category=${encodeURIComponent(category.slug)}`} className="button button--primary">
            {t('community.index.newTopic')}
          </Link>
        </p>
      ) : (
        me === null && (
          <p className="card card--quiet">
            {t('community.category.signInToPost')} <Link to={`/sign-in?next=${encodeURIComponent(`/community/c/${category.slug}`)}`}>{t('community.index.signIn')}</Link>
          </p>
        )
      )}
      <section aria-labelledby="community-topics">
        <h2 id="community-topics">{t('community.category.topics')}</h2>
        {list.length === 0 ? (
          <p>{t('community.category.empty')}</p>
        ) : (
          <ul className="topic-list">
            {list.map((topic) => (
              <TopicRow key={topic.id} topic={topic} signedIn={Boolean(me)} timeZone={me?.timeZone} />
            ))}
          </ul>
        )}
        {topics.isFetchNextPageError && <Alert live tone="error" title={errorMessage(topics.error, t)} />}
        {topics.hasNextPage && (
          <div className="actions">
            <Button variant="secondary" pending={topics.isFetchingNextPage} onClick={() => void topics.fetchNextPage()}>
              {t('community.category.more')}
            </Button>
          </div>
        )}
      </section>
    </CommunityPage>
  );
}

function TopicRow({ topic, signedIn, timeZone }: { topic: TopicSummary; signedIn: boolean; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const marks = [
    topic.pinned && <span key="pinned" className="badge">{t('community.topic.pinned')}</span>,
    topic.locked && <span key="locked" className="badge">{t('community.topic.locked')}</span>,
    topic.status === 'held' && <span key="held" className="badge badge--warning">{t('community.topic.held')}</span>,
    signedIn && topic.unread > 0 && <span key="unread" className="badge badge--pending">{t('community.category.unread', { count: topic.unread })}</span>,
  ].filter(Boolean);
  return (
    <li className={topic.pinned ? 'topic-row topic-row--pinned' : 'topic-row'}>
      <h3 className="topic-title">
        <Link to={`/community/t/${topic.id}`}>{topic.title}</Link>
      </h3>
      {marks.length > 0 && <p className="topic-marks">{marks}</p>}
      <p className="muted topic-meta">
        <AuthorName author={topic.author} />
        {' · '}
        {t('community.category.replies', { count: topic.replyCount })}
        {' · '}
        {t('community.category.lastPost', { when: formatDateTime(topic.lastPostedAt, currentLocale(), timeZone) })}
      </p>
    </li>
  );
}
