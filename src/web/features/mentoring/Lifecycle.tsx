import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { END_REASONS, mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox, RadioGroup } from '../../components/Choices.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { act, type Mentorship, useCancelAsk, useEnd, usePause, useResume } from './api.ts';
import { capitalise } from './format.ts';
import type { ShowNotice } from './Notice.tsx';

type EndReason = (typeof END_REASONS)[number];

/** The mentee withdraws a request the mentor has not answered yet. */
export function CancelAsk({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const cancel = useCancelAsk();
  return (
    <>
      {cancel.isError && <Alert live tone="error" title={errorMessage(cancel.error, t)} />}
      <div className="actions">
        <Button
          variant="secondary"
          pending={cancel.isPending}
          onClick={() =>
            act(cancel, m.id, () =>
                onNotice({
                  tone: 'info',
                  title: t('mentoring.pending.cancelled', { name: m.mentor.displayName }),
                  body: (
                    <p>
                      <Link to="/mentoring">{t('mentoring.relationship.backToSuggestions')}</Link>
                    </p>
                  ),
                }),
            )
          }
        >
          {t('mentoring.pending.cancel')}
        </Button>
      </div>
    </>
  );
}

/** Pause or pick up again, and end: either side, at any time, in plain words. */
export function Lifecycle({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('mentoring.lifecycle.title')}</h2>
      {(m.status === 'active' || m.status === 'paused') && <PauseResume mentorship={m} onNotice={onNotice} />}
      <End mentorship={m} onNotice={onNotice} />
      <p className="muted">{t('mentoring.lifecycle.help')}</p>
    </section>
  );
}

