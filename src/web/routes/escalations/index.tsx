import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { type EscalationSummary, useEscalations } from '../../features/safety/api.ts';
import { EscalationBadges } from '../../features/safety/EscalationBadges.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import '../../styles/safety.css';

/** The responder's inbox: what still needs someone first, then what was handled recently. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const list = useEscalations();
  const items = list.data ?? [];
  const open = items.filter((e) => e.status !== 'closed');
  const recent = items.filter((e) => e.status === 'closed');
  return (
    <Page title={t('safety.inbox.title')} lead={<p>{t('safety.inbox.lead')}</p>}>
      {list.isPending && <Loading />}
      {list.isError && <Alert tone="error" title={errorMessage(list.error, t)} />}
      {list.data && (
        <>
          <section aria-labelledby="inbox-open">
            <h2 id="inbox-open">{t('safety.inbox.open', { count: open.length })}</h2>
            {open.length === 0 ? <p>{t('safety.inbox.noneOpen')}</p> : <EscalationList items={open} order="urgency" />}
          </section>
          <section aria-labelledby="inbox-recent">
            <h2 id="inbox-recent">{t('safety.inbox.recent')}</h2>
            {recent.length === 0 ? <p>{t('safety.inbox.noneRecent')}</p> : <EscalationList items={recent} order="newest" />}
          </section>
        </>
      )}
    </Page>
  );
}

function EscalationList({ items, order }: { items: EscalationSummary[]; order: 'urgency' | 'newest' }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Open ones: emergencies first, then the oldest waiting (it needs someone soonest). Closed ones: newest first.
  const sorted = [...items].sort((a, b) =>
    order === 'newest' ? b.openedAt.localeCompare(a.openedAt) : a.level === b.level ? a.openedAt.localeCompare(b.openedAt) : a.level === 'emergency' ? -1 : 1,
  );
  return (
    <ul className="card-list card-list--single escalation-list">
      {sorted.map((e) => (
        <li key={e.id} className={`card escalation-card escalation-card--${e.level}`}>
          <h3 className="escalation-name">
            <Link to={`/escalations/${e.id}`}>{e.member.displayName}</Link>
          </h3>
          <EscalationBadges escalation={e} />
          <p>
            {t(`safety.sources.${e.source}`)} · <time dateTime={e.openedAt}>{formatDateTime(e.openedAt, locale)}</time>
          </p>
          <p className="muted">
            {[
              e.acknowledgedBy ? t('safety.inbox.acknowledgedBy', { name: e.acknowledgedBy.displayName }) : e.status === 'open' ? t('safety.inbox.nobodyYet') : null,
              e.outcome ? t(`safety.outcomes.${e.outcome}`) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {e.myReason && <p className="muted">{t(`safety.reasons.${e.myReason}`)}</p>}
        </li>
      ))}
    </ul>
  );
}
