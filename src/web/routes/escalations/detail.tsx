import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ESCALATION_ACTIONS, ESCALATION_OUTCOMES, safetyLimits } from '../../../contracts/safety.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { isPlanEmpty, SafetyPlanView } from '../../features/journey/support.tsx';
import { type EscalationDetail, type EscalationOutcome, useAcknowledge, useCloseEscalation, useEscalation, useLogAction } from '../../features/safety/api.ts';
import { EscalationBadges } from '../../features/safety/EscalationBadges.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import '../../styles/safety.css';
import { NotFoundPage } from '../not-found.tsx';

type ActionKind = (typeof ESCALATION_ACTIONS)[number];

/** One escalation for a responder: what raised it, who was told, what has been done, and the next step. */
export function EscalationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const escalation = useEscalation(id);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  // Closing removes the buttons the person pressed: their place moves to the confirmation.
  useEffect(() => {
    if (done && escalation.data?.status === 'closed') doneRef.current?.focus();
  }, [done]);
  if (escalation.isPending) return <Loading />;
  if (!escalation.data) {
    return isApiError(escalation.error) && escalation.error.status >= 500 ? <Alert tone="error" title={errorMessage(escalation.error, t)} /> : <NotFoundPage />;
  }
  const e = escalation.data;
  const locale = currentLocale();
  return (
    <Page title={t('safety.detail.title', { name: e.member.displayName })} lead={<EscalationBadges escalation={e} />}>
      <dl className="facts">
        <div>
          <dt>{t('safety.detail.source')}</dt>
          <dd>
            {t(`safety.sources.${e.source}`)}
            {e.sosKind && <> · {t(`safety.sos.kinds.${e.sosKind}`)}</>}
          </dd>
        </div>
        <div>
          <dt>{t('safety.detail.opened')}</dt>
          <dd>{formatDateTime(e.openedAt, locale)}</dd>
        </div>
        {e.categories.length > 0 && (
          <div>
            <dt>{t('safety.detail.categories')}</dt>
            <dd>{e.categories.map((c) => t(`safety.categories.${c.replace('.', '_')}`, { defaultValue: c })).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('safety.detail.acknowledged')}</dt>
          <dd>
            {e.acknowledgedBy && e.acknowledgedAt
              ? t('safety.detail.acknowledgedBy', { name: e.acknowledgedBy.displayName, time: formatDateTime(e.acknowledgedAt, locale) })
              : t('safety.inbox.nobodyYet')}
          </dd>
        </div>
        {e.nextPageAt && (
          <div>
            <dt>{t('safety.detail.nextPage')}</dt>
            <dd>{formatDateTime(e.nextPageAt, locale)}</dd>
          </div>
        )}
        {e.closedAt && (
          <div>
            <dt>{t('safety.detail.closed')}</dt>
            <dd>
              {formatDateTime(e.closedAt, locale)}
              {e.outcome && <> · {t(`safety.outcomes.${e.outcome}`)}</>}
            </dd>
          </div>
        )}
      </dl>

      <section className="card" aria-labelledby="esc-excerpt">
        <h2 id="esc-excerpt">{t(e.source === 'sos' ? 'safety.detail.note' : 'safety.detail.excerpt')}</h2>
        {/* Plain text: whatever the member wrote is shown as words, never as markup. */}
        {e.excerpt ? <blockquote className="excerpt">{e.excerpt}</blockquote> : <p className="muted">{t('safety.detail.noNote')}</p>}
      </section>

      <div role="status">{done && <Alert tone="success" title={done} ref={doneRef} />}</div>
      {e.status !== 'closed' && <Respond escalation={e} onDone={setDone} />}

      {e.safetyPlan && !isPlanEmpty(e.safetyPlan) && (
        <section className="card" aria-labelledby="esc-plan">
          <h2 id="esc-plan">{t('safety.detail.planTitle')}</h2>
          <SafetyPlanView plan={e.safetyPlan} headingLevel={3} />
        </section>
      )}

      <section aria-labelledby="esc-timeline">
        <h2 id="esc-timeline">{t('safety.detail.timeline')}</h2>
        <ul className="activity">
          {timeline(e).map((item, i) => (
            <li key={i}>
              <time className="muted" dateTime={item.at}>
                {formatDateTime(item.at, locale)}
              </time>
              <p>{item.kind === 'notified' ? t('safety.detail.notified', { name: item.name, reason: t(`safety.reasonsShort.${item.reason}`) }) : t('safety.detail.action', { name: item.name ?? t('safety.detail.someone'), what: t(`safety.actions.${item.action}`) })}</p>
              {item.note && <p className="action-note">{item.note}</p>}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/escalations">{t('safety.detail.back')}</Link>
      </p>
    </Page>
  );
}

type Entry =
  | { kind: 'notified'; at: string; name: string; reason: EscalationDetail['notified'][number]['reason']; note?: undefined }
  | { kind: 'action'; at: string; name: string | null; action: EscalationDetail['actions'][number]['kind']; note: string | null };

/** Who was told and what was done, oldest first, as one story. */
const timeline = (e: EscalationDetail): Entry[] =>
  [
    ...e.notified.map((n): Entry => ({ kind: 'notified', at: n.notifiedAt, name: n.displayName, reason: n.reason })),
    ...e.actions.map((a): Entry => ({ kind: 'action', at: a.at, name: a.by?.displayName ?? null, action: a.kind, note: a.note })),
  ].sort((a, b) => a.at.localeCompare(b.at));

function Respond({ escalation, onDone }: { escalation: EscalationDetail; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const ack = useAcknowledge(escalation.id);
  const log = useLogAction(escalation.id);
  const close = useCloseEscalation(escalation.id);
  const [kind, setKind] = useState<ActionKind | ''>('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<EscalationOutcome | ''>('');
  const [missing, setMissing] = useState<'kind' | 'outcome' | null>(null);
  const error = ack.error ?? log.error ?? close.error;

  const submitLog = (ev: FormEvent) => {
    ev.preventDefault();
    onDone(null);
    if (!kind) {
      setMissing('kind');
      document.getElementById('esc-action')?.focus();
      return;
    }
    log.mutate(
      { kind, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setKind('');
          setNote('');
          setMissing(null);
          onDone(t('safety.detail.logged'));
        },
      },
    );
  };
  const submitClose = (ev: FormEvent) => {
    ev.preventDefault();
    onDone(null);
    if (!outcome) {
      setMissing('outcome');
      document.getElementById('esc-outcome')?.focus();
      return;
    }
    close.mutate(outcome, { onSuccess: () => onDone(t('safety.detail.closedNow')) });
  };

  return (
    <section className="card respond" aria-labelledby="esc-respond">
      <h2 id="esc-respond">{t('safety.detail.respond')}</h2>
      {error && <Alert live tone="error" title={errorMessage(error, t)} />}
      {escalation.status === 'open' && (
        <div className="respond-step">
          <p>{t('safety.detail.ackLead')}</p>
          <Button className="button--large" pending={ack.isPending} onClick={() => ack.mutate(undefined, { onSuccess: () => onDone(t('safety.detail.acknowledgedNow')) })}>
            {t('safety.detail.acknowledge')}
          </Button>
        </div>
      )}
      <form className="form respond-step" onSubmit={submitLog} noValidate aria-labelledby="esc-log-title">
        <h3 id="esc-log-title">{t('safety.detail.logTitle')}</h3>
        <RadioGroup<ActionKind>
          id="esc-action"
          name="kind"
          legend={t('safety.detail.actionLegend')}
          error={missing === 'kind' && !kind ? t('safety.detail.chooseOne') : undefined}
          options={ESCALATION_ACTIONS.map((a) => ({ value: a, label: t(`safety.actions.${a}`) }))}
          value={kind as ActionKind}
          onChange={setKind}
        />
        <TextAreaField id="esc-note" name="note" label={t('safety.detail.actionNote')} hint={t('safety.detail.actionNoteHint')} value={note} onChange={setNote} maxLength={safetyLimits.actionNoteMax} />
        <Button type="submit" variant="secondary" pending={log.isPending}>
          {t('safety.detail.log')}
        </Button>
      </form>
      <form className="form respond-step" onSubmit={submitClose} noValidate aria-labelledby="esc-close-title">
        <h3 id="esc-close-title">{t('safety.detail.closeTitle')}</h3>
        <RadioGroup<EscalationOutcome>
          id="esc-outcome"
          name="outcome"
          legend={t('safety.detail.outcomeLegend')}
          error={missing === 'outcome' && !outcome ? t('safety.detail.chooseOne') : undefined}
          options={ESCALATION_OUTCOMES.filter((o) => o !== 'cancelled_by_member').map((o) => ({ value: o, label: t(`safety.outcomes.${o}`) }))}
          value={outcome as EscalationOutcome}
          onChange={setOutcome}
        />
        <Button type="submit" variant="secondary" pending={close.isPending}>
          {t('safety.detail.close')}
        </Button>
      </form>
    </section>
  );
}