function PauseResume({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const pause = usePause(m.id);
  const resume = useResume(m.id);
  const [note, setNote] = useState('');
  const name = m.myRole === 'mentor' ? m.mentee.displayName : m.mentor.displayName;
  const paused = m.status === 'paused';
  const action = paused ? resume : pause;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act(action, note.trim() ? { note: note.trim() } : {}, () => {
      setNote('');
      onNotice({ tone: 'success', title: t(paused ? 'mentoring.lifecycle.resumed' : 'mentoring.lifecycle.pausedNow', { name }) });
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="pause-title">
      <h3 id="pause-title">{t(paused ? 'mentoring.lifecycle.resumeTitle' : 'mentoring.lifecycle.pauseTitle')}</h3>
      <p>{t(paused ? 'mentoring.lifecycle.resumeLead' : 'mentoring.lifecycle.pauseLead', { name })}</p>
      <TextAreaField id="pause-note" name="note" label={t('mentoring.lifecycle.noteFor', { name })} value={note} onChange={setNote} maxLength={mentoringLimits.messageMax} rows={2} />
      {action.isError && <Alert live tone="error" title={errorMessage(action.error, t)} />}
      <div className="actions">
        <Button type="submit" variant="secondary" pending={action.isPending}>
          {t(paused ? 'mentoring.lifecycle.resume' : 'mentoring.lifecycle.pause')}
        </Button>
      </div>
    </form>
  );
}

function End({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const end = useEnd(m.id);
  const [rematch, setRematch] = useState(false);
  const [oneTap, setOneTap] = useState(false);
  const mentee = m.myRole === 'mentee';
  const name = mentee ? m.mentor.displayName : m.mentee.displayName;
  const done = (again: boolean) =>
    onNotice({
      tone: 'info',
      title: t('mentoring.lifecycle.ended', { name }),
      body: again ? (
        <p>
          {t('mentoring.lifecycle.rematchNext')} <Link to="/mentoring">{t('mentoring.relationship.backToSuggestions')}</Link>
        </p>
      ) : (
        <p>{t('mentoring.lifecycle.endedBody')}</p>
      ),
    });
  return (
    <div className="end-step">
      <h3 id="end-title">{t('mentoring.lifecycle.endTitle')}</h3>
      {end.isError && <Alert live tone="error" title={errorMessage(end.error, t)} />}
      {mentee && (
        <div className="rematch">
          <p>{t('mentoring.lifecycle.rematchLead', { name })}</p>
          <Button
            variant="secondary"
            pending={end.isPending && oneTap}
            onClick={() => {
              // No reason to give: a no-fault "not the right fit", straight back to matching with the same request.
              setOneTap(true);
              act(end, { reason: 'mismatch', rematch: true }, () => done(true));
            }}
          >
            {t('mentoring.lifecycle.rematch')}
          </Button>
        </div>
      )}
      <EndForm
        lead={t(mentee ? 'mentoring.lifecycle.endLeadMentee' : 'mentoring.lifecycle.endLeadMentor', { name })}
        noteLabel={t('mentoring.lifecycle.endNote', { name })}
        withHints
        pending={end.isPending && !oneTap}
        onEnd={(reason, note) => {
          const again = mentee && rematch;
          setOneTap(false);
          act(end, { reason, ...(note ? { note } : {}), rematch: again }, () => done(again));
        }}
      >
        {(reason) => (
          <>
            {mentee && <Checkbox id="end-rematch" name="rematch" checked={rematch} onChange={setRematch} label={t('mentoring.lifecycle.rematchBox')} hint={t('mentoring.lifecycle.rematchBoxHint')} />}
            {reason === 'safety_concern' && (
              <Alert tone="info" title={t('mentoring.lifecycle.safetyTitle')}>
                <p>{t(mentee ? 'mentoring.lifecycle.safetyMentee' : 'mentoring.lifecycle.safetyMentor', { name })}</p>
              </Alert>
            )}
          </>
        )}
      </EndForm>
    </div>
  );
}

/** A coordinator ends a relationship (a safety concern, a mentor leaving the program): both people are told. */
export function CoordinatorEnd({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const end = useEnd(m.id);
  const names = { mentor: m.mentor.displayName, mentee: m.mentee.displayName };
  return (
    <section className="card" aria-labelledby="end-title">
      <h2 id="end-title">{t('mentoring.lifecycle.endTitle')}</h2>
      {end.isError && <Alert live tone="error" title={errorMessage(end.error, t)} />}
      <EndForm
        lead={t('mentoring.lifecycle.endLeadCoordinator', names)}
        noteLabel={t('mentoring.lifecycle.endNoteBoth', names)}
        pending={end.isPending}
        onEnd={(reason, note) => act(end, { reason, ...(note ? { note } : {}) }, () => onNotice({ tone: 'info', title: t('mentoring.lifecycle.endedByCoordinator', names) }))}
      />
    </section>
  );
}

/** What every way of ending shares: a reason (required, focused when missing), a note, and the button. */
function EndForm(props: {
  lead: string;
  noteLabel: string;
  /** Explain each reason under it (for the two people; a coordinator knows them). */
  withHints?: boolean;
  pending: boolean;
  onEnd: (reason: EndReason, note: string | undefined) => void;
  /** Anything between the note and the button, given the reason chosen so far. */
  children?: (reason: EndReason | '') => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [reason, setReason] = useState<EndReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) {
      setMissing(true);
      document.getElementById('end-reason')?.focus();
      return;
    }
    props.onEnd(reason, note.trim() || undefined);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="end-title">
      <p>{props.lead}</p>
      <RadioGroup<EndReason>
        id="end-reason"
        name="reason"
        legend={t('mentoring.lifecycle.reason')}
        error={missing && !reason ? t('mentoring.lifecycle.chooseReason') : undefined}
        options={END_REASONS.map((r) => ({
          value: r,
          label: capitalise(t(`mentoring.endReasons.${r}`), locale),
          ...(props.withHints ? { hint: t(`mentoring.endReasonHints.${r}`) } : {}),
        }))}
        value={reason as EndReason}
        onChange={setReason}
      />
      <TextAreaField id="end-note" name="note" label={props.noteLabel} value={note} onChange={setNote} maxLength={mentoringLimits.messageMax} rows={3} />
      {props.children?.(reason)}
      <div className="actions">
        <Button type="submit" variant="danger" pending={props.pending}>
          {t('mentoring.lifecycle.end')}
        </Button>
      </div>
    </form>
  );
}
