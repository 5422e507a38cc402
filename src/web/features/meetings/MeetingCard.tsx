import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n/setup.ts';
import type { MeetingSummary, Occurrence } from './api.ts';
import { formatKm, typeName } from './format.ts';
import { OccurrenceBadges, OccurrenceTime } from './OccurrenceTime.tsx';

interface MeetingCardProps {
  meeting: MeetingSummary;
  /** The occurrence to show: the finder's match, an RSVP, or the meeting's next one. */
  occurrence: Occurrence | null;
  now?: string | undefined;
  distanceKm?: number | null | undefined;
  showGroup?: boolean;
}

/** One meeting in a list: what it is, when it next happens for the viewer, how to attend, and what kind it is. */
export function MeetingCard({ meeting, occurrence, now, distanceKm, showGroup = true }: MeetingCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const place = meeting.location ? meeting.location.name || meeting.location.formattedAddress : meeting.approximateAddress;
  return (
    <li className="card meeting-card">
      <h3 className="card-title">
        <Link to={`/meetings/${meeting.id}`}>{meeting.name}</Link>
      </h3>
      {showGroup && <p className="muted meeting-card-group">{meeting.group.name}</p>}
      {occurrence ? (
        <>
          <p className="meeting-card-when">
            <OccurrenceTime occurrence={occurrence} meetingZone={meeting.timeZone} />
          </p>
          <OccurrenceBadges status={occurrence.status} start={occurrence.start} end={occurrence.end} now={now} />
          {occurrence.topic && <p className="meeting-card-topic">{t('meetings.card.topic', { topic: occurrence.topic })}</p>}
        </>
      ) : (
        <p className="muted">{t('meetings.card.noNext')}</p>
      )}
      <p className="meeting-card-how">
        <span className="attendance">{t(`meetings.attendance.${meeting.attendance}`)}</span>
        {place && <span>{place}</span>}
        {distanceKm != null && <span>{t('meetings.card.distance', { km: formatKm(distanceKm, locale) })}</span>}
      </p>
      {meeting.types.length + meeting.customTypes.length > 0 && (
        <ul className="tags" aria-label={t('meetings.card.types')}>
          {meeting.types.map((code) => (
            <li key={code}>{typeName(code, t)}</li>
          ))}
          {meeting.customTypes.map((name) => (
            <li key={`custom-${name}`}>{name}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
