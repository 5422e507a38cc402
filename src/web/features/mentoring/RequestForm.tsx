import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PATHWAYS, STAGES } from '../../../contracts/journey.ts';
import { CONTACT_MODES, GENDERS, menteeRequestBody, mentoringLimits } from '../../../contracts/mentoring.ts';
import { ChipGroup } from '../../components/Chips.tsx';
import { CheckboxGroup, RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { timeZoneOptions } from '../../lib/time.ts';
import { type MenteeRequest, useSaveRequest } from './api.ts';
import { AvailabilityEditor, toRow, toWindow, type WindowRow } from './AvailabilityEditor.tsx';
import { checkBody, placeServerError } from './form.ts';
import { COMMON_LANGUAGES, languageLabel } from './format.ts';

/** What the form starts from when there is no request yet: the recovery profile and the account's zone. */
export interface RequestDefaults {
  pathways: string[];
  languages: string[];
  stage: string | null;
  timeZone: string;
}

const ANY = 'any';
const UNSAID = 'unsaid';

function initialValues(request: MenteeRequest | null, defaults: RequestDefaults) {
  return {
    pathways: (request?.pathways ?? defaults.pathways) as string[],
    languages: request?.languages ?? defaults.languages,
    genderPreference: (request?.genderPreference ?? ANY) as string,
    timeZone: request?.timeZone ?? defaults.timeZone,
    availability: (request?.availability ?? []).map(toRow) as WindowRow[],
    contactModes: (request?.contactModes ?? []) as string[],
    stage: (request ? (request.stage ?? UNSAID) : (defaults.stage ?? UNSAID)) as string,
    note: request?.note ?? '',
  };
}
type Values = ReturnType<typeof initialValues>;

const toBody = (v: Values) => ({
  ...v,
  genderPreference: v.genderPreference === ANY ? null : v.genderPreference,
  stage: v.stage === UNSAID ? null : v.stage,
  availability: v.availability.map(toWindow),
});

/** What a member is looking for in a mentor: new, or changed while they wait. */
export function RequestForm({ request, defaults, onSaved, onCancel, startsSearch }: {
  request: MenteeRequest | null;
  defaults: RequestDefaults;
  onSaved: (r: MenteeRequest) => void;
  onCancel?: () => void;
  /** Saving puts the member (back) on the list, rather than changing the answers of a search under way. */
  startsSearch: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveRequest();
  const form = useForm(menteeRequestBody, initialValues(request, defaults), toBody);
  const { values: v } = form;
  const names = Object.keys(v);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const checked = checkBody(menteeRequestBody, toBody(v), v, t);
    if (!checked.ok) return form.showError(checked.error);
    setSaving(true);
    try {
      onSaved(await save.mutateAsync(checked.data));
    } catch (err) {
      form.showError(placeServerError(err, names));
    } finally {
      setSaving(false);
    }
  };
  const languageOptions = [...new Set([...COMMON_LANGUAGES, ...v.languages])].map((code) => ({ value: code, label: languageLabel(code, locale) }));
  const availability = form.field('availability');
  return (
    <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t(startsSearch ? 'mentoring.request.formTitle' : 'mentoring.request.editTitle')}>
      <CheckboxGroup
        {...form.field('pathways')}
        legend={t('mentoring.request.pathways')}
        hint={t('mentoring.request.pathwaysHint')}
        options={PATHWAYS.map((p) => ({ value: p, label: t(`journey.pathways.${p}`) }))}
      />
      <ChipGroup multiple {...form.field('languages')} legend={t('mentoring.request.languages')} hint={t('mentoring.request.languagesHint')} options={languageOptions} />
      <RadioGroup
        {...form.field('genderPreference')}
        legend={t('mentoring.request.gender')}
        hint={t('mentoring.request.genderHint')}
        options={[{ value: ANY, label: t('mentoring.request.genderAny') }, ...GENDERS.map((g) => ({ value: g, label: t(`mentoring.request.genderPrefer.${g}`) }))]}
      />
      <ChipGroup multiple {...form.field('contactModes')} legend={t('mentoring.request.modes')} hint={t('mentoring.request.modesHint')} options={CONTACT_MODES.map((m) => ({ value: m, label: t(`mentoring.modes.${m}`) }))} />
      <SelectField {...form.field('timeZone')} label={t('mentoring.fields.timeZone')} hint={t('mentoring.request.timeZoneHint')} options={timeZoneOptions(v.timeZone)} />
      <AvailabilityEditor id={availability.id} legend={t('mentoring.request.availability')} hint={t('mentoring.request.availabilityHint')} error={availability.error} value={availability.value} onChange={availability.onChange} />
      <RadioGroup
        {...form.field('stage')}
        legend={t('mentoring.request.stage')}
        hint={t('mentoring.request.stageHint')}
        options={[...STAGES.map((s) => ({ value: s as string, label: t(`journey.stages.${s}.name`) })), { value: UNSAID, label: t('mentoring.request.stageUnsaid') }]}
      />
      <TextAreaField {...form.field('note')} label={t('mentoring.request.note')} hint={t('mentoring.request.noteHint', { max: mentoringLimits.noteMax })} maxLength={mentoringLimits.noteMax} rows={4} />
      <p className="muted">{t('mentoring.request.privacy')}</p>
      <FormActions submitLabel={t(startsSearch ? 'mentoring.request.submit' : 'mentoring.request.saveChanges')} pending={save.isPending || saving} onCancel={onCancel} />
    </Form>
  );
}
