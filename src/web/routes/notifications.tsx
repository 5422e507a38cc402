import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../features/account/api.ts';
import { type Notification, useMarkRead, useNotifications } from '../features/mentoring/api.ts';
import { useNotice } from '../features/mentoring/Notice.tsx';
import { currentLocale } from '../i18n/setup.ts';
import { errorMessage } from '../lib/messages.ts';
import { formatDateTime } from '../lib/time.ts';
import '../styles/mentoring.css';

/** Where each kind of news leads: the relationship it is about, the community post or notice, or for coordinators the concerns to look at. */
function linkFor(n: Notification, coordinator: boolean): string | null {
  if (n.kind === 'community.moderated') return n.subjectId ? `/community/notices#notice-${n.subjectId}` : '/community/notices';
  if (!n.subjectId) return null;
  // Mentioned, replied, approved: the post, which opens at its place in the topic.
  if (n.kind.startsWith('community.')) return `/community/p/${n.subjectId}`;
  // Resources: a library strategy (the member's own, approved, or one their mentor sent), else a directory entry.
  if (n.kind === 'resources.strategy_approved' || n.kind === 'resources.strategy_shared') return `/resources/strategies/${n.subjectId}`;
  if (n.kind.startsWith('resources.')) return `/resources/${n.subjectId}`;
  if (n.kind === 'mentoring.concern_opened') return coordinator ? '/admin/mentoring/concerns' : null;
  // A message request: the conversation, where it can be accepted, ignored or its sender blocked.
  if (n.kind === 'messaging.requested') return `/messages/${n.subjectId}`;
  return `/mentorships/${n.subjectId}`;
}

/** The person's inbox: short news about their relationships, newest first, each a link to what it is about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useNotifications();
  const markRead = useMarkRead();
  const coordinator = Boolean(useMe().data?.roles.includes('coordinator'));
  const [notice, showNotice] = useNotice();
  const data = list.data;
  return (
    <Page title={t('mentoring.notifications.title')} lead={<p>{t('mentoring.notifications.lead')}</p>}>
      <div className="mentoring">
        {notice}
        {list.isPending && <Loading />}
        {list.isError && <Alert tone="error" title={errorMessage(list.error, t)} />}
        {markRead.isError && <Alert live tone="error" title={errorMessage(markRead.error, t)} />}
        {data && (
          <>
            {data.notifications.length > 0 && <p>{data.unread > 0 ? t('mentoring.notifications.unread', { count: data.unread }) : t('mentoring.notifications.unreadNone')}</p>}
            {data.unread > 0 && (
              <div className="actions">
                <Button
                  variant="secondary"
                  pending={markRead.isPending}
                  onClick={() => markRead.mutate({}, { onSuccess: () => showNotice({ tone: 'success', title: t('mentoring.notifications.allRead') }) })}
                >
                  {t('mentoring.notifications.markAll')}
                </Button>
              </div>
            )}
            {data.notifications.length === 0 ? (
              <p>{t('mentoring.notifications.none')}</p>
            ) : (
              <ul className="notifications">
                {data.notifications.map((n) => {
                  // Each domain words its own news: "mentoring.accepted" → mentoring.notifications.kinds.accepted.
                  const [domain, kind] = n.kind.split('.') as [string, string];
                  // Without a name (the system acted, e.g. a request ran out of time) the sentence says what happened.
                  const text = n.actor ? t(`${domain}.notifications.kinds.${kind}`, { name: n.actor.displayName }) : t(`${domain}.notifications.kindsNoActor.${kind}`);
                  const to = linkFor(n, coordinator);
                  const unread = n.readAt === null;
                  return (
                    <li key={n.id} className={unread ? 'notification notification--unread' : 'notification'}>
                      {unread && <span className="visually-hidden">{t('mentoring.notifications.new')} </span>}
                      {to ? (
                        <Link to={to} onClick={() => unread && markRead.mutate({ ids: [n.id] })}>
                          {text}
                        </Link>
                      ) : (
                        <span>{text}</span>
                      )}
                      <time className="muted" dateTime={n.createdAt}>
                        {formatDateTime(n.createdAt, locale)}
                      </time>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </div>
    </Page>
  );
}
