import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCURRENCE_STATUS, occurrenceBody } from '../../../contracts/meetings.ts';
import { RadioGroup } from '../../components/Choices.tsx';
import { describedBy, FieldFrame } from '../../components/FieldNotes.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../lib/form.ts';
import { type MeetingDetail, type UpcomingOccurrence, useSetOccurrence } from './api.ts';
import { checkBody, placeServerError } from './nested-form.ts';

const ALIASES = { movedTo: 'movedTo.date' };

/** The wall-clock "HH:MM" of an instant in the meeting's zone, to start a "moved" form from the current times. */
const clockIn = (iso: string, zone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date(iso));

/** A manager cancels one date, moves it, or gives it a topic; the date stays the occurrence's name. */
export function OccurrenceForm({ meeting, occurrence, onDone }: { meeting: MeetingDetail; occurrence: UpcomingOccurrence; onDone: () => void }) {
  const { t } = useTranslation();
  const set = useSetOccurrence(meeting.id);
  const form = useForm(occurrenceBody, {
    status: occurrence.status as string,
    'movedTo.date': occurrence.status === 'moved' ? new Intl.DateTimeFormat('en-CA', { timeZone: meeting.timeZone }).format(new Date(occurrence.start)) : occurrence.date,
    'movedTo.startTime': occurrence.status === 'moved' ? clockIn(occurrence.start, meeting.timeZone) : meeting.startTime,
    'movedTo.endTime': occurrence.status === 'moved' ? clockIn(occurrence.end, meeting.timeZone) : meeting.endTime,
    topic: occurrence.topic ?? '',
  });
  const v = form.values;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      status: v.status,
      movedTo: v.status === 'moved' ? { date: v['movedTo.date'], startTime: v['movedTo.startTime'], endTime: v['movedTo.endTime'] } : null,
      topic: v.topic.trim() || null,
    };
    const checked = checkBody(occurrenceBody, body, v, t, ALIASES);
    if (!checked.ok) return form.showError(checked.error);
    try {
      await set.mutateAsync({ date: occurrence.date, body: checked.data });
      onDone();
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(v), ALIASES));
    }
  };
  const time = (name: 'movedTo.startTime' | 'movedTo.endTime', label: string) => {
    const f = form.field(name);
    return (
      <FieldFrame id={f.id} label={label} error={f.error}>
        <input id={f.id} name={name} type="time" className="input" value={f.value} onChange={(e) => f.onChange(e.target.value)} aria-invalid={f.error ? true : undefined} aria-describedby={describedBy(f.id, undefined, f.error)} />
      </FieldFrame>
    );
  };
  return (
    <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('meetings.occurrence.formLabel')}>
      <RadioGroup
        {...form.field('status')}
        legend={t('meetings.occurrence.status')}
        value={v.status}
        onChange={(status: string) => form.setValues((x) => ({ ...x, status }))}
        options={OCCURRENCE_STATUS.map((s) => ({ value: s, label: t(`meetings.occurrence.statuses.${s}`) }))}
      />
      {v.status === 'moved' && (
        <fieldset className="field form-group">
          <legend className="field-label">{t('meetings.occurrence.movedTo')}</legend>
          <p className="field-hint">{t('meetings.occurrence.movedHint', { zone: meeting.timeZone.replaceAll('_', ' ') })}</p>
          <TextField {...form.field('movedTo.date')} type="date" label={t('meetings.occurrence.date')} />
          <div className="form-row">
            {time('movedTo.startTime', t('meetings.form.startTime'))}
            {time('movedTo.endTime', t('meetings.form.endTime'))}
          </div>
        </fieldset>
      )}
      <TextField {...form.field('topic')} label={t('meetings.occurrence.topic')} hint={t('meetings.occurrence.topicHint')} />
      <FormActions submitLabel={t('meetings.occurrence.save')} pending={set.isPending} onCancel={onDone} />
    </Form>
  );
}
