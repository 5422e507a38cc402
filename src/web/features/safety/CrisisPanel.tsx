import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrisisPayload } from '../../../contracts/safety.ts';
import { Button } from '../../components/Button.tsx';
import type { CrisisResource } from '../journey/api.ts';
import { dialable, ResourceList } from '../journey/support.tsx';
import { DangerLines, firstEmergencyPhone } from './EmergencyLines.tsx';
import '../../styles/safety.css';

const OVERDOSE_CATEGORIES = new Set(['overdose', 'medical']);

/**
 * Shown first, with focus, when the crisis detector read what the member just saved as urgent or an emergency: the
 * lines to reach now (the server orders them, emergency first for an emergency), what to do for an overdose, the
 * screener's next question, a way to reach someone here, and word that the community has been told (when it was:
 * an instance may escalate emergencies only). The lines are the instance's own, in the member's language.
 */
/** `lead` and `emergencyLead` say what was saved (a check-in by default; a post in the community). */
export function CrisisPanel({
  crisis,
  ref,
  lead,
  emergencyLead,
}: {
  crisis: CrisisPayload;
  ref: Ref<HTMLHeadingElement>;
  lead?: string;
  emergencyLead?: string;
}) {
  const { t } = useTranslation();
  const emergency = crisis.level === 'emergency';
  return (
    <section className={`support-panel crisis-panel${emergency ? ' crisis-panel--emergency' : ''}`} aria-labelledby="crisis-title">
      <h2 id="crisis-title" ref={ref} tabIndex={-1}>
        {t('safety.crisis.title')}
      </h2>
      <p>{emergency ? (emergencyLead ?? t('safety.crisis.emergencyLead')) : (lead ?? t('safety.crisis.lead'))}</p>
      {crisis.categories.some((c) => OVERDOSE_CATEGORIES.has(c)) && <OverdoseSteps resources={crisis.resources} />}
      <section className="support-block" aria-labelledby="crisis-reach">
        <h3 id="crisis-reach">{t('safety.crisis.reachTitle')}</h3>
        <ResourceList resources={crisis.resources} headingLevel={4} />
      </section>
      {crisis.followUp && <FollowUp question={crisis.followUp.question} resources={crisis.resources} />}
      <section className="support-block" aria-labelledby="crisis-here">
        <h3 id="crisis-here">{t('safety.crisis.hereTitle')}</h3>
        <p>{t(crisis.escalationId ? 'safety.crisis.told' : 'safety.crisis.notTold')}</p>
        {/* No SOS from here: when an escalation was opened people were already paged; on /sos the member asks themselves. */}
        <Link to="/sos?kind=talk" className="button button--primary button--large">
          {t('safety.crisis.talk')}
        </Link>
      </section>
    </section>
  );
}

function OverdoseSteps({ resources }: { resources: CrisisResource[] }) {
  const { t } = useTranslation();
  const phone = firstEmergencyPhone(resources);
  return (
    <section className="danger-now" aria-labelledby="crisis-overdose">
      <h3 id="crisis-overdose">{t('safety.crisis.overdoseTitle')}</h3>
      <ol className="steps">
        {(t('safety.crisis.overdoseSteps', { returnObjects: true }) as string[]).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {phone ? (
        <a className="button button--danger button--large" href={`tel:${dialable(phone)}`}>
          {t('help.call', { number: phone })}
        </a>
      ) : (
        <p className="alert-title">{t('help.fallback')}</p>
      )}
    </section>
  );
}

/** The C-SSRS screener's next question, asked gently. The answer only chooses what to say next; it is not stored. */
function FollowUp({ question, resources }: { question: string; resources: CrisisResource[] }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  return (
    <section className="support-block" aria-labelledby="crisis-question">
      <h3 id="crisis-question">{t('safety.crisis.questionTitle')}</h3>
      <p className="crisis-question" id="crisis-question-text">
        {question}
      </p>
      <div className="actions" role="group" aria-labelledby="crisis-question-text">
        <Button variant={answer === 'yes' ? 'primary' : 'secondary'} aria-pressed={answer === 'yes'} onClick={() => setAnswer('yes')}>
          {t('safety.crisis.yes')}
        </Button>
        <Button variant={answer === 'no' ? 'primary' : 'secondary'} aria-pressed={answer === 'no'} onClick={() => setAnswer('no')}>
          {t('safety.crisis.no')}
        </Button>
      </div>
      <div role="status">
        {answer === 'yes' && (
          <div className="danger-now">
            <p className="alert-title">{t('safety.crisis.answerYes')}</p>
            <DangerLines resources={resources} />
          </div>
        )}
        {answer === 'no' && <p>{t('safety.crisis.answerNo')}</p>}
      </div>
      <p className="muted">{t('safety.crisis.notStored')}</p>
    </section>
  );
}
