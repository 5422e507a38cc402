import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import type { Suggestion } from './api.ts';
import { labelList, languageList, reasonPhrases } from './format.ts';

/** One suggested mentor: who they are in their own words, why they fit, and one button to ask them. */
export function SuggestionCard({ suggestion, onAsk, asking, disabled }: { suggestion: Suggestion; onAsk: () => void; asking: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = suggestion.mentor;
  const reasons = reasonPhrases(suggestion.reasons, t, locale);
  const headingId = `suggestion-${m.userId}`;
  return (
    <li className="card suggestion" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {m.displayName}
      </h3>
      {m.genderDescription && <p className="muted">{m.genderDescription}</p>}
      {reasons.length > 0 && (
        <ul className="match-reasons" aria-label={t('mentoring.suggestions.why')}>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {/* Plain text: the mentor's own words, shown as words, never as markup. */}
      {m.summary && <p className="mentor-summary">{m.summary}</p>}
      <dl className="facts facts--compact">
        <div>
          <dt>{t('mentoring.suggestions.speaks')}</dt>
          <dd>{languageList(m.languages, locale)}</dd>
        </div>
        <div>
          <dt>{t('mentoring.suggestions.meets')}</dt>
          <dd>{labelList(m.contactModes.map((c) => t(`mentoring.modes.${c}`)), locale)}</dd>
        </div>
        {m.ageBand && (
          <div>
            <dt>{t('mentoring.fields.ageBand')}</dt>
            <dd>{t(`mentoring.ageBands.${m.ageBand}`)}</dd>
          </div>
        )}
      </dl>
      <Button pending={asking} disabled={disabled && !asking} onClick={onAsk}>
        {t('mentoring.suggestions.ask', { name: m.displayName })}
      </Button>
    </li>
  );
}
