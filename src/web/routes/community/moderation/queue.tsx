import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../../../contracts/accounts.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Page } from '../../../components/Page.tsx';
import { type QueueItem, type QueueStatus, useModerationQueue } from '../../../features/community/moderation-api.ts';
import { Done } from '../../../features/community/moderation/QueueActions.tsx';
import { QueueItemCard } from '../../../features/community/moderation/QueueItemCard.tsx';
import { RequireModerator } from '../../../features/community/moderation/RequireModerator.tsx';
import '../../../features/community/moderation/moderation.css';
import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { NotFoundPage } from '../../not-found.tsx';

/** The moderators' one queue: posts that need care first, then held and reported ones; and what was resolved. */
export function ModerationQueuePage() {
  return <RequireModerator>{(me) => <Queue me={me} />}</RequireModerator>;
}

function Queue({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const status: QueueStatus = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const queue = useModerationQueue(status);
  const openCount = useModerationQueue('open').data?.open;
  // Said at the top: the item acted on leaves the list, taking the keyboard's place with it.
  const [done, setDone] = useState<{ text: string; n: number; status: QueueStatus } | null>(null);
  const announce = (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1, status }));

  if (queue.isError && isApiError(queue.error) && queue.error.status === 404) return <NotFoundPage />;
  const tab = (to: QueueStatus, label: string) => (
    <li>
      <Link to={to === 'open' ? '/community/moderation' : '/community/moderation?status=resolved'} aria-current={status === to ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <Page title={t('communityMod.queue.title')} lead={<p>{t('communityMod.queue.lead')}</p>} wide>
      <nav className="sub-nav" aria-label={t('communityMod.queue.tabsLabel')}>
        <ul>
          {tab('open', openCount === undefined ? t('communityMod.queue.tabOpen') : t('communityMod.queue.tabOpenCount', { count: openCount }))}
          {tab('resolved', t('communityMod.queue.tabResolved'))}
          <li>
            <Link to="/community/moderation/messages">{t('messaging.moderation.title')}</Link>
          </li>
          {me.roles.includes('coordinator') && (
            <>
              <li>
                <Link to="/admin/community">{t('communityMod.nav.categories')}</Link>
              </li>
              <li>
                <Link to="/admin/community/rules">{t('communityMod.nav.rules')}</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
      {done?.status === status && <Done key={done.n} text={done.text} />}
      {queue.isPending && <Loading />}
      {queue.isError && <Alert tone="error" title={errorMessage(queue.error, t)} />}
      {queue.data && (status === 'open' ? <OpenItems items={queue.data.items} open={queue.data.open} me={me} announce={announce} /> : <ResolvedItems items={queue.data.items} me={me} />)}
    </Page>
  );
}

function OpenItems({ items, open, me, announce }: { items: QueueItem[]; open: number; me: Me; announce: (text: string) => void }) {
  const { t } = useTranslation();
  const care = items.filter((i) => i.kinds.includes('needs_care'));
  const review = items.filter((i) => !i.kinds.includes('needs_care'));
  if (items.length === 0) return <p role="status">{t('communityMod.queue.empty')}</p>;
  return (
    <>
      <p className="muted" role="status">
        {t('communityMod.queue.openCount', { count: open })} {items.length < open && t('communityMod.queue.showingFirst', { count: items.length })}
      </p>
      {care.length > 0 && (
        <section aria-labelledby="queue-care">
          <h2 id="queue-care">{t('communityMod.queue.careHeading', { count: care.length })}</h2>
          <ul className="card-list mod-list">
            {care.map((i) => (
              <QueueItemCard key={i.id} item={i} me={me} announce={announce} />
            ))}
          </ul>
        </section>
      )}
      {review.length > 0 && (
        <section aria-labelledby="queue-review">
          <h2 id="queue-review">{t('communityMod.queue.reviewHeading', { count: review.length })}</h2>
          <ul className="card-list mod-list">
            {review.map((i) => (
              <QueueItemCard key={i.id} item={i} me={me} announce={announce} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ResolvedItems({ items, me }: { items: QueueItem[]; me: Me }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p role="status">{t('communityMod.queue.noneResolved')}</p>;
  return (
    <section aria-labelledby="queue-resolved">
      <h2 id="queue-resolved">{t('communityMod.queue.resolvedHeading', { count: items.length })}</h2>
      <ul className="card-list mod-list">
        {items.map((i) => (
          <QueueItemCard key={i.id} item={i} me={me} announce={() => undefined} />
        ))}
      </ul>
    </section>
  );
}
