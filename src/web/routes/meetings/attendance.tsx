import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { type AttendanceHistory, useAttendanceHistory, useMyMeetings } from '../../features/meetings/api.ts';
import { CalendarLink } from '../../features/meetings/CalendarLink.tsx';
import { MeetingCard } from '../../features/meetings/MeetingCard.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { formatLocalDate } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';

/** "My meetings": the dates the member said they would go to, the meetings they went to, and their calendar link. */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const mine = useMyMeetings();
  const [allUpcoming, setAllUpcoming] = useState(false);
  return (
    <Page title={t('meetings.mine.title')} lead={<p>{t('meetings.mine.lead')}</p>}>
      <div className="actions">
        <Link to="/meetings" className="button button--secondary">
          {t('meetings.mine.find')}
        </Link>
        <Link to="/attendance/proofs" className="button button--secondary">
          {t('meetings.mine.proofs')}
        </Link>
      </div>
      <section aria-labelledby="mine-upcoming">
        <h2 id="mine-upcoming">{t('meetings.mine.upcoming')}</h2>
        {mine.isPending && <Loading />}
        {mine.isError && <Alert tone="error" title={errorMessage(mine.error, t)} />}
        {mine.data &&
          (mine.data.items.length === 0 ? (
            <p>
              {t('meetings.mine.noUpcoming')} <Link to="/meetings">{t('meetings.mine.findOne')}</Link>
            </p>
          ) : (
            <>
              <ul className="card-list card-list--single meeting-list">
                {mine.data.items.slice(0, allUpcoming ? undefined : UPCOMING_SHOWN).map(({ meeting, occurrence }) => (
                  <MeetingCard key={`${meeting.id}-${occurrence.date}`} meeting={meeting} occurrence={occurrence} />
                ))}
              </ul>
              {!allUpcoming && mine.data.items.length > UPCOMING_SHOWN && (
                <Button variant="secondary" onClick={() => setAllUpcoming(true)}>
                  {t('meetings.mine.showAllUpcoming', { count: mine.data.items.length })}
                </Button>
              )}
            </>
          ))}
      </section>
      <History />
      <CalendarLink />
    </Page>
  );
}

const monthName = (month: string, locale: string) => {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));
  } catch {
    return month;
  }
};

const SHOWN = 10;
const UPCOMING_SHOWN = 5;

function History() {
  const { t } = useTranslation();
  const history = useAttendanceHistory();
  const [all, setAll] = useState(false);
  return (
    <section className="card" aria-labelledby="mine-history">
      <h2 id="mine-history">{t('meetings.mine.history')}</h2>
      {history.isPending && <Loading />}
      {history.isError && <Alert tone="error" title={errorMessage(history.error, t)} />}
      {history.data &&
        (history.data.records.length === 0 ? (
          <p>{t('meetings.mine.noHistory')}</p>
        ) : (
          <>
            <p className="muted">
              {t('meetings.mine.range', { from: formatLocalDate(history.data.from, currentLocale()), to: formatLocalDate(history.data.to, currentLocale()) })}
            </p>
            <PerMonth history={history.data} />
            <h3 className="section-subtitle">{t('meetings.mine.recent')}</h3>
            <ul className="activity">
              {[...history.data.records]
                .sort((a, b) => b.start.localeCompare(a.start))
                .slice(0, all ? undefined : SHOWN)
                .map((r) => (
                  <li key={`${r.meetingId}-${r.date}`}>
                    <time className="muted" dateTime={r.date}>
                      {formatLocalDate(r.date, currentLocale(), 'long')}
                    </time>
                    <p>
                      <Link to={`/meetings/${r.meetingId}`}>{r.meetingName}</Link> · {r.groupName}
                    </p>
                    <p className="muted">{t(r.method === 'roster' ? 'meetings.mine.byRoster' : 'meetings.mine.bySelf')}</p>
                  </li>
                ))}
            </ul>
            {!all && history.data.records.length > SHOWN && (
              <Button variant="secondary" onClick={() => setAll(true)}>
                {t('meetings.mine.showAll', { count: history.data.records.length })}
              </Button>
            )}
          </>
        ))}
    </section>
  );
}

/** Meetings per month as a small table: readable by everyone, no chart needed. */
function PerMonth({ history }: { history: AttendanceHistory }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const months = [...history.perMonth].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <table className="per-month">
      <caption>{t('meetings.mine.perMonth')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meetings.mine.month')}</th>
          <th scope="col">{t('meetings.mine.count')}</th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month}>
            <th scope="row">{monthName(m.month, locale)}</th>
            <td>{m.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
