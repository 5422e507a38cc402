import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/setup.ts';
import { formatDate } from '../../lib/time.ts';
import type { Resource } from './api.ts';
import { hoursByDay, languageName } from './format.ts';
import { Stars } from './TipList.tsx';

/** The entry's facts as a description list: where, when, in which languages, what it costs, who it is for. */
export function EntryDetails({ resource: r, timeZone }: { resource: Resource; timeZone?: string | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const how = [r.inPerson && t('resources.card.inPerson'), r.online && t('resources.card.online')].filter(Boolean).join(' · ');
  return (
    <dl className="facts">
      {r.address && (
        <div>
          <dt>{t('resources.entry.address')}</dt>
          <dd>
            <address className="meeting-address">{r.address}</address>
            {r.location && (
              <a href={`geo:${r.location.lat},${r.location.lng}`} className="resource-website">
                {t('resources.entry.openMap')}
              </a>
            )}
          </dd>
        </div>
      )}
      {how && (
        <div>
          <dt>{t('resources.entry.how')}</dt>
          <dd>{how}</dd>
        </div>
      )}
      {r.languages.length > 0 && (
        <div>
          <dt>{t('resources.entry.languages')}</dt>
          <dd>{r.languages.map((l) => languageName(l, locale)).join(', ')}</dd>
        </div>
      )}
      {(r.costs.length > 0 || r.costNote) && (
        <div>
          <dt>{t('resources.entry.cost')}</dt>
          <dd>
            {r.costs.map((c) => t(`resources.costs.${c}`)).join(', ')}
            {r.costNote && <span className="block muted">{r.costNote}</span>}
          </dd>
        </div>
      )}
      {r.eligibility && (
        <div>
          <dt>{t('resources.entry.eligibility')}</dt>
          <dd className="prose">{r.eligibility}</dd>
        </div>
      )}
      {r.rating && (
        <div>
          <dt>{t('resources.entry.rating')}</dt>
          <dd>
            <Stars rating={Math.round(r.rating.average)} /> {t('resources.entry.ratingCount', { count: r.rating.count, average: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.rating.average) })}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('resources.entry.verified')}</dt>
        <dd>
          {r.verifiedAt
            ? r.verifiedBy
              ? t('resources.entry.verifiedOnBy', { date: formatDate(r.verifiedAt, locale, timeZone), who: r.verifiedBy })
              : t('resources.entry.verifiedOn', { date: formatDate(r.verifiedAt, locale, timeZone) })
            : t('resources.entry.notVerified')}
        </dd>
      </div>
    </dl>
  );
}

/** Opening hours in the entry's own zone, a row per weekday; or that it is always open, or that they are not known. */
export function EntryHours({ resource: r }: { resource: Resource }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (!r.hours) return <p className="muted">{t('resources.hours.unknown')}</p>;
  if (r.hours.alwaysOpen) return <p>{t('resources.hours.always')}</p>;
  return (
    <>
      <table className="hours-table">
        <caption className="visually-hidden">{t('resources.hours.title')}</caption>
        <tbody>
          {hoursByDay(r.hours, locale, t).map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.name}</th>
              <td>{d.times}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('resources.hours.zone', { zone: r.hours.timeZone.replaceAll('_', ' ') })}</p>
    </>
  );
}
