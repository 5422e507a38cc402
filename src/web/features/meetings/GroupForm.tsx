import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PATHWAYS } from '../../../contracts/journey.ts';
import { CONFERENCE_VISIBILITY, GROUP_MEMBERSHIP, GROUP_VISIBILITY, groupBody, meetingLimits } from '../../../contracts/meetings.ts';
import { CheckboxGroup, RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { type Group, useSaveGroup } from './api.ts';
import { languageName } from './format.ts';
import { checkBody, placeServerError } from './nested-form.ts';

const LANGUAGES = ['en', 'es'];

/** Start a group (the starter becomes its facilitator) or change one. */
export function GroupForm({ group, onSaved, onCancel }: { group?: Group; onSaved: (g: Group) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const save = useSaveGroup(group?.id);
  const form = useForm(groupBody, {
    name: group?.name ?? '',
    description: group?.description ?? '',
    pathway: (group?.pathway ?? 'twelve_step') as string,
    fellowship: group?.fellowship ?? '',
    languages: group?.languages ?? [locale],
    visibility: (group?.visibility ?? 'public') as string,
    membership: (group?.membership ?? 'open') as string,
    conferenceVisibility: (group?.conferenceVisibility ?? 'public') as string,
  });
  // The same checks and wording as the meeting form (lib/form.ts's generic ones would say "characters" of a list).
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBody(groupBody, form.values, form.values, t);
    if (!checked.ok) return form.showError(checked.error);
    try {
      onSaved(await save.mutateAsync(checked.data));
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(form.values)));
    }
  };
  const radio = <K extends 'visibility' | 'membership' | 'conferenceVisibility'>(name: K, values: readonly string[]) => (
    <RadioGroup
      {...form.field(name)}
      legend={t(`meetings.groupForm.${name}`)}
      value={form.values[name]}
      onChange={(v: string) => form.setValues((x) => ({ ...x, [name]: v }))}
      options={values.map((v) => ({ value: v, label: t(`meetings.groupForm.${name}Options.${v}`), hint: t(`meetings.groupForm.${name}Hints.${v}`) }))}
    />
  );
  return (
    <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={group ? t('meetings.groupForm.editTitle') : t('meetings.groupForm.newTitle')}>
      <TextField {...form.field('name')} label={t('meetings.groupForm.name')} hint={t('meetings.groupForm.nameHint')} />
      <TextAreaField {...form.field('description')} label={t('meetings.groupForm.description')} hint={t('meetings.groupForm.descriptionHint')} rows={4} maxLength={meetingLimits.descriptionMax} />
      <SelectField {...form.field('pathway')} label={t('meetings.groupForm.pathway')} options={PATHWAYS.map((p) => ({ value: p, label: t(`journey.pathways.${p}`) }))} />
      <TextField {...form.field('fellowship')} label={t('meetings.groupForm.fellowship')} hint={t('meetings.groupForm.fellowshipHint')} />
      <CheckboxGroup
        {...form.field('languages')}
        legend={t('meetings.groupForm.languages')}
        options={[...new Set([...LANGUAGES, ...form.values.languages])].map((l) => ({ value: l, label: languageName(l, locale) }))}
        value={form.values.languages}
        onChange={(languages) => form.setValues((x) => ({ ...x, languages }))}
      />
      {radio('visibility', GROUP_VISIBILITY)}
      {radio('membership', GROUP_MEMBERSHIP)}
      {radio('conferenceVisibility', CONFERENCE_VISIBILITY)}
      <FormActions submitLabel={group ? t('meetings.groupForm.save') : t('meetings.groupForm.create')} pending={save.isPending} onCancel={onCancel} />
    </Form>
  );
}
