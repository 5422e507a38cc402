import { type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SavedCheckIn } from './api.ts';
import { useSafetyPlan, useToolbox } from './api.ts';
import { CrisisResources, isPlanEmpty, SafetyPlanView, ToolboxOrIdeas } from './support.tsx';
import { RiskSuggestions } from '../resources/library/RiskSuggestions.tsx';

type Risk = NonNullable<SavedCheckIn['risk']>;
type Reason = Risk['reasons'][number];

/**
 * Shown at once after a check-in that shows risk (a strong craving, a very low mood, or using today): a calm word,
 * the member's own strategies, people and lines to reach, and their safety plan. Never a judgement.
 */
export function RiskSupport({ reasons, suggestions, ref }: { reasons: Reason[]; suggestions?: Risk['suggestions']; ref: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const toolbox = useToolbox().data;
  const plan = useSafetyPlan().data;
  return (
    <section className="support-panel" aria-labelledby="risk-title">
      <h2 id="risk-title" ref={ref} tabIndex={-1}>
        {t('journey.risk.title')}
      </h2>
      <p>{t('journey.risk.lead')}</p>
      {reasons.map((reason) => (
        <p key={reason}>{t(`journey.risk.reason.${reason}`)}</p>
      ))}

      <section className="support-block" aria-labelledby="risk-toolbox">
        <h3 id="risk-toolbox">{t('journey.risk.toolboxTitle')}</h3>
        <ToolboxOrIdeas strategies={toolbox} headingLevel={4} />
      </section>
      {/* Popular strategies from the library for what today brings, not yet in the toolbox (docs/resources.md). */}
      <RiskSuggestions strategies={suggestions} />

      <section className="support-block" aria-labelledby="risk-reach">
        <h3 id="risk-reach">{t('journey.risk.reachTitle')}</h3>
        <p>{t('journey.risk.reachLead')}</p>
        <CrisisResources headingLevel={4} emergencyFirst={false} />
      </section>

      {plan && !isPlanEmpty(plan) && (
        <section className="support-block" aria-labelledby="risk-plan">
          <h3 id="risk-plan">{t('journey.risk.planTitle')}</h3>
          <SafetyPlanView plan={plan} headingLevel={4} />
        </section>
      )}
      <p className="muted">
        <Link to="/help">{t('journey.risk.moreHelp')}</Link>
      </p>
    </section>
  );
}
