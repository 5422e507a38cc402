import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_OPTIONS, MEETING_TYPE_CODES, meetingBody, meetingLimits, meetingUpdateBody } from '../../../contracts/meetings.ts';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { CheckboxGroup, RadioGroup } from '../../components/Choices.tsx';
import { describedBy, FieldFrame } from '../../components/FieldNotes.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { browserTimeZone, timeZoneOptions } from '../../lib/time.ts';
import { type MeetingDetail, useSaveMeeting } from './api.ts';
import { COMMON_TYPES, languageName, typeName, weekdayName, weekOrder } from './format.ts';
import { checkBody, placeServerError } from './nested-form.ts';

const OTHER_TYPES = MEETING_TYPE_CODES.filter((c) => !COMMON_TYPES.includes(c));
const LANGUAGES = ['en', 'es'];
/** A whole object's message goes to its first input. */
const ALIASES = { location: 'location.formattedAddress', conference: 'conference.url', schedule: 'schedule.days', 'schedule.kind': 'schedule.days' };

function initialValues(m?: MeetingDetail) {
  return {
    name: m?.name ?? '',
    'schedule.kind': m?.schedule.kind ?? 'weekly',
    'schedule.days': m?.schedule.kind === 'weekly' ? m.schedule.days.map(String) : ([] as string[]),
    'schedule.date': m?.schedule.kind === 'once' ? m.schedule.date : '',
    startTime: m?.startTime ?? '19:00',
    endTime: m?.endTime ?? '20:00',
    timeZone: m?.timeZone ?? browserTimeZone(),
    attendance: m?.attendance ?? 'in_person',
    'location.name': m?.location?.name ?? '',
    'location.formattedAddress': m?.location?.formattedAddress ?? '',
    'location.latitude': m?.location ? String(m.location.latitude) : '',
    'location.longitude': m?.location ? String(m.location.longitude) : '',
    'location.notes': m?.location?.notes ?? '',
    'location.region': m?.location?.region ?? '',
    approximateAddress: m?.approximateAddress ?? '',
    'conference.url': m?.conference?.url ?? '',
    'conference.urlNotes': m?.conference?.urlNotes ?? '',
    'conference.phone': m?.conference?.phone ?? '',
    'conference.phoneNotes': m?.conference?.phoneNotes ?? '',
    types: (m?.types ?? []) as string[],
    customTypes: (m?.customTypes ?? []).join(', '),
    languages: m?.languages ?? [],
    notes: m?.notes ?? '',
    readings: m?.readings ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

const number = (v: string) => (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.')));
const hasAddress = (v: Values) => v['location.formattedAddress'].trim() !== '' || v['location.latitude'].trim() !== '';
const hasOnline = (v: Values) => v['conference.url'].trim() !== '' || v['conference.phone'].trim() !== '';

/** Which parts of the form apply: a room, a link, or (temporarily inactive) whichever is already filled in. */
function parts(v: Values) {
  const a = v.attendance;
  return {
    room: a === 'in_person' || a === 'hybrid' || (a === 'inactive' && hasAddress(v)),
    online: a === 'online' || a === 'hybrid' || (a === 'inactive' && hasOnline(v)),
  };
}

/** The body the API takes, built from the flat inputs; the shared schema checks it before it is sent. */
function toBody(v: Values, groupId: string | undefined) {
  const { room, online } = parts(v);
  return {
    ...(groupId ? { groupId } : {}),
    name: v.name,
    schedule: v['schedule.kind'] === 'once' ? { kind: 'once', date: v['schedule.date'] } : { kind: 'weekly', days: v['schedule.days'].map(Number) },
    startTime: v.startTime,
    endTime: v.endTime,
    timeZone: v.timeZone,
    attendance: v.attendance,
    location: room
      ? {
          name: v['location.name'],
          formattedAddress: v['location.formattedAddress'],
          latitude: number(v['location.latitude']),
          longitude: number(v['location.longitude']),
          notes: v['location.notes'],
          region: v['location.region'],
        }
      : null,
    approximateAddress: v.attendance === 'online' || v.attendance === 'inactive' ? v.approximateAddress : '',
    conference: online
      ? { url: v['conference.url'].trim() || null, urlNotes: v['conference.urlNotes'], phone: v['conference.phone'].trim() || null, phoneNotes: v['conference.phoneNotes'] }
      : null,
    types: v.types,
    customTypes: v.customTypes
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    languages: v.languages,
    notes: v.notes,
    readings: v.readings,
  };
}

/** A native time input: phones open their own clock picker. */
function TimeField({ id, name, label, error, value, onChange }: { id: string; name: string; label: string; error?: string | undefined; value: string; onChange: (v: string) => void }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      <input id={id} name={name} type="time" className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} />
    </FieldFrame>
  );
}

/** Create a meeting in a group, or change one; the meeting's description is sent whole either way. */
export function MeetingForm({ groupId, meeting, onSaved, onCancel }: { groupId?: string; meeting?: MeetingDetail; onSaved: (m: MeetingDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveMeeting(meeting?.id);
  const form = useForm(meeting ? meetingUpdateBody : meetingBody, initialValues(meeting));
  const { values: v, setValues } = form;
  const { room, online } = parts(v);
  const [locating, setLocating] = useState(false);
  const names = Object.keys(v);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBody(meeting ? meetingUpdateBody : meetingBody, toBody(v, meeting ? undefined : groupId), v, t, ALIASES);
    if (!checked.ok) return form.showError(checked.error);
    try {
      onSaved(await save.mutateAsync(checked.data));
    } catch (err) {
      form.showError(placeServerError(err, names, ALIASES));
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setValues((x) => ({ ...x, 'location.latitude': pos.coords.latitude.toFixed(5), 'location.longitude': pos.coords.longitude.toFixed(5) }));
      },
      () => setLocating(false),
      { timeout: 15_000 },
    );
  };

  const typeField = form.field('types');
  return (
    <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}>
      <TextField {...form.field('name')} label={t('meetings.form.name')} hint={t('meetings.form.nameHint')} />

      <section className="form-section" aria-labelledby="meeting-form-when">
        <h2 id="meeting-form-when">{t('meetings.form.when')}</h2>
        <RadioGroup
          {...form.field('schedule.kind')}
          legend={t('meetings.form.schedule')}
          value={v['schedule.kind']}
          onChange={(kind) => setValues((x) => ({ ...x, 'schedule.kind': kind }))}
          options={[
            { value: 'weekly', label: t('meetings.form.weekly') },
            { value: 'once', label: t('meetings.form.once') },
          ]}
        />
        {v['schedule.kind'] === 'weekly' ? (
          <ChipGroup multiple {...form.field('schedule.days')} legend={t('meetings.form.days')} options={weekOrder(locale).map((d) => ({ value: String(d), label: weekdayName(d, locale) }))} />
        ) : (
          <TextField {...form.field('schedule.date')} type="date" label={t('meetings.form.date')} />
        )}
        <div className="form-row">
          <TimeField {...form.field('startTime')} label={t('meetings.form.startTime')} />
          <TimeField {...form.field('endTime')} label={t('meetings.form.endTime')} />
        </div>
        <p className="field-hint">{t('meetings.form.midnightHint')}</p>
        <SelectField {...form.field('timeZone')} label={t('meetings.form.timeZone')} hint={t('meetings.form.timeZoneHint')} options={timeZoneOptions(v.timeZone)} />
      </section>

      <section className="form-section" aria-labelledby="meeting-form-where">
        <h2 id="meeting-form-where">{t('meetings.form.where')}</h2>
        <RadioGroup
          {...form.field('attendance')}
          legend={t('meetings.form.attendance')}
          value={v.attendance}
          onChange={(a) => setValues((x) => ({ ...x, attendance: a }))}
          options={ATTENDANCE_OPTIONS.map((a) => ({ value: a, label: t(`meetings.attendance.${a}`), hint: t(`meetings.form.attendanceHints.${a}`) }))}
        />
        {room && (
          <fieldset className="field form-group">
            <legend className="field-label">{t('meetings.form.address')}</legend>
            <TextField {...form.field('location.name')} label={t('meetings.form.venue')} hint={t('meetings.form.venueHint')} />
            <TextField {...form.field('location.formattedAddress')} label={t('meetings.form.formattedAddress')} hint={t('meetings.form.formattedAddressHint')} autoComplete="off" />
            <p className="field-hint">
              {t('meetings.form.coordinatesHint')}{' '}
              <a href="https://www.openstreetmap.org/" target="_blank" rel="noreferrer">
                openstreetmap.org<span className="visually-hidden"> ({t('common.newTab')})</span>
              </a>
            </p>
            <div className="form-row">
              <TextField {...form.field('location.latitude')} label={t('meetings.form.latitude')} inputMode="decimal" />
              <TextField {...form.field('location.longitude')} label={t('meetings.form.longitude')} inputMode="decimal" />
            </div>
            <div>
              <Button variant="secondary" onClick={locate} pending={locating}>
                {t('meetings.form.useHere')}
              </Button>
            </div>
            <TextAreaField {...form.field('location.notes')} label={t('meetings.form.locationNotes')} hint={t('meetings.form.locationNotesHint')} rows={2} />
            <TextField {...form.field('location.region')} label={t('meetings.form.region')} hint={t('meetings.form.regionHint')} />
          </fieldset>
        )}
        {online && (
          <fieldset className="field form-group">
            <legend className="field-label">{t('meetings.form.online')}</legend>
            <TextField {...form.field('conference.url')} type="url" label={t('meetings.form.url')} hint={t('meetings.form.urlHint')} autoComplete="off" />
            <TextField {...form.field('conference.urlNotes')} label={t('meetings.form.urlNotes')} hint={t('meetings.form.urlNotesHint')} />
            <TextField {...form.field('conference.phone')} type="tel" label={t('meetings.form.phone')} hint={t('meetings.form.phoneHint')} />
            <TextField {...form.field('conference.phoneNotes')} label={t('meetings.form.phoneNotes')} />
          </fieldset>
        )}
        {(v.attendance === 'online' || (v.attendance === 'inactive' && !room)) && (
          <TextField {...form.field('approximateAddress')} label={t('meetings.form.approximateAddress')} hint={t('meetings.form.approximateAddressHint')} />
        )}
      </section>

      <section className="form-section" aria-labelledby="meeting-form-about">
        <h2 id="meeting-form-about">{t('meetings.form.about')}</h2>
        <ChipGroup
          multiple
          id={typeField.id}
          name="types"
          legend={t('meetings.form.types')}
          hint={t('meetings.form.typesHint')}
          error={typeField.error}
          options={COMMON_TYPES.map((c) => ({ value: c as string, label: typeName(c, t) }))}
          value={v.types.filter((c) => (COMMON_TYPES as string[]).includes(c))}
          onChange={(sel) => typeField.onChange([...sel, ...v.types.filter((c) => !(COMMON_TYPES as string[]).includes(c))])}
        />
        <details className="disclosure" open={v.types.some((c) => !(COMMON_TYPES as string[]).includes(c)) || undefined}>
          <summary>{t('meetings.finder.moreTypes', { n: OTHER_TYPES.length })}</summary>
          <ChipGroup
            multiple
            id={`${typeField.id}-more`}
            name="types"
            legend={t('meetings.finder.moreTypesLegend')}
            options={OTHER_TYPES.map((c) => ({ value: c as string, label: typeName(c, t) }))}
            value={v.types.filter((c) => !(COMMON_TYPES as string[]).includes(c))}
            onChange={(sel) => typeField.onChange([...v.types.filter((c) => (COMMON_TYPES as string[]).includes(c)), ...sel])}
          />
        </details>
        <TextField {...form.field('customTypes')} label={t('meetings.form.customTypes')} hint={t('meetings.form.customTypesHint', { n: meetingLimits.customTypesMax })} />
        <CheckboxGroup
          {...form.field('languages')}
          legend={t('meetings.form.languages')}
          hint={t('meetings.form.languagesHint')}
          options={[...new Set([...LANGUAGES, ...v.languages])].map((l) => ({ value: l, label: languageName(l, locale) }))}
          value={v.languages}
          onChange={(languages) => setValues((x) => ({ ...x, languages }))}
        />
        <TextAreaField {...form.field('notes')} label={t('meetings.form.notes')} hint={t('meetings.form.notesHint')} rows={4} maxLength={meetingLimits.notesMax} />
        <TextAreaField {...form.field('readings')} label={t('meetings.form.readings')} hint={t('meetings.form.readingsHint')} rows={2} />
      </section>

      <FormActions submitLabel={meeting ? t('meetings.form.save') : t('meetings.form.create')} pending={save.isPending} onCancel={onCancel} />
    </Form>
  );
}
