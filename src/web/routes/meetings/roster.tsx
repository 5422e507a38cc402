import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMarkAttendance, useMeeting, useRoster } from '../../features/meetings/api.ts';
import { OccurrenceBadges, OccurrenceTime } from '../../features/meetings/OccurrenceTime.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { isApiError } from '../../lib/api.ts';
import { formatLocalDate } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';
import { NotFoundPage } from '../not-found.tsx';

/**
 * A facilitator's roster for one date: who said they would come, and who was there. Ticking someone records their
 * attendance (it counts toward their proof of attendance), so each tick is saved on its own and confirmed.
 */
export function RosterPage() {
  const { t } = useTranslation();
  const { id = '', date = '' } = useParams();
  const meeting = useMeeting(id);
  const roster = useRoster(id, date);
  const mark = useMarkAttendance(id, date);
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const [last, setLast] = useState<{ name: string; attended: boolean } | null>(null);
  if (meeting.isPending || roster.isPending) return <Loading />;
  if (!meeting.data || !roster.data) {
    const err = meeting.error ?? roster.error;
    return isApiError(err) && err.status >= 500 ? <Alert tone="error" title={errorMessage(err, t)} /> : <NotFoundPage />;
  }
  const m = meeting.data;
  const { occurrence, entries } = roster.data;
  const present = entries.filter((e) => shown[e.userId] ?? e.attended).length;
  return (
    <Page
      title={t('meetings.roster.title', { date: formatLocalDate(date, currentLocale(), 'long') })}
      lead={
        <p>
          <Link to={`/meetings/${m.id}`}>{m.name}</Link>
        </p>
      }
    >
      <p>
        <OccurrenceTime occurrence={occurrence} meetingZone={m.timeZone} />
      </p>
      <OccurrenceBadges status={occurrence.status} start={occurrence.start} end={occurrence.end} />
      {entries.length === 0 ? (
        <p>{t('meetings.roster.none')}</p>
      ) : (
        <div className="card">
          <fieldset className="field choices">
            <legend className="field-label">{t('meetings.roster.legend')}</legend>
            <p className="field-hint">{t('meetings.roster.hint')}</p>
            {entries.map((e) => (
              <Checkbox
                key={e.userId}
                id={`roster-${e.userId}`}
                name="attended"
                checked={shown[e.userId] ?? e.attended}
                onChange={(attended) => {
                  setLast(null);
                  setShown((s) => ({ ...s, [e.userId]: attended }));
                  mark.mutate(
                    { userId: e.userId, attended },
                    { onSuccess: () => setLast({ name: e.displayName, attended }), onSettled: () => setShown(({ [e.userId]: _, ...rest }) => rest) },
                  );
                }}
                label={e.displayName}
                hint={[e.rsvp ? t('meetings.roster.rsvp') : null, e.method === 'self' ? t('meetings.roster.self') : null].filter(Boolean).join(' · ') || undefined}
              />
            ))}
          </fieldset>
          <p className="muted">{t('meetings.roster.count', { count: present, total: entries.length })}</p>
        </div>
      )}
      <div role="status">{last && <Alert tone="success" title={t(last.attended ? 'meetings.roster.marked' : 'meetings.roster.unmarked', { name: last.name })} />}</div>
      {mark.isError && <Alert live tone="error" title={errorMessage(mark.error, t)} />}
      <p>
        <Link to={`/meetings/${m.id}`}>{t('meetings.roster.back')}</Link>
      </p>
    </Page>
  );
}
