import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CrisisPayload } from '../../../contracts/safety.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { ResourceList } from '../journey/support.tsx';
import { useRaiseSos } from './api.ts';
import '../../styles/safety.css';

const OVERDOSE_CATEGORIES = new Set(['overdose', 'medical']);

/**
 * Shown first, with focus, when the crisis detector read what the member just saved as urgent or an emergency: the
 * lines to reach now (the server orders them, emergency first for an emergency), what to do for an overdose, the
 * screener's next question, a way to reach someone here, and word that the community has been told.
 */
export function CrisisPanel({ crisis, ref }: { crisis: CrisisPayload; ref: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const emergency = crisis.level === 'emergency';
  return (
    <section className={`support-panel crisis-panel${emergency ? ' crisis-panel--emergency' : ''}`} aria-labelledby="crisis-title">
      <h2 id="crisis-title" ref={ref} tabIndex={-1}>
        {t('safety.crisis.title')}
      </h2>
      <p>{t(emergency ? 'safety.crisis.emergencyLead' : 'safety.crisis.lead')}</p>
      {crisis.categories.some((c) => OVERDOSE_CATEGORIES.has(c)) && <OverdoseSteps />}
      <section className="support-block" aria-labelledby="crisis-reach">
        <h3 id="crisis-reach">{t('safety.crisis.reachTitle')}</h3>
        <ResourceList resources={crisis.resources} headingLevel={4} />
      </section>
      {crisis.followUp && <FollowUp question={crisis.followUp.question} />}
      <section className="support-block" aria-labelledby="crisis-here">
        <h3 id="crisis-here">{t('safety.crisis.hereTitle')}</h3>
        <p>{t('safety.crisis.told')}</p>
        <TalkNow />
      </section>
    </section>
  );
}

function OverdoseSteps() {
  const { t } = useTranslation();
  return (
    <section className="danger-now" aria-labelledby="crisis-overdose">
      <h3 id="crisis-overdose">{t('safety.crisis.overdoseTitle')}</h3>
      <ol className="steps">
        {(t('safety.crisis.overdoseSteps', { returnObjects: true }) as string[]).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <a className="button button--danger button--large" href="tel:911">
        {t('help.call', { number: '911' })}
      </a>
    </section>
  );
}

/** The C-SSRS screener's next question, asked gently. The answer only chooses what to say next; it is not stored. */
function FollowUp({ question }: { question: string }) {
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
            <div className="actions">
              <a className="button button--danger button--large" href="tel:988">
                {t('help.call', { number: '988' })}
              </a>
              <a className="button button--secondary button--large" href="sms:988">
                {t('help.text', { number: '988' })}
              </a>
            </div>
          </div>
        )}
        {answer === 'no' && <p>{t('safety.crisis.answerNo')}</p>}
      </div>
      <p className="muted">{t('safety.crisis.notStored')}</p>
    </section>
  );
}

/** Asks for someone to talk to now (an SOS of kind "talk"), then shows the wait on /sos. */
function TalkNow() {
  const { t } = useTranslation();
  const raise = useRaiseSos();
  const navigate = useNavigate();
  return (
    <>
      <Button className="button--large" pending={raise.isPending} onClick={() => raise.mutate({ kind: 'talk' }, { onSuccess: () => navigate('/sos') })}>
        {t('safety.crisis.talk')}
      </Button>
      {raise.isError && <Alert live tone="error" title={errorMessage(raise.error, t)} />}
    </>
  );
}
