import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_MODES, CONTACT_TOPICS, contactBody, feedbackBody, mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { formatLocalDate, todayIn } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import { browserTimeZone } from '../../lib/time.ts';
import { useMe } from '../account/api.ts';
import { type Contact, type Mentorship, useContacts, useLogContact, useRateContact } from './api.ts';
import { checkBody, placeServerError } from './form.ts';
import { capitalise, durationText, labelList } from './format.ts';
import type { ShowNotice } from './Notice.tsx';

/**
 * The contact log. The mentor keeps it (with private notes); the mentee reads it without the notes and may rate
 * each contact; a coordinator reads it as the program allows.
 */
export function ContactLog({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const contacts = useContacts(m.id, true);
  const [logging, setLogging] = useState(false);
  const canLog = m.myRole === 'mentor' && (m.status === 'active' || m.status === 'paused');
  const list = [...(contacts.data?.contacts ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('mentoring.contacts.title')}</h2>
      <p className="muted">{t(m.myRole === 'mentor' ? 'mentoring.contacts.leadMentor' : m.myRole === 'mentee' ? 'mentoring.contacts.leadMentee' : 'mentoring.contacts.leadObserver', { name: m.myRole === 'mentor' ? m.mentee.displayName : m.mentor.displayName })}</p>
      {canLog &&
        (logging ? (
          <LogForm
            mentorship={m}
            coordinatorsRead={contacts.data?.notesVisibleToCoordinators ?? true}
            onCancel={() => setLogging(false)}
            onSaved={() => {
              setLogging(false);
              onNotice({ tone: 'success', title: t('mentoring.contacts.logged') });
            }}
          />
        ) : (
          <div className="actions">
            <Button onClick={() => setLogging(true)}>{t('mentoring.contacts.log')}</Button>
          </div>
        ))}
      {contacts.isPending && <Loading />}
      {contacts.isError && <Alert tone="error" title={errorMessage(contacts.error, t)} />}
      {contacts.isSuccess && list.length === 0 && <p>{t('mentoring.contacts.none')}</p>}
      {list.length > 0 && (
        <ul className="card-list card-list--single">
          {list.map((c) => (
            <ContactItem key={c.id} contact={c} mentorship={m} onNotice={onNotice} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactItem({ contact: c, mentorship: m, onNotice }: { contact: Contact; mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [rating, setRating] = useState(false);
  const topics = [...c.topics.filter((x) => x !== 'other').map((x) => t(`mentoring.topics.${x}`)), ...(c.topicsOther ? [c.topicsOther] : [])];
  const headingId = `contact-${c.id}`;
  return (
    <li className="card contact-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {capitalise(formatLocalDate(c.date, locale, 'long'), locale)}
      </h3>
      <p>
        {durationText(c.durationMinutes, t)} · {t(`mentoring.modes.${c.mode}`)}
      </p>
      <dl className="facts facts--compact">
        {topics.length > 0 && (
          <div>
            <dt>{t('mentoring.contacts.topics')}</dt>
            <dd>{labelList(topics, locale)}</dd>
          </div>
        )}
        {c.nextStep && (
          <div>
            <dt>{t('mentoring.contacts.nextStep')}</dt>
            <dd>{c.nextStep}</dd>
          </div>
        )}
      </dl>
      {c.notes !== null && (
        <div className="private-notes">
          <p className="facts-label">{t(m.myRole === 'mentor' ? 'mentoring.contacts.yourNotes' : 'mentoring.contacts.mentorNotes')}</p>
          {c.notes ? <p className="pre-line">{c.notes}</p> : <p className="muted">{t('mentoring.contacts.noNotes')}</p>}
        </div>
      )}
      {m.myRole === 'mentor' && <p className="muted">{t(c.rated ? 'mentoring.contacts.rated' : 'mentoring.contacts.notRated', { name: m.mentee.displayName })}</p>}
      {m.myRole === 'mentee' &&
        (c.feedback ? (
          <p className="muted">
            {t('mentoring.feedback.yours', { rating: c.feedback.rating })}
            {c.feedback.signed ? ` · ${t('mentoring.feedback.yoursSigned')}` : ` · ${t('mentoring.feedback.yoursUnsigned')}`}
          </p>
        ) : rating ? (
          <RateForm
            mentorship={m}
            contact={c}
            onCancel={() => setRating(false)}
            onSaved={() => {
              setRating(false);
              onNotice({ tone: 'success', title: t('mentoring.feedback.thanks') });
            }}
          />
        ) : (
          <Button variant="secondary" onClick={() => setRating(true)}>
            {t('mentoring.feedback.rate')}
          </Button>
        ))}
    </li>
  );
}

/** Focus moves to a form's heading when it opens in place of the button that opened it. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function LogForm({ mentorship: m, coordinatorsRead, onSaved, onCancel }: { mentorship: Mentorship; coordinatorsRead: boolean; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const log = useLogContact(m.id);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const today = todayIn(me?.timeZone ?? browserTimeZone());
  const form = useForm(contactBody, {
    date: today,
    durationMinutes: '',
    mode: '' as string,
    topics: [] as string[],
    topicsOther: '',
    notes: '',
    nextStep: '',
  });
  const v = form.values;
  const toBody = () => ({
    date: v.date,
    durationMinutes: v.durationMinutes.trim() === '' ? undefined : Number(v.durationMinutes.trim()),
    mode: v.mode || undefined,
    topics: v.topics,
    ...(v.topicsOther.trim() ? { topicsOther: v.topicsOther } : {}),
    ...(v.notes.trim() ? { notes: v.notes } : {}),
    ...(v.nextStep.trim() ? { nextStep: v.nextStep } : {}),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBody(contactBody, toBody(), v, t);
    if (!checked.ok) return form.showError(checked.error);
    try {
      await log.mutateAsync(checked.data);
      onSaved();
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(v)));
    }
  };
  return (
    <div className="inset">
      <h3 ref={heading} tabIndex={-1}>
        {t('mentoring.contacts.formTitle')}
      </h3>
      <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('mentoring.contacts.formTitle')}>
        <TextField {...form.field('date')} type="date" max={today} label={t('mentoring.contacts.date')} />
        <TextField {...form.field('durationMinutes')} inputMode="numeric" label={t('mentoring.contacts.duration')} hint={t('mentoring.contacts.durationHint')} />
        <ChipGroup {...form.field('mode')} legend={t('mentoring.contacts.mode')} options={CONTACT_MODES.map((c) => ({ value: c, label: t(`mentoring.modes.${c}`) }))} />
        <ChipGroup multiple {...form.field('topics')} legend={t('mentoring.contacts.topics')} hint={t('mentoring.contacts.topicsHint')} options={CONTACT_TOPICS.map((c) => ({ value: c, label: t(`mentoring.topics.${c}`) }))} />
        <TextField {...form.field('topicsOther')} label={t('mentoring.contacts.topicsOther')} />
        <TextAreaField {...form.field('notes')} label={t('mentoring.contacts.notes')} hint={t(coordinatorsRead ? 'mentoring.contacts.notesHintCoordinators' : 'mentoring.contacts.notesHint')} maxLength={mentoringLimits.contactNotesMax} rows={5} />
        <TextField {...form.field('nextStep')} label={t('mentoring.contacts.nextStep')} hint={t('mentoring.contacts.nextStepHint')} />
        <FormActions submitLabel={t('mentoring.contacts.save')} pending={log.isPending} onCancel={onCancel} />
      </Form>
    </div>
  );
}

const RATINGS = ['1', '2', '3', '4', '5'] as const;

function RateForm({ mentorship: m, contact: c, onSaved, onCancel }: { mentorship: Mentorship; contact: Contact; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const rate = useRateContact(m.id);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useForm(feedbackBody, { rating: '' as string, comment: '', signed: false as boolean });
  const v = form.values;
  const toBody = () => ({ rating: v.rating ? Number(v.rating) : undefined, ...(v.comment.trim() ? { comment: v.comment } : {}), signed: v.signed });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBody(feedbackBody, toBody(), v, t);
    if (!checked.ok) return form.showError(checked.error);
    try {
      await rate.mutateAsync({ contactId: c.id, ...checked.data });
      onSaved();
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(v)));
    }
  };
  const signed = form.field('signed');
  return (
    <div className="inset">
      <h4 ref={heading} tabIndex={-1}>
        {t('mentoring.feedback.title')}
      </h4>
      <p className="muted">{t('mentoring.feedback.lead', { name: m.mentor.displayName })}</p>
      <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('mentoring.feedback.title')}>
        <ChipGroup
          {...form.field('rating')}
          layout="scale"
          legend={t('mentoring.feedback.rating')}
          options={RATINGS.map((r) => ({
            value: r,
            label: (
              <>
                {r}
                <span className="visually-hidden"> – {t(`mentoring.feedback.ratingWords.${r}`)}</span>
              </>
            ),
          }))}
        />
        <TextAreaField {...form.field('comment')} label={t('mentoring.feedback.comment')} maxLength={mentoringLimits.feedbackCommentMax} rows={3} />
        <div className="field" id={signed.id} tabIndex={-1}>
          <Checkbox id={`${signed.id}-box`} name="signed" checked={v.signed} onChange={(x) => form.setValues((s) => ({ ...s, signed: x }))} label={t('mentoring.feedback.signed')} hint={t('mentoring.feedback.signedHint')} />
        </div>
        <FormActions submitLabel={t('mentoring.feedback.send')} pending={rate.isPending} onCancel={onCancel} />
      </Form>
    </div>
  );
}
