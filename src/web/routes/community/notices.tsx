import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { type Notice, useNotices, useStanding } from '../../features/community/api.ts';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';

/**
 * The person's own moderation notices: what a moderator did and why, in plain words, newest first, with dates in
 * their own time zone. Never who acted: the notice is from "a moderator".
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const notices = useNotices();
  const standing = useStanding(true).data;
  const { hash } = useLocation();
  const when = (iso: string) => formatDateTime(iso, currentLocale(), me.timeZone);
  const suspendedUntil = standing?.suspendedUntil && Date.parse(standing.suspendedUntil) > Date.now() ? standing.suspendedUntil : null;

  // Arriving from a notification about one notice: bring it into view.
  useEffect(() => {
    if (notices.data && hash) document.getElementById(hash.slice(1))?.focus();
  }, [notices.data, hash]);

  return (
    <CommunityPage title={t('community.notices.title')} lead={<p>{t('community.notices.lead')}</p>}>
      {standing?.banned && <Alert tone="warning" title={t('community.notices.banned')} />}
      {!standing?.banned && suspendedUntil && <Alert tone="warning" title={t('community.notices.suspended', { when: when(suspendedUntil) })} />}
      {notices.isPending && <Loading />}
      {notices.isError && <Alert tone="error" title={errorMessage(notices.error, t)} />}
      {notices.data?.length === 0 && <p>{t('community.notices.none')}</p>}
      {notices.data && notices.data.length > 0 && (
        <ol className="notice-list">
          {notices.data.map((n) => (
            <NoticeItem key={n.id} notice={n} when={when} />
          ))}
        </ol>
      )}
      <p className="muted">{t('community.notices.help')}</p>
    </CommunityPage>
  );
}

function NoticeItem({ notice: n, when }: { notice: Notice; when: (iso: string) => string }) {
  const { t } = useTranslation();
  const topic = n.topic?.title ?? '';
  const sentence = t(`community.notices.actions.${n.action}`, { topic, when: n.until ? when(n.until) : '' });
  return (
    <li className="card notice-item" id={`notice-${n.id}`} tabIndex={-1}>
      <h2 className="card-title">{sentence}</h2>
      <p className="muted">
        <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
      </p>
      {n.reason && (
        <div className="notice-reason">
          <p className="notice-reason-label">{t('community.notices.because')}</p>
          <p className="pre-line">{n.reason}</p>
        </div>
      )}
      {n.postId ? (
        <p>
          <Link to={`/community/p/${n.postId}`}>{t('community.notices.seePost')}</Link>
        </p>
      ) : (
        n.topic && (
          <p>
            <Link to={`/community/t/${n.topic.id}`}>{t('community.notices.seeTopic')}</Link>
          </p>
        )
      )}
    </li>
  );
}
