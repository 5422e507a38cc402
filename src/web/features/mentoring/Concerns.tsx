import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONCERN_KINDS, concernBody, mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { type Concern, type Mentorship, useMyConcerns, useRaiseConcern } from './api.ts';
import { checkBody, placeServerError } from './form.ts';
import type { ShowNotice } from './Notice.tsx';

/** A mentor raises a concern with the program's coordinators, and follows it until it is closed. The mentee never sees this. */
export function Concerns({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const concerns = useMyConcerns(true);
  const [raising, setRaising] = useState(false);
  const mine = (concerns.data ?? []).filter((c) => c.mentorshipId === m.id).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return (
    <section className="card" aria-labelledby="concerns-title">
      <h2 id="concerns-title">{t('mentoring.concerns.title')}</h2>
      <p>{t('mentoring.concerns.lead', { name: m.mentee.displayName })}</p>
      <p className="muted">{t('mentoring.concerns.urgent')}</p>
      {raising ? (
        <ConcernForm
          mentorship={m}
          onCancel={() => setRaising(false)}
          onSaved={() => {
            setRaising(false);
            onNotice({ tone: 'success', title: t('mentoring.concerns.raised'), body: <p>{t('mentoring.concerns.raisedBody')}</p> });
          }}
        />
      ) : (
        <div className="actions">
          <Button variant="secondary" onClick={() => setRaising(true)}>
            {t('mentoring.concerns.raise')}
          </Button>
        </div>
      )}
      {concerns.isError && <Alert tone="error" title={errorMessage(concerns.error, t)} />}
      {mine.length > 0 && (
        <>
          <h3>{t('mentoring.concerns.yours')}</h3>
          <ul className="activity">
            {mine.map((c) => (
              <ConcernItem key={c.id} concern={c} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ConcernItem({ concern: c }: { concern: Concern }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li>
      <time className="muted" dateTime={c.openedAt}>
        {formatDateTime(c.openedAt, locale)}
      </time>
      <p>
        <strong>{t(`mentoring.concernKinds.${c.kind}`)}</strong> · <span className={`badge badge--concern-${c.status}`}>{t(`mentoring.concernStatuses.${c.status}`)}</span>
      </p>
      <p className="pre-line">{c.note}</p>
      {c.acknowledgedAt && <p className="muted">{t('mentoring.concerns.acknowledged', { name: c.acknowledgedBy ?? t('mentoring.concerns.aCoordinator'), date: formatDateTime(c.acknowledgedAt, locale) })}</p>}
      {c.closedAt && (
        <p className="muted">
          {t('mentoring.concerns.closed', { date: formatDateTime(c.closedAt, locale) })}
          {c.outcome && <>: {c.outcome}</>}
        </p>
      )}
    </li>
  );
}

function ConcernForm({ mentorship: m, onSaved, onCancel }: { mentorship: Mentorship; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const raise = useRaiseConcern(m.id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const form = useForm(concernBody, { kind: '' as string, note: '' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { kind: form.values.kind || undefined, note: form.values.note };
    const checked = checkBody(concernBody, body, form.values, t);
    if (!checked.ok) return form.showError(checked.error);
    try {
      await raise.mutateAsync(checked.data);
      onSaved();
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(form.values)));
    }
  };
  return (
    <div className="inset">
      <h3 ref={heading} tabIndex={-1}>
        {t('mentoring.concerns.formTitle')}
      </h3>
      <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('mentoring.concerns.formTitle')}>
        <RadioGroup {...form.field('kind')} legend={t('mentoring.concerns.kind')} options={CONCERN_KINDS.map((k) => ({ value: k as string, label: t(`mentoring.concernKinds.${k}`), hint: t(`mentoring.concernKindHints.${k}`) }))} />
        <TextAreaField {...form.field('note')} label={t('mentoring.concerns.note')} hint={t('mentoring.concerns.noteHint')} maxLength={mentoringLimits.escalationNoteMax} rows={5} />
        <FormActions submitLabel={t('mentoring.concerns.send')} pending={raise.isPending} onCancel={onCancel} />
      </Form>
    </div>
  );
}
