import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type MeetingDetail, type UpcomingOccurrence, useRsvp } from './api.ts';
import { OccurrenceForm } from './OccurrenceForm.tsx';
import { OccurrenceBadges, OccurrenceTime } from './OccurrenceTime.tsx';

/** The coming dates: status and topic for everyone, an RSVP per date for people signed in, controls for managers. */
export function Upcoming({ meeting, signedIn }: { meeting: MeetingDetail; signedIn: boolean }) {
  const { t } = useTranslation();
  const rsvp = useRsvp(meeting.id);
  // Shown at once; the refreshed meeting (or a failure, which reverts it) replaces it.
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const toggle = (o: UpcomingOccurrence) => {
    const going = !(shown[o.date] ?? o.rsvp);
    setShown((s) => ({ ...s, [o.date]: going }));
    rsvp.mutate({ date: o.date, going }, { onSettled: () => setShown(({ [o.date]: _, ...rest }) => rest) });
  };
  return (
    <section aria-labelledby="meeting-upcoming">
      <h2 id="meeting-upcoming">{t('meetings.page.upcoming')}</h2>
      {!signedIn && (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(`/meetings/${meeting.id}`)}`}>{t('meetings.page.signInToRsvp')}</Link>
        </p>
      )}
      {rsvp.isError && <Alert live tone="error" title={errorMessage(rsvp.error, t)} />}
      {meeting.upcoming.length === 0 ? (
        <p>{t('meetings.page.noUpcoming')}</p>
      ) : (
        <ul className="occurrences">
          {meeting.upcoming.map((o) => {
            const headingId = `occurrence-${o.date}`;
            const going = shown[o.date] ?? o.rsvp;
            return (
              <li key={o.date} className="occurrence">
                <h3 id={headingId} className="occurrence-title">
                  {/* The meeting's own zone is given once above, in "When"; not again on every date. */}
                  <OccurrenceTime occurrence={o} meetingZone={meeting.timeZone} showZone={false} />
                </h3>
                <OccurrenceBadges status={o.status} start={o.start} end={o.end} />
                {o.topic && <p>{t('meetings.card.topic', { topic: o.topic })}</p>}
                {o.attended && <p className="muted">{t('meetings.page.attended')}</p>}
                {o.rsvpCount !== null && <p className="muted">{t('meetings.page.rsvpCount', { count: o.rsvpCount })}</p>}
                {(signedIn || meeting.canManage) && (
                  <div className="actions occurrence-actions">
                    {signedIn && (o.status !== 'cancelled' || going) && (
                      <button type="button" className="button button--secondary rsvp" aria-pressed={going} aria-describedby={headingId} onClick={() => toggle(o)}>
                        {t('meetings.page.rsvp')}
                      </button>
                    )}
                    {meeting.canManage && (
                      <>
                        <Link to={`/meetings/${meeting.id}/roster/${o.date}`} className="button button--quiet" aria-describedby={headingId}>
                          {t('meetings.page.roster')}
                        </Link>
                        <button
                          type="button"
                          id={`change-${o.date}`}
                          className="button button--quiet"
                          aria-describedby={headingId}
                          aria-expanded={editing === o.date}
                          onClick={() => setEditing(editing === o.date ? null : o.date)}
                        >
                          {t('meetings.page.changeDate')}
                        </button>
                      </>
                    )}
                  </div>
                )}
                {editing === o.date && (
                  <OccurrenceForm
                    meeting={meeting}
                    occurrence={o}
                    onDone={() => {
                      setEditing(null);
                      document.getElementById(`change-${o.date}`)?.focus();
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
