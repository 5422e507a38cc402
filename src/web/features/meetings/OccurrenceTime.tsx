import { useTranslation } from 'react-i18next';
import type { OCCURRENCE_STATUS } from '../../../contracts/meetings.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { browserTimeZone } from '../../lib/time.ts';
import { meetingLocalStart, minutesUntil, occurrenceWhen, startsIn, zoneLabel } from './format.ts';

/**
 * When an occurrence happens, in the viewer's own zone (the browser's), and, when the meeting keeps another zone,
 * its start as the group tells it: "Monday, June 2, 7:00 – 8:00 PM (your time) · 8:00 PM in America/Chicago".
 */
export function OccurrenceTime({ occurrence, meetingZone, showZone = true }: { occurrence: { start: string; end: string }; meetingZone: string; showZone?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const viewer = browserTimeZone();
  const elsewhere = showZone && meetingZone !== viewer;
  return (
    <span className="occurrence-time">
      <time dateTime={occurrence.start}>{occurrenceWhen(occurrence, locale, viewer)}</time>
      {elsewhere && (
        <>
          {' '}
          <span className="muted">{t('meetings.time.yourTime')}</span>
          <span className="occurrence-zone">
            {t('meetings.time.inZone', { time: meetingLocalStart(occurrence.start, locale, meetingZone, viewer), zone: zoneLabel(meetingZone) })}
          </span>
        </>
      )}
    </span>
  );
}

type Status = (typeof OCCURRENCE_STATUS)[number];

/** "Cancelled", "Moved", "In progress", "Starts in 35 min": what changes whether and when to go. */
export function OccurrenceBadges({ status, start, end, now }: { status: Status; start: string; end: string; now?: string | undefined }) {
  const { t } = useTranslation();
  const untilStart = minutesUntil(start, now);
  const inProgress = status !== 'cancelled' && untilStart <= 0 && minutesUntil(end, now) > 0;
  const soon = status !== 'cancelled' && untilStart > 0 && untilStart <= 120;
  if (status === 'scheduled' && !inProgress && !soon) return null;
  return (
    <span className="badges">
      {status === 'cancelled' && <span className="badge badge--revoked">{t('meetings.badges.cancelled')}</span>}
      {status === 'moved' && <span className="badge badge--warning">{t('meetings.badges.moved')}</span>}
      {inProgress && <span className="badge badge--live">{t('meetings.badges.inProgress')}</span>}
      {soon && <span className="badge badge--pending">{startsIn(untilStart, t)}</span>}
    </span>
  );
}
