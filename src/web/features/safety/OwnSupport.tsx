import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSafetyPlan, useToolbox } from '../journey/api.ts';
import { isPlanEmpty, SafetyPlanView, ToolboxOrIdeas } from '../journey/support.tsx';

/** The member's own coping strategies and safety plan, for the wait after asking for support. */
export function OwnSupport({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const toolbox = useToolbox().data;
  const plan = useSafetyPlan().data;
  const Heading = `h${headingLevel}` as const;
  const inner = headingLevel === 2 ? 3 : 4;
  return (
    <>
      <section className="card" aria-labelledby="own-toolbox">
        <Heading id="own-toolbox">{t('safety.sos.toolboxTitle')}</Heading>
        <ToolboxOrIdeas strategies={toolbox} headingLevel={inner} />
      </section>
      <section className="card" aria-labelledby="own-plan">
        <Heading id="own-plan">{t('safety.sos.planTitle')}</Heading>
        {plan && !isPlanEmpty(plan) ? (
          <SafetyPlanView plan={plan} headingLevel={inner} />
        ) : (
          <p>
            {t('help.planEmpty')} <Link to="/journey/safety-plan">{t('help.planAdd')}</Link>
          </p>
        )}
      </section>
    </>
  );
}
