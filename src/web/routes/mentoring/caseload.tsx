import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { milestoneName } from '../../features/journey/wording.ts';
import { type Caseload, type CaseloadEntry, type Mentorship, useCaseload } from '../../features/mentoring/api.ts';
import { durationText } from '../../features/mentoring/format.ts';
import { useNotice } from '../../features/mentoring/Notice.tsx';
import { MentoringPage } from '../../features/mentoring/MentoringPage.tsx';
import { RequestDetails } from '../../features/mentoring/RequestDetails.tsx';
import { RespondToRequest } from '../../features/mentoring/RespondToRequest.tsx';
import { StatusBadges } from '../../features/mentoring/StatusBadges.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { formatLocalDate, todayIn } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import { browserTimeZone, formatDateTime } from '../../lib/time.ts';

/** A mentor's people: requests waiting for an answer first, then the people they walk with, and a word on their own load. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const caseload = useCaseload();
  const [notice, showNotice] = useNotice();
  const answered = (answer: 'accepted' | 'declined', m: Mentorship) =>
    showNotice(
      answer === 'accepted'
        ? {
            tone: 'success',
            title: t('mentoring.caseload.accepted', { name: m.mentee.displayName }),
            body: (
              <p>
                <Link to={`/mentorships/${m.id}`}>{t('mentoring.caseload.toAgreement')}</Link>
              </p>
            ),
          }
        : { tone: 'info', title: t('mentoring.caseload.declined', { name: m.mentee.displayName }) },
    );
  if (me && !me.roles.includes('peer_supporter')) return <Navigate to="/mentoring" replace />;
  const data = caseload.data;
  const requests = data?.entries.filter((e) => e.mentorship.status === 'requested') ?? [];
  const people = data?.entries.filter((e) => e.mentorship.status !== 'requested') ?? [];
  return (
    <MentoringPage title={t('mentoring.caseload.title')} lead={<p>{t('mentoring.caseload.lead')}</p>}>
      {notice}
      {caseload.isPending && <Loading />}
      {caseload.isError && <Alert tone="error" title={errorMessage(caseload.error, t)} />}
      {data && (
        <>
          {data.load.prompt && <LoadNote load={data.load} />}
          <p>
            {t('mentoring.caseload.places', { active: data.active, count: data.capacity })} <Link to="/mentoring/profile">{t('mentoring.caseload.changeProfile')}</Link>
          </p>
          <section aria-labelledby="caseload-requests">
            <h2 id="caseload-requests">{requests.length ? t('mentoring.caseload.requestsTitle', { count: requests.length }) : t('mentoring.caseload.requestsTitleNone')}</h2>
            {requests.length === 0 ? (
              <p>{t('mentoring.caseload.noRequests')}</p>
            ) : (
              <ul className="card-list card-list--single">
                {requests.map((e) => (
                  <RequestCard key={e.mentorship.id} entry={e} onAnswered={answered} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="caseload-people">
            <h2 id="caseload-people">{t('mentoring.caseload.peopleTitle')}</h2>
            {people.length === 0 ? (
              <p>{t('mentoring.caseload.noPeople')}</p>
            ) : (
              <ul className="card-list card-list--single">
                {people.map((e) => (
                  <PersonCard key={e.mentorship.id} entry={e} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </MentoringPage>
  );
}

/** A gentle word when this week has asked much more of them than usual, with where to find support. */
function LoadNote({ load }: { load: Caseload['load'] }) {
  const { t } = useTranslation();
  return (
    <Alert tone="info" title={t('mentoring.caseload.loadTitle')}>
      <p>{t('mentoring.caseload.loadBody', { time: durationText(load.thisWeekMinutes, t), count: load.thisWeekContacts })}</p>
      <p>{load.supervisionContact ? t('mentoring.caseload.supervision', { contact: load.supervisionContact }) : t('mentoring.caseload.supervisionCoordinator')}</p>
    </Alert>
  );
}

function RequestCard({ entry, onAnswered }: { entry: CaseloadEntry; onAnswered: (answer: 'accepted' | 'declined', m: Mentorship) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = entry.mentorship;
  const name = m.mentee.displayName;
  const headingId = `request-${m.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {name}
      </h3>
      <p>
        {t(m.origin === 'coordinator' ? 'mentoring.caseload.introduced' : 'mentoring.caseload.asked', { date: formatDateTime(m.requestedAt, locale) })}
        {m.expiresAt && <> {t('mentoring.caseload.answerBy', { date: formatDateTime(m.expiresAt, locale) })}</>}
      </p>
      {m.request ? <RequestDetails request={m.request} /> : <p className="muted">{t('mentoring.caseload.noDetails')}</p>}
      <RespondToRequest mentorship={m} onAnswered={onAnswered} />
    </li>
  );
}

function PersonCard({ entry }: { entry: CaseloadEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = entry.mentorship;
  const name = m.mentee.displayName;
  const headingId = `person-${m.id}`;
  const { milestone, risk } = entry.shared;
  // The mentee's next milestone or the one just reached: which, depends on today in the mentor's own day.
  const today = todayIn(useMe().data?.timeZone ?? browserTimeZone());
  return (
    <li className={entry.overdue ? 'card caseload-card caseload-card--overdue' : 'card caseload-card'} aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        <Link to={`/mentorships/${m.id}`}>{name}</Link>
      </h3>
      <StatusBadges mentorship={m} overdue={entry.overdue} />
      <dl className="facts facts--compact">
        <div>
          <dt>{t('mentoring.caseload.lastContact')}</dt>
          <dd>{entry.lastContact ? formatLocalDate(entry.lastContact, locale) : t('mentoring.caseload.noContact')}</dd>
        </div>
        {entry.nextStep && (
          <div>
            <dt>{t('mentoring.caseload.nextStep')}</dt>
            <dd>{entry.nextStep}</dd>
          </div>
        )}
        {milestone && (
          <div>
            <dt>{t('mentoring.caseload.milestone')}</dt>
            <dd>
              {t(milestone.on > today ? 'mentoring.caseload.milestoneNext' : 'mentoring.caseload.milestoneReached', {
                milestone: milestoneName(milestone.key, t),
                date: formatLocalDate(milestone.on, locale),
              })}
            </dd>
          </div>
        )}
        {risk && risk.reasons.length > 0 && (
          <div>
            <dt>{t('mentoring.caseload.risk')}</dt>
            <dd>
              {t('mentoring.caseload.riskValue', {
                date: formatLocalDate(risk.date, locale),
                reasons: risk.reasons.map((r) => t(`mentoring.riskReasons.${r}`, { defaultValue: r })).join(', '),
              })}
            </dd>
          </div>
        )}
      </dl>
      <p className="card-links">
        <Link to={`/mentorships/${m.id}`}>{t('mentoring.caseload.open', { name })}</Link>
        {m.status === 'active' && <Link to={`/mentees/${m.mentee.id}`}>{t('mentoring.caseload.journey', { name })}</Link>}
      </p>
    </li>
  );
}
