import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SOS_KINDS, safetyLimits } from '../../contracts/safety.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { RadioGroup } from '../components/Choices.tsx';
import { ConfirmDelete } from '../components/ConfirmDelete.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { type MySos, useCancelSos, useMySos, useRaiseSos } from '../features/safety/api.ts';
import { InstanceDangerLines } from '../features/safety/EmergencyLines.tsx';
import { OwnSupport } from '../features/safety/OwnSupport.tsx';
import { CrisisResources } from '../features/journey/support.tsx';
import { currentLocale } from '../i18n/setup.ts';
import { errorMessage } from '../lib/messages.ts';
import { formatDateTime } from '../lib/time.ts';
import '../styles/safety.css';

type Kind = (typeof SOS_KINDS)[number];

/**
 * "I need support now": the member says what kind of help, their mentor and whoever is on call are told, and while
 * they wait they see who has it, their own toolbox and safety plan, and the crisis lines.
 */
export function SosPage() {
  const { t } = useTranslation();
  const sos = useMySos();
  // What this visit ended with: the member said they are OK, or a responder closed it (the open SOS is gone).
  const [ended, setEnded] = useState<'cancelled' | 'closed' | null>(null);
  const seen = useRef<MySos | null>(null);
  useEffect(() => {
    if (sos.data) seen.current = sos.data;
    else if (sos.data === null && seen.current && !ended) setEnded('closed');
  }, [sos.data]);

  return (
    <Page title={t('safety.sos.title')} announce>
      {sos.isPending && <Loading />}
      {sos.isError && !sos.data && <Alert tone="error" title={errorMessage(sos.error, t)} />}
      {sos.data ? (
        <Waiting sos={sos.data} onCancelled={() => setEnded('cancelled')} />
      ) : (
        sos.data === null && (ended ? <Ended how={ended} onAgain={() => { seen.current = null; setEnded(null); }} /> : <SosForm />)
      )}
    </Page>
  );
}

function SosForm() {
  const { t } = useTranslation();
  const raise = useRaiseSos();
  // The crisis screen's "Talk to someone here now" comes here with ?kind=talk chosen; the member still sends it.
  const [params] = useSearchParams();
  const asked = params.get('kind');
  const [kind, setKind] = useState<Kind | ''>(SOS_KINDS.find((k) => k === asked) ?? '');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kind) {
      setMissing(true);
      document.getElementById('sos-kind')?.focus();
      return;
    }
    raise.mutate({ kind, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <>
      <p className="lead">{t('safety.sos.lead')}</p>
      <form className="form sos-form" onSubmit={submit} noValidate aria-label={t('safety.sos.title')}>
        <div role="alert">{raise.isError && <Alert tone="error" title={errorMessage(raise.error, t)} />}</div>
        <RadioGroup<Kind>
          id="sos-kind"
          name="kind"
          legend={t('safety.sos.kindLegend')}
          error={missing && !kind ? t('safety.sos.kindRequired') : undefined}
          options={SOS_KINDS.map((k) => ({ value: k, label: t(`safety.sos.kinds.${k}`), hint: t(`safety.sos.kindHints.${k}`) }))}
          value={kind as Kind}
          onChange={(k) => setKind(k)}
        />
        {kind === 'not_safe' && <DangerNow />}
        <TextAreaField id="sos-note" name="note" label={t('safety.sos.note')} hint={t('safety.sos.noteHint')} value={note} onChange={setNote} maxLength={safetyLimits.sosNoteMax} />
        <Button type="submit" className="button--large" pending={raise.isPending}>
          {t('safety.sos.send')}
        </Button>
      </form>
      <p>
        <Link to="/help">{t('safety.sos.justLines')}</Link>
      </p>
    </>
  );
}

/** For "not safe": the instance's lines, emergency ones first and big, before anything else on the screen. */
function DangerNow() {
  const { t } = useTranslation();
  return (
    <section className="danger-now" aria-labelledby="danger-now">
      <h2 id="danger-now" tabIndex={-1}>
        {t('safety.sos.dangerTitle')}
      </h2>
      <p>{t('safety.sos.dangerLead')}</p>
      <InstanceDangerLines />
    </section>
  );
}

function Waiting({ sos, onCancelled }: { sos: MySos; onCancelled: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelSos();
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form just sent is gone: the keyboard and screen reader land on the answer (for "not safe", the lines first).
  useEffect(() => {
    if (sos.kind === 'not_safe') document.getElementById('danger-now')?.focus();
    else heading.current?.focus();
  }, []);
  return (
    <>
      {sos.kind === 'not_safe' && <DangerNow />}
      <section className="support-panel sos-status" aria-labelledby="sos-sent">
        <h2 id="sos-sent" ref={heading} tabIndex={-1}>
          {t('safety.sos.sentTitle')}
        </h2>
        <p>{t('safety.sos.sentLead')}</p>
        {/* Announced when someone picks it up. */}
        <div role="status" className="sos-who">
          {sos.acknowledgedBy ? (
            <p className="sos-acknowledged">{t('safety.sos.acknowledged', { name: sos.acknowledgedBy.displayName })}</p>
          ) : (
            <p>
              <span className="spinner" aria-hidden="true" /> {t('safety.sos.waiting')}
            </p>
          )}
        </div>
        <p className="muted">
          {t(`safety.sos.kinds.${sos.kind}`)} · {t('safety.sos.sentAt', { time: formatDateTime(sos.openedAt, currentLocale()) })}
        </p>
      </section>

      <h2>{t('safety.sos.whileYouWait')}</h2>
      <OwnSupport headingLevel={3} />
      {/* For "not safe" every line that can be called or texted is already at the top. */}
      {sos.kind !== 'not_safe' && (
        <section aria-labelledby="sos-lines">
          <h3 id="sos-lines">{t('safety.sos.linesTitle')}</h3>
          <p>{t('safety.sos.linesLead')}</p>
          <CrisisResources headingLevel={4} />
        </section>
      )}

      <section className="card" id="sos-ok-section" aria-labelledby="sos-ok">
        <h2 id="sos-ok">{t('safety.sos.okTitle')}</h2>
        {confirming ? (
          <ConfirmDelete
            question={t('safety.sos.okQuestion')}
            yes={t('safety.sos.okYes')}
            no={t('safety.sos.okNo')}
            pending={cancel.isPending}
            onConfirm={() => cancel.mutate(undefined, { onSuccess: onCancelled })}
            onCancel={() => {
              setConfirming(false);
              focusIn('sos-ok-section');
            }}
          />
        ) : (
          <Button
            variant="secondary"
            className="button--large"
            onClick={() => {
              setConfirming(true);
              focusIn('sos-ok-section');
            }}
          >
            {t('safety.sos.ok')}
          </Button>
        )}
        {cancel.isError && <Alert live tone="error" title={errorMessage(cancel.error, t)} />}
      </section>
    </>
  );
}

/** The button that replaced the one just pressed keeps the keyboard's place. */
const focusIn = (sectionId: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${sectionId} button`)?.focus());

function Ended({ how, onAgain }: { how: 'cancelled' | 'closed'; onAgain: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="sos-ended">
      <h2 id="sos-ended" ref={heading} tabIndex={-1}>
        {t(how === 'cancelled' ? 'safety.sos.cancelledTitle' : 'safety.sos.closedTitle')}
      </h2>
      <p>{t('safety.sos.endedLead')}</p>
      <div className="actions">
        <Button variant="secondary" onClick={onAgain}>
          {t('safety.sos.askAgain')}
        </Button>
        <Link to="/help" className="button button--quiet">
          {t('nav.help')}
        </Link>
      </div>
    </section>
  );
}
