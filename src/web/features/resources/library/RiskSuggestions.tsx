import { useTranslation } from 'react-i18next';
import type { CopingLibraryStrategy } from '../library-api.ts';
import { HelpedCount } from './HelpedToggle.tsx';
import { SaveToToolbox } from './SaveToToolbox.tsx';
import { StepList } from './StrategyFacts.tsx';

/**
 * After a hard check-in, under the member's own toolbox: popular library strategies for what they are going through,
 * with their steps a tap away on the same page (no need to leave it in a hard moment) and a one-tap save.
 */
export function RiskSuggestions({ strategies }: { strategies: CopingLibraryStrategy[] | undefined }) {
  const { t } = useTranslation();
  if (!strategies || strategies.length === 0) return null;
  return (
    <section className="support-block" aria-labelledby="risk-suggestions">
      <h3 id="risk-suggestions">{t('coping.risk.title')}</h3>
      <p>{t('coping.risk.lead')}</p>
      <ul className="strategy-list">
        {strategies.map((s) => (
          <li key={s.id} className="strategy">
            <h4 className="strategy-title" id={`suggestion-${s.id}`} lang={s.locale}>
              {s.title}
            </h4>
            {s.summary && <p lang={s.locale}>{s.summary}</p>}
            {/* Folded, so the lines to call further down stay close on a phone. */}
            {s.steps.length > 0 && (
              <details className="suggestion-steps">
                <summary>{t('coping.risk.steps')}</summary>
                <StepList strategy={s} />
              </details>
            )}
            <HelpedCount count={s.helpedCount} />
            <SaveToToolbox strategy={s} describedBy={`suggestion-${s.id}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
