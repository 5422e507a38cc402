import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type CopingStrategy, type CrisisResource, type SafetyPlan, useCrisisResources } from './api.ts';

/*
 * What a hard moment needs, shown the same way on /help, after a check-in that shows risk, and in the printable
 * safety plan: crisis lines as tap-to-call links, the member's own coping strategies and their safety plan.
 */

export const dialable = (phone: string) => phone.replace(/[^0-9+*#]/g, '');
// "?&body=" is read by both Android (?body=) and iOS (&body=).
export const smsHref = (sms: NonNullable<CrisisResource['sms']>) => `sms:${dialable(sms.number)}${sms.body ? `?&body=${encodeURIComponent(sms.body)}` : ''}`;

/**
 * Emergency first on "Need help now" (the person may be in danger); last after a check-in that shows risk (a strong
 * craving or a low day is not an emergency, and leading with 911 would alarm more than help).
 */
export function CrisisResources({ headingLevel = 2, emergencyFirst = true }: { headingLevel?: 2 | 3 | 4; emergencyFirst?: boolean }) {
  const { t } = useTranslation();
  const resources = useCrisisResources();
  if (resources.isPending) return <Loading />;
  if (resources.isError) {
    // Even when the server cannot answer, the one number that always works is named.
    return <Alert tone="warning" title={errorMessage(resources.error, t)}><p>{t('help.fallback')}</p></Alert>;
  }
  const sorted = [...resources.data].sort((a, b) => (Number(b.emergency) - Number(a.emergency)) * (emergencyFirst ? 1 : -1));
  return <ResourceList resources={sorted} headingLevel={headingLevel} />;
}

/** Crisis lines as given, in the order given (e.g. from a crisis payload, which puts emergency ones first itself). */
export function ResourceList({ resources, headingLevel = 2 }: { resources: CrisisResource[]; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="resource-list">
      {resources.map((r) => (
        <li key={r.id} className={r.emergency ? 'resource resource--emergency' : 'resource'}>
          <Heading className="resource-name">{r.name}</Heading>
          <p>{r.description}</p>
          <div className="actions">
            {r.phone && (
              <a className={`button ${r.emergency ? 'button--danger' : 'button--primary'}`} href={`tel:${dialable(r.phone)}`}>
                {t('help.call', { number: r.phone })}
              </a>
            )}
            {r.sms && (
              <a className="button button--secondary" href={smsHref(r.sms)}>
                {r.sms.body ? t('help.textWord', { word: r.sms.body, number: r.sms.number }) : t('help.text', { number: r.sms.number })}
              </a>
            )}
            {r.url && (
              <a className="button button--quiet" href={r.url} target="_blank" rel="noopener noreferrer">
                {t('help.website')}
                <span className="visually-hidden"> ({r.name}, {t('common.newTab')})</span>
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The member's own strategies, or a few general ideas while their toolbox is empty. */
export function ToolboxOrIdeas({ strategies, headingLevel }: { strategies: CopingStrategy[] | undefined; headingLevel: 3 | 4 }) {
  const { t } = useTranslation();
  if (strategies && strategies.length > 0) return <ToolboxView strategies={strategies} headingLevel={headingLevel} />;
  return (
    <>
      <p>{t('journey.risk.toolboxEmpty')}</p>
      <ul className="points">
        {(t('journey.risk.quickIdeas', { returnObjects: true }) as string[]).map((idea) => (
          <li key={idea}>{idea}</li>
        ))}
      </ul>
    </>
  );
}

export function ToolboxView({ strategies, headingLevel = 3 }: { strategies: CopingStrategy[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="strategy-list">
      {strategies.map((s) => (
        <li key={s.id} className="strategy">
          <Heading className="strategy-title">{s.title}</Heading>
          {s.steps.length > 0 && (
            <ol className="steps">
              {s.steps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}

type ListSection = 'warningSigns' | 'copingAlone' | 'distractions' | 'saferEnvironment' | 'reasons';
export const LIST_SECTIONS: ListSection[] = ['warningSigns', 'copingAlone', 'distractions', 'saferEnvironment', 'reasons'];

export const isPlanEmpty = (plan: SafetyPlan | undefined) =>
  !plan || (LIST_SECTIONS.every((s) => plan[s].length === 0) && plan.helpers.length === 0 && plan.professionals.length === 0);

/** The safety plan in its standard order; empty sections are left out. */
export function SafetyPlanView({ plan, headingLevel = 3 }: { plan: SafetyPlan; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const order = ['warningSigns', 'copingAlone', 'distractions', 'helpers', 'professionals', 'saferEnvironment', 'reasons'] as const;
  return (
    <div className="plan">
      {order.map((section) => {
        const items = plan[section];
        if (items.length === 0) return null;
        return (
          <section key={section} className="plan-section">
            <Heading>{t(`journey.plan.sections.${section}`)}</Heading>
            <ul className="plan-items">
              {items.map((item, i) =>
                typeof item === 'string' ? (
                  <li key={i}>{item}</li>
                ) : (
                  <li key={i}>
                    {item.name}
                    {item.phone && (
                      <>
                        {' · '}
                        <a href={`tel:${dialable(item.phone)}`}>{item.phone}</a>
                      </>
                    )}
                  </li>
                ),
              )}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
