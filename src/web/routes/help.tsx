import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useMe } from '../features/account/api.ts';
import { useSafetyPlan, useToolbox } from '../features/journey/api.ts';
import { CrisisResources, isPlanEmpty, SafetyPlanView, ToolboxView } from '../features/journey/support.tsx';

/**
 * "Need help now": one tap from every page. The crisis lines for everyone, signed in or not; a member also sees
 * their own coping strategies and safety plan.
 */
export function HelpPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <Page title={t('help.title')} lead={<p>{t('help.lead')}</p>}>
      <section aria-labelledby="help-reach">
        <h2 id="help-reach">{t('help.reachTitle')}</h2>
        <CrisisResources headingLevel={3} />
      </section>
      {me ? (
        <OwnSupport />
      ) : (
        <p className="card card--quiet">
          {t('help.signedOut')} <Link to="/sign-in?next=%2Fhelp">{t('nav.signIn')}</Link>
        </p>
      )}
    </Page>
  );
}

function OwnSupport() {
  const { t } = useTranslation();
  const toolbox = useToolbox().data;
  const plan = useSafetyPlan().data;
  return (
    <>
      <section className="card" aria-labelledby="help-toolbox">
        <h2 id="help-toolbox">{t('help.toolboxTitle')}</h2>
        {toolbox && toolbox.length > 0 ? (
          <ToolboxView strategies={toolbox} />
        ) : (
          <p>
            {t('help.toolboxEmpty')} <Link to="/journey/toolbox">{t('help.toolboxAdd')}</Link>
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="help-plan">
        <h2 id="help-plan">{t('help.planTitle')}</h2>
        {plan && !isPlanEmpty(plan) ? (
          <SafetyPlanView plan={plan} />
        ) : (
          <p>
            {t('help.planEmpty')} <Link to="/journey/safety-plan">{t('help.planAdd')}</Link>
          </p>
        )}
      </section>
    </>
  );
}
