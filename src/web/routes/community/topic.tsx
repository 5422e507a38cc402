import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { type Post, type PostSaved, useStanding, useTopic } from '../../features/community/api.ts';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { type QuoteRequest, ReplyComposer } from '../../features/community/Composer.tsx';
import { PostView } from '../../features/community/PostView.tsx';
import { ReplyBlocked } from '../../features/community/ReplyBlocked.tsx';
import { SavedNotice } from '../../features/community/SavedNotice.tsx';
import { CrisisPanel } from '../../features/safety/CrisisPanel.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundHere } from '../../features/community/NotFoundHere.tsx';

/** What the new-topic page hands over when it moves here after saving. */
export interface TopicArrival {
  saved?: PostSaved;
}

/**
 * A topic: its posts in order (each at #post-N), reactions, quoting, reporting, editing one's own words, and the
 * reply box at the foot, or why the reader cannot reply and what they can do about it. After a reply that reads as
 * a crisis, crisis help comes first, at the top, with focus; the reply is kept all the same.
 */
export function TopicPage() {
  const id = useParams().id ?? '';
  // Another topic is another page: nothing typed or shown for one carries over to the next.
  return <Topic key={id} id={id} />;
}

function Topic({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const location = useLocation();
  const topic = useTopic(id);
  const standing = useStanding(Boolean(me));
  // Kept from the first render: following a #post-N link later replaces the location (and its state).
  const [arrival] = useState(() => (location.state as TopicArrival | null)?.saved ?? null);
  const [saved, setSaved] = useState<PostSaved | null>(arrival);
  const [quote, setQuote] = useState<QuoteRequest | null>(null);
  const [justAccepted, setJustAccepted] = useState(false);
  const crisisRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!saved || saved === arrival) return;
    (saved.crisis ? crisisRef.current : savedRef.current)?.focus();
  }, [saved]);

  const pages = topic.data?.pages;
  const first = pages?.[0];
  const posts = (pages ?? []).flatMap((p) => p?.posts ?? []);
  useScrollToPost(posts, topic.hasNextPage, topic.isFetchingNextPage, () => void topic.fetchNextPage());

  if (topic.isPending) {
    return (
      <Page title={t('community.topic.loading')}>
        <Loading />
      </Page>
    );
  }
  if (topic.isError && !pages) {
    return (
      <Page title={t('community.index.title')}>
        <Alert tone="error" title={errorMessage(topic.error, t)} />
      </Page>
    );
  }
  if (!first) return <NotFoundHere />;

  const { topic: summary, category } = first;
  const moderator = standing.data?.isModerator ?? false;
  const onQuote = first.canReply ? (text: string, postId: string) => setQuote((q) => ({ text, postId, n: (q?.n ?? 0) + 1 })) : null;
  const onDeleted = (post: Post) => {
    // Without its opening post the topic is gone from the lists: back to the category.
    if (post.number === 1) void navigate(`/community/c/${category.slug}`, { replace: true });
  };

  return (
    <CommunityPage
      title={summary.title}
      first={saved?.crisis && <CrisisPanel crisis={saved.crisis} ref={crisisRef} lead={t('community.crisis.lead')} emergencyLead={t('community.crisis.emergencyLead')} />}
      lead={
        <>
          <p className="topic-crumbs">
            <Link to={`/community/c/${category.slug}`}>{category.name}</Link>
          </p>
          {(summary.pinned || summary.locked) && (
            <p className="topic-marks">
              {summary.pinned && <span className="badge">{t('community.topic.pinned')}</span>}
              {summary.locked && <span className="badge">{t('community.topic.locked')}</span>}
            </p>
          )}
        </>
      }
    >
      {/* Said here when arriving from the new-topic page; a reply's answer shows by the reply box instead. */}
      {arrival && saved === arrival && <SavedNotice saved={arrival} what="topic" showLink={false} />}
      <ol className="posts">
        {posts.map((post) => (
          <li key={post.id}>
            <PostView post={post} topic={summary} signedIn={Boolean(me)} moderator={moderator} timeZone={me?.timeZone} onQuote={onQuote} onDeleted={onDeleted} />
          </li>
        ))}
      </ol>
      {topic.isFetchNextPageError && <Alert live tone="error" title={errorMessage(topic.error, t)} />}
      {topic.hasNextPage && (
        <div className="actions">
          <Button variant="secondary" pending={topic.isFetchingNextPage} onClick={() => void topic.fetchNextPage()}>
            {t('community.topic.more')}
          </Button>
        </div>
      )}
      <section className="reply-area" aria-labelledby="community-reply">
        <h2 id="community-reply">{t('community.topic.replyTitle')}</h2>
        {saved && saved !== arrival && <SavedNotice saved={saved} what="reply" ref={savedRef} />}
        {first.canReply && me ? (
          <ReplyComposer
            topicId={summary.id}
            ownerId={me.id}
            defaultLocale={category.locale}
            quote={quote}
            focusOnMount={justAccepted}
            onSaved={setSaved}
          />
        ) : (
          <ReplyBlocked reason={first.replyBlockedBy} standing={standing.data} onAccepted={() => setJustAccepted(true)} />
        )}
      </section>
    </CommunityPage>
  );
}

/**
 * Arriving at #post-N (a link from a notification or a search): once that post is on the page, scroll to it and
 * give it focus; when it is further than the posts loaded so far, load more until it is.
 */
function useScrollToPost(posts: Post[], hasMore: boolean, fetching: boolean, fetchMore: () => void) {
  const { hash } = useLocation();
  const done = useRef<string | null>(null);
  const last = posts.at(-1)?.number ?? 0;
  useEffect(() => {
    const m = /^#post-(\d+)$/.exec(hash);
    if (!m || done.current === hash || posts.length === 0) return;
    const el = document.getElementById(`post-${m[1]}`);
    if (el) {
      done.current = hash;
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    } else if (hasMore && !fetching && Number(m[1]) > last) fetchMore();
  }, [hash, last, hasMore, fetching]);
}
