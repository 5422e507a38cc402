import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/setup.ts';
import type { MenteeRequest } from './api.ts';
import { labelList, languageList, listText, sortedWindows, windowText } from './format.ts';

/** What a mentee is looking for, as the mentor they asked reads it. Only what they said; nothing is guessed. */
export function RequestDetails({ request }: { request: MenteeRequest }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const unsaid = t('mentoring.details.notSaid');
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('mentoring.details.pathways')}</dt>
          <dd>{request.pathways.length ? listText(request.pathways.map((p) => t(`journey.pathways.${p}`)), locale) : unsaid}</dd>
        </div>
        <div>
          <dt>{t('mentoring.details.languages')}</dt>
          <dd>{languageList(request.languages, locale)}</dd>
        </div>
        <div>
          <dt>{t('mentoring.details.stage')}</dt>
          <dd>{request.stage ? t(`journey.stages.${request.stage}.name`) : unsaid}</dd>
        </div>
        <div>
          <dt>{t('mentoring.details.modes')}</dt>
          <dd>{request.contactModes.length ? labelList(request.contactModes.map((m) => t(`mentoring.modes.${m}`)), locale) : t('mentoring.details.anyMode')}</dd>
        </div>
        {request.genderPreference && (
          <div>
            <dt>{t('mentoring.details.gender')}</dt>
            <dd>{t(`mentoring.request.genderPrefer.${request.genderPreference}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('mentoring.details.availability', { zone: request.timeZone.replaceAll('_', ' ') })}</dt>
          <dd>
            {request.availability.length ? (
              <ul className="plain-list">
                {sortedWindows(request.availability, locale).map((w) => (
                  <li key={`${w.day}-${w.start}`}>{windowText(w, locale, t)}</li>
                ))}
              </ul>
            ) : (
              unsaid
            )}
          </dd>
        </div>
      </dl>
      {request.note && (
        <>
          <p className="facts-label">{t('mentoring.details.note', { name: request.displayName })}</p>
          {/* Plain text: what the member wrote is shown as words, never as markup. */}
          <blockquote className="their-words">{request.note}</blockquote>
        </>
      )}
    </>
  );
}
