import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { type MenteeJourney, useMenteeJourney, useMentees } from '../features/journey/api.ts';
import { GoalProgress } from '../features/journey/GoalProgress.tsx';
import { SafetyPlanView } from '../features/journey/support.tsx';
import { TrackCount } from '../features/journey/TrackCount.tsx';
import { currentLocale } from '../i18n/setup.ts';
import { formatLocalDate } from '../lib/local-date.ts';
import { errorMessage } from '../lib/messages.ts';
import { CheckInSummary } from './journey/check-in.tsx';
import { NotFoundPage } from './not-found.tsx';

/** The people someone mentors now. */
export function MenteesPage() {
  const { t } = useTranslation();
  const mentees = useMentees();
  return (
    <Page title={t('mentees.title')} lead={<p>{t('mentees.lead')}</p>}>
      {mentees.isPending && <Loading />}
      {mentees.isError && <Alert tone="error" title={errorMessage(mentees.error, t)} />}
      {mentees.data &&
        (mentees.data.length === 0 ? (
          <p>{t('mentees.none')}</p>
        ) : (
          <ul className="link-cards">
            {mentees.data.map((m) => (
              <li key={m.id}>
                <Link to={`/mentees/${m.id}`} className="link-card">
                  <span className="link-card-title">{m.displayName}</span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}

/** What one mentee chooses to share with their mentor, read afresh on every visit; nothing else. */
export function MenteePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mentees = useMentees();
  const journey = useMenteeJourney(id);
  if (journey.isPending || mentees.isPending) return <Loading />;
  if (journey.isError) return <Alert tone="error" title={errorMessage(journey.error, t)} />;
  const person = mentees.data?.find((m) => m.id === id);
  if (!journey.data || !person) return <NotFoundPage />;
  const view = journey.data;
  const nothing = !view.sobriety && !view.checkIns && !view.goals && !view.safetyPlan && !view.meetings;
  return (
    <Page title={t('mentees.personTitle', { name: person.displayName })} lead={<p>{t('mentees.personLead', { name: person.displayName })}</p>}>
      {nothing && (
        <section className="card card--quiet">
          <p>{t('mentees.nothingShared', { name: person.displayName })}</p>
        </section>
      )}
      <SharedJourney view={view} />
      <p>
        <Link to="/mentees">{t('mentees.back')}</Link>
      </p>
    </Page>
  );
}

function SharedJourney({ view }: { view: MenteeJourney }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      {view.sobriety && (
        <section className="card" aria-labelledby="shared-sobriety">
          <h2 id="shared-sobriety">{t('mentees.sobriety')}</h2>
          {view.sobriety.tracks.length === 0 && <p className="muted">{t('mentees.empty')}</p>}
          {view.sobriety.tracks.map((track) => (
            <div key={track.id} className="shared-track">
              <h3>{track.label}</h3>
              <TrackCount track={track} compact />
            </div>
          ))}
        </section>
      )}
      {view.checkIns && (
        <section className="card" aria-labelledby="shared-check-ins">
          <h2 id="shared-check-ins">{t('mentees.checkIns')}</h2>
          {view.checkIns.length === 0 && <p className="muted">{t('mentees.empty')}</p>}
          {[...view.checkIns]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((c) => (
              <div key={c.date} className="shared-check-in">
                <h3>{formatLocalDate(c.date, locale, 'long')}</h3>
                <CheckInSummary checkIn={c} />
              </div>
            ))}
        </section>
      )}
      {view.goals && (
        <section className="card" aria-labelledby="shared-goals">
          <h2 id="shared-goals">{t('mentees.goals')}</h2>
          {view.goals.length === 0 && <p className="muted">{t('mentees.empty')}</p>}
          {view.goals.map((g) => (
            <div key={g.id}>
              <h3>{g.title}</h3>
              <GoalProgress goal={g} />
            </div>
          ))}
        </section>
      )}
      {view.safetyPlan && (
        <section className="card" aria-labelledby="shared-plan">
          <h2 id="shared-plan">{t('mentees.safetyPlan')}</h2>
          <SafetyPlanView plan={view.safetyPlan} headingLevel={3} />
        </section>
      )}
      {view.meetings && (
        <section className="card" aria-labelledby="shared-meetings">
          <h2 id="shared-meetings">{t('mentees.meetings')}</h2>
          {view.meetings.length === 0 && <p className="muted">{t('mentees.empty')}</p>}
          <ul>
            {[...view.meetings].reverse().map((m) => (
              <li key={`${m.date}-${m.meetingName}`}>
                <strong>{formatLocalDate(m.date, locale, 'long')}</strong>: {m.meetingName} ({m.groupName})
                {m.method === 'roster' ? ` · ${t('mentees.confirmedByFacilitator')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
