import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/setup.ts';
import { formatLocalDate } from '../../lib/local-date.ts';
import type { SobrietyTrack } from './api.ts';
import { milestoneName, spanText } from './wording.ts';

/**
 * One recovery date: the days, the same span in years, months and days, the newest milestone celebrated, the
 * others as a row of badges, and the next one ahead.
 */
export function TrackCount({ track, compact = false }: { track: SobrietyTrack; compact?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const latest = track.reached.at(-1);
  const earlier = track.reached.slice(0, -1).reverse();
  return (
    <div className="track-count">
      <p className="count">
        <span className="count-number">{new Intl.NumberFormat(locale).format(track.days)}</span>{' '}
        <span className="count-unit">{t('journey.daysUnit', { count: track.days })}</span>
      </p>
      <p className="count-span">
        {track.days === 0
          ? t('journey.sobriety.startsToday', { date: formatLocalDate(track.startedOn, locale) })
          : `${spanText(track.span, t, locale)} · ${t('journey.sobriety.since', { date: formatLocalDate(track.startedOn, locale) })}`}
      </p>
      {latest && (
        <div className="milestone-latest">
          <p className="milestone-title">{t('journey.milestones.reachedTitle', { milestone: milestoneName(latest.key, t) })}</p>
          <p>{t('journey.milestones.reachedBody', { date: formatLocalDate(latest.on, locale) })}</p>
        </div>
      )}
      {!compact && earlier.length > 0 && (
        <ul className="milestone-badges" aria-label={t('journey.milestones.earlier')}>
          {earlier.map((m) => (
            <li key={m.key} className="badge badge--milestone">
              {milestoneName(m.key, t)}
            </li>
          ))}
        </ul>
      )}
      <p className="milestone-next">
        {t('journey.milestones.next', { milestone: milestoneName(track.next.key, t), count: track.next.inDays, date: formatLocalDate(track.next.on, locale) })}
      </p>
    </div>
  );
}
