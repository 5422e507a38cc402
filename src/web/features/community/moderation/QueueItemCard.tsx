import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../../contracts/accounts.ts';
import type { QueueItem } from '../moderation-api.ts';
import { PostHtml } from '../PostHtml.tsx';
import { QueueActions, ResolvedActions } from './QueueActions.tsx';
import { useModWords } from './words.ts';

/**
 * One item of the moderation queue: what was posted and where, why it is here, who really wrote it, and what a
 * moderator can do. A "needs care" item is drawn in a calm colour and asks the moderator to reach out first.
 */
export function QueueItemCard({ item, me, announce }: { item: QueueItem; me: Me; announce: (text: string) => void }) {
  const { t } = useTranslation();
  const w = useModWords();
  const care = item.kinds.includes('needs_care');
  const headingId = `queue-item-${item.id}`;
  return (
    <li className={['card mod-item', care && 'mod-item--care', item.status === 'resolved' && 'mod-item--resolved'].filter(Boolean).join(' ')}>
      <h3 className="card-title" id={headingId}>
        {item.post.number === 1 ? item.topic.title : t('communityMod.queue.replyIn', { number: item.post.number, title: item.topic.title })}
      </h3>
      <p className="mod-badges">
        {item.kinds.map((k) => (
          <span key={k} className={`badge mod-badge--${k}`}>
            {k === 'reported' ? t('communityMod.kinds.reportedCount', { count: item.reports.length }) : t(`communityMod.kinds.${k}`)}
          </span>
        ))}
        {/* A held post's "held for review" badge already says it waits. */}
        {item.post.status !== 'visible' && !(item.post.status === 'held' && item.kinds.includes('held')) && (
          <span className="badge badge--warning">{t(`communityMod.postStatus.${item.post.status}`)}</span>
        )}
        {item.topic.locked && <span className="badge">{t('communityMod.queue.topicLocked')}</span>}
      </p>
      {care && <CareNotice escalationId={item.escalationId} />}
      <p className="muted">
        {t('communityMod.queue.where', { category: item.topic.categoryName })} · <time dateTime={item.post.createdAt}>{w.when(item.post.createdAt)}</time>
        {item.post.editedAt && <> · {t('communityMod.queue.edited')}</>}
      </p>
      <AuthorLine item={item} />
      <PostHtml className="mod-post-text" html={item.post.html} lang={item.post.locale} />
      <p>
        <Link to={`/community/t/${item.topic.id}#post-${item.post.number}`} aria-describedby={headingId}>
          {t('communityMod.queue.openInTopic')}
        </Link>
      </p>
      <WhyHere item={item} />
      <Context item={item} />
      {item.status === 'open' ? <QueueActions item={item} me={me} announce={announce} /> : <ResolvedActions item={item} />}
    </li>
  );
}

function CareNotice({ escalationId }: { escalationId: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="mod-care-notice">
      <p className="mod-care-title">{t('communityMod.care.title')}</p>
      <p>{t('communityMod.care.lead')}</p>
      {escalationId ? (
        <p>
          <Link to={`/escalations/${escalationId}`} className="button button--primary">
            {t('communityMod.care.openEscalation')}
          </Link>
        </p>
      ) : (
        <p>{t('communityMod.care.noEscalation')}</p>
      )}
    </div>
  );
}

/** Moderators see through anonymity, for safety; the page says so rather than showing the name as if it were public. */
function AuthorLine({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const w = useModWords();
  const a = item.author;
  const name = a.displayName ?? t('communityMod.queue.unknownAuthor');
  return (
    <div className="mod-author">
      <p>
        <strong>{item.post.author.anonymous ? t('communityMod.queue.postedAnonymouslyBy', { name }) : t('communityMod.queue.postedBy', { name })}</strong>
      </p>
      <ul className="mod-author-facts">
        <li>{w.trustFull(a.trustLevel)}</li>
        <li>{t('communityMod.queue.priorActions', { count: a.priorActions })}</li>
        {a.suspendedUntil && Date.parse(a.suspendedUntil) > Date.now() && <li>{t('communityMod.queue.suspendedUntil', { date: w.when(a.suspendedUntil) })}</li>}
        {a.banned && <li>{t('communityMod.queue.banned')}</li>}
      </ul>
      {a.id && (
        <p>
          <Link to={`/community/moderation/people/${a.id}`}>{t('communityMod.queue.personLink', { name })}</Link>
        </p>
      )}
    </div>
  );
}

function WhyHere({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const w = useModWords();
  return (
    <div className="mod-why">
      <h4 className="mod-small-heading">{t('communityMod.queue.why')}</h4>
      <ul className="points">
        {item.kinds.includes('needs_care') && <li>{t('communityMod.queue.whyCare')}</li>}
        {item.rules.map((r) => (
          <li key={r}>{w.rule(r)}</li>
        ))}
        {item.kinds.includes('held') && item.rules.length === 0 && <li>{t('communityMod.queue.whyHeld')}</li>}
      </ul>
      {item.reports.length > 0 && (
        <>
          <h4 className="mod-small-heading">{t('communityMod.queue.reports', { count: item.reports.length })}</h4>
          <ul className="mod-reports">
            {item.reports.map((r, i) => (
              <li key={i}>
                <p>
                  <strong>{w.reportReason(r.reason)}</strong>{' '}
                  <span className="muted">
                    {r.reporter ? t('communityMod.queue.reportedBy', { name: r.reporter.displayName }) : t('communityMod.queue.reportedBySomeone')} ·{' '}
                    <time dateTime={r.createdAt}>{w.when(r.createdAt)}</time>
                  </span>
                </p>
                {r.note && <p className="mod-quote">{r.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Context({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const w = useModWords();
  if (item.context.length === 0) return null;
  return (
    <details className="mod-context">
      <summary>{t('communityMod.queue.context', { count: item.context.length })}</summary>
      <ol>
        {item.context.map((p) => {
          const name = p.author.displayName ?? t('communityMod.queue.anonymousMember');
          return (
            <li key={p.id}>
              <p className="muted">
                #{p.number} · {p.author.anonymous ? t('communityMod.queue.postedAnonymouslyBy', { name }) : name} · <time dateTime={p.createdAt}>{w.when(p.createdAt)}</time>
                {p.status !== 'visible' && <> · {t(`communityMod.postStatus.${p.status}`)}</>}
              </p>
              <PostHtml className="mod-post-text" html={p.html} lang={p.locale} />
            </li>
          );
        })}
      </ol>
    </details>
  );
}
