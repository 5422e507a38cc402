import { useTranslation } from 'react-i18next';
import { SHARE_CATEGORIES } from '../../../contracts/journey.ts';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type ShareCategory, type Sharing, useSetSharing, useSharing } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { CrisisSharing } from '../../features/safety/CrisisSharing.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useInstantToggles } from '../../lib/instant-toggles.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';

/** Consent, per category, for the member's mentor to see part of their journey; revoking works at once. */
export function SharingPage() {
  const { t } = useTranslation();
  const sharing = useSharing();
  const set = useSetSharing();
  const toggles = useInstantToggles<{ category: ShareCategory; mentor: boolean }>();
  const last = toggles.last;
  const points = t('journey.sharing.points', { returnObjects: true }) as string[];
  return (
    <JourneyPage title={t('journey.pages.sharing.title')} lead={<p>{t('journey.sharing.lead')}</p>}>
      <section className="card card--quiet" aria-labelledby="sharing-how">
        <h2 id="sharing-how">{t('journey.sharing.howTitle')}</h2>
        <ul className="points">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </section>
      {sharing.isPending && <Loading />}
      {sharing.isError && <Alert tone="error" title={errorMessage(sharing.error, t)} />}
      {sharing.data && (
        <>
          <div className="card">
            <fieldset className="field choices">
              <legend className="field-label">{t('journey.sharing.legend')}</legend>
              {SHARE_CATEGORIES.map((category) => (
                <Checkbox
                  key={category}
                  id={`share-${category}`}
                  name={category}
                  checked={toggles.checked(category, sharing.data.mentor[category])}
                  onChange={(mentor) => toggles.change(category, mentor, { category, mentor }, (done) => set.mutate({ category, mentor }, done))}
                  label={t(`journey.sharing.categories.${category}`)}
                  hint={t(`journey.sharing.hints.${category}`)}
                />
              ))}
            </fieldset>
          </div>
          <div role="status">
            {last && (
              <Alert
                tone="success"
                title={t(last.mentor ? 'journey.sharing.nowShared' : 'journey.sharing.nowPrivate', { what: t(`journey.sharing.categories.${last.category}`) })}
              />
            )}
          </div>
          {set.isError && <Alert live tone="error" title={errorMessage(set.error, t)} />}
          <CrisisSharing />
          <SharingHistory history={sharing.data.history} />
        </>
      )}
    </JourneyPage>
  );
}

function SharingHistory({ history }: { history: Sharing['history'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Each grant and each revocation is an event, newest first.
  const events = history
    .flatMap((h) => [
      { at: h.grantedAt, category: h.category, shared: true },
      ...(h.revokedAt ? [{ at: h.revokedAt, category: h.category, shared: false }] : []),
    ])
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section aria-labelledby="sharing-history">
      <h2 id="sharing-history">{t('journey.sharing.historyTitle')}</h2>
      {events.length === 0 ? (
        <p>{t('journey.sharing.historyNone')}</p>
      ) : (
        <ul className="activity">
          {events.map((e, i) => (
            <li key={i}>
              <time className="muted" dateTime={e.at}>
                {formatDateTime(e.at, locale)}
              </time>
              <p>{t(e.shared ? 'journey.sharing.eventShared' : 'journey.sharing.eventRevoked', { what: t(`journey.sharing.categories.${e.category}`) })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
