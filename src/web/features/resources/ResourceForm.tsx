import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LOCALES, type Locale } from '../../../contracts/common.ts';
import { RESOURCE_CATEGORIES, RESOURCE_COSTS, resourceInput, resourceLimits } from '../../../contracts/resources.ts';
import { Checkbox, CheckboxGroup, RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { ApiError } from '../../lib/api.ts';
import { useListFormFeedback } from '../../lib/list-form.ts';
import { errorMessage } from '../../lib/messages.ts';
import type { Resource, ResourceBody } from './api.ts';
import { languageName } from './format.ts';
import { HoursEditor } from './HoursEditor.tsx';
import { COMMON_LANGUAGES, fieldNames, initialValues, inputFor, otherLocale, type ResourceFormValues, toBody } from './resource-form-values.ts';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

interface ResourceFormProps {
  /** A coordinator's entry (who sees it, the crisis screen), or a member's suggestion for coordinators to review. */
  mode: 'coordinator' | 'suggestion';
  resource?: Resource | undefined;
  submitLabel: string;
  /** Sends the checked body; throws the API's error, whose fields are placed on the inputs. */
  onSubmit: (body: ResourceBody) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A directory entry, whole: what it is, the same in the other language, how to reach it, where, when, languages and
 * cost. The shared schema checks it before it is sent; the server's answer (a phone number it cannot dial, a
 * website that is not http or https) lands on the same inputs, and focus goes to the first one to change.
 */
export function ResourceForm({ mode, resource, submitLabel, onSubmit, onCancel }: ResourceFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [v, setValues] = useState<ResourceFormValues>(() => initialValues(resource, locale));
  const [submitting, setSubmitting] = useState(false);
  const fieldId = (name: string) => `resource-form-${name.replaceAll('.', '-')}`;
  const { feedback, setFeedback, fail, setFocus, summaryRef } = useListFormFeedback(() => fieldNames(v, mode), fieldId);
  const set = <K extends keyof ResourceFormValues>(name: K) => (value: ResourceFormValues[K]) => setValues((x) => ({ ...x, [name]: value }));
  const error = (name: string) => feedback.fields[name];
  const text = (name: keyof ResourceFormValues & string) => ({ id: fieldId(name), name, error: error(name), value: v[name] as string, onChange: set(name) as (s: string) => void });

  const messageFor = (name: string, issue: z.core.$ZodIssue) => {
    const leaf = name.replace(/^hours\.periods\.\d+\./, 'period.');
    for (const key of [`resources.form.errors.${leaf}.${issue.code}`, `resources.form.errors.${leaf}.any`]) {
      const said = t(key, { defaultValue: '', maximum: 'maximum' in issue ? Number(issue.maximum) : 0 });
      if (said) return said;
    }
    return issue.code === 'too_big' ? t('validation.too_big', { maximum: Number(issue.maximum) }) : t('validation.custom');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return;
    const names = fieldNames(v, mode);
    const parsed = resourceInput.safeParse(toBody(v, mode));
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const name = inputFor(issue.path.map(String).join('.'), v, names);
        if (name) fields[name] ??= messageFor(name, issue);
      }
      return fail(fields, t('form.fixFields'));
    }
    setFeedback({ summary: null, fields: {} });
    setSubmitting(true);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      const fields: Record<string, string> = {};
      let unplaced: string | undefined;
      if (err instanceof ApiError) {
        for (const [path, message] of Object.entries(err.fields)) {
          const name = inputFor(path, v, names);
          if (name) fields[name] ??= message;
          else unplaced ??= message;
        }
      }
      fail(fields, unplaced ?? (Object.keys(fields).length ? t('form.fixFields') : errorMessage(err, t)));
    } finally {
      setSubmitting(false);
    }
  };

  const other = otherLocale(v.locale);
  return (
    <Form onSubmit={(e) => void submit(e)} feedback={feedback} fieldId={fieldId} summaryRef={summaryRef} label={submitLabel}>
      <section className="form-section" aria-labelledby="resource-form-what">
        <h2 id="resource-form-what">{t('resources.form.what')}</h2>
        <TextField {...text('name')} label={t('resources.form.name')} hint={t('resources.form.nameHint')} />
        <SelectField {...text('category')} label={t('resources.form.category')} options={RESOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`resources.categories.${c}`) }))} />
        <TextAreaField {...text('description')} label={t('resources.form.description')} hint={t('resources.form.descriptionHint')} rows={4} maxLength={resourceLimits.description} />
        {mode === 'coordinator' && (
          <RadioGroup
            id={fieldId('audience')}
            name="audience"
            legend={t('resources.form.audience')}
            error={error('audience')}
            value={v.audience}
            onChange={set('audience')}
            options={[
              { value: 'public', label: t('resources.form.audiencePublic'), hint: t('resources.form.audiencePublicHint') },
              { value: 'members', label: t('resources.form.audienceMembers'), hint: t('resources.form.audienceMembersHint') },
            ]}
          />
        )}
        <RadioGroup<Locale>
          id={fieldId('locale')}
          name="locale"
          legend={t('resources.form.locale')}
          value={v.locale}
          onChange={set('locale')}
          options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{LANGUAGE_NAMES[l]}</span> }))}
        />
        <fieldset className="field form-group">
          <legend className="field-label">{t('resources.form.translation', { language: LANGUAGE_NAMES[other] })}</legend>
          <p className="field-hint">{t('resources.form.translationHint')}</p>
          <TextField {...text('translation.name')} label={t('resources.form.translationName', { language: LANGUAGE_NAMES[other] })} />
          <TextAreaField {...text('translation.description')} label={t('resources.form.translationDescription', { language: LANGUAGE_NAMES[other] })} rows={4} maxLength={resourceLimits.description} />
        </fieldset>
      </section>

      <section className="form-section" aria-labelledby="resource-form-reach">
        <h2 id="resource-form-reach">{t('resources.form.reach')}</h2>
        <TextField {...text('phone')} type="tel" autoComplete="off" label={t('resources.form.phone')} hint={t('resources.form.phoneHint')} />
        <div className="form-row">
          <TextField {...text('textLine.number')} type="tel" autoComplete="off" label={t('resources.form.textNumber')} hint={t('resources.form.textNumberHint')} />
          <TextField {...text('textLine.keyword')} label={t('resources.form.textKeyword')} hint={t('resources.form.textKeywordHint')} />
        </div>
        <TextField {...text('website')} type="url" autoComplete="off" spellCheck={false} label={t('resources.form.website')} hint={t('resources.form.websiteHint')} />
        <fieldset className="field choices">
          <legend className="field-label">{t('resources.form.how')}</legend>
          <Checkbox id={fieldId('inPerson')} name="inPerson" checked={v.inPerson} onChange={set('inPerson')} label={t('resources.card.inPerson')} />
          <Checkbox id={fieldId('online')} name="online" checked={v.online} onChange={set('online')} label={t('resources.form.onlineOrPhone')} />
        </fieldset>
      </section>

      <section className="form-section" aria-labelledby="resource-form-where">
        <h2 id="resource-form-where">{t('resources.form.where')}</h2>
        <TextAreaField {...text('address')} label={t('resources.form.address')} hint={t('resources.form.addressHint')} rows={2} maxLength={resourceLimits.address} />
        <p className="field-hint">{t('resources.form.coordinatesHint')}</p>
        <div className="form-row">
          <TextField {...text('location.lat')} inputMode="decimal" label={t('resources.form.lat')} />
          <TextField {...text('location.lng')} inputMode="decimal" label={t('resources.form.lng')} />
        </div>
        <HoursEditor
          mode={v['hours.mode']}
          timeZone={v['hours.timeZone']}
          periods={v.periods}
          onMode={set('hours.mode')}
          onTimeZone={set('hours.timeZone')}
          onPeriods={set('periods')}
          fieldId={fieldId}
          error={error}
          setFocus={setFocus}
        />
      </section>

      <section className="form-section" aria-labelledby="resource-form-who">
        <h2 id="resource-form-who">{t('resources.form.who')}</h2>
        <CheckboxGroup
          id={fieldId('languages')}
          name="languages"
          legend={t('resources.form.languages')}
          error={error('languages')}
          options={COMMON_LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) }))}
          value={v.languages}
          onChange={set('languages')}
        />
        <TextField {...text('otherLanguages')} label={t('resources.form.otherLanguages')} hint={t('resources.form.otherLanguagesHint')} spellCheck={false} />
        <CheckboxGroup
          id={fieldId('costs')}
          name="costs"
          legend={t('resources.form.costs')}
          error={error('costs')}
          options={RESOURCE_COSTS.map((c) => ({ value: c as string, label: t(`resources.costs.${c}`) }))}
          value={v.costs}
          onChange={set('costs')}
        />
        <TextField {...text('costNote')} label={t('resources.form.costNote')} hint={t('resources.form.costNoteHint')} />
        <TextAreaField {...text('eligibility')} label={t('resources.form.eligibility')} hint={t('resources.form.eligibilityHint')} rows={2} maxLength={resourceLimits.eligibility} />
        {mode === 'coordinator' && v.category === 'crisis_lines' && (
          <Checkbox id={fieldId('crisisScreen')} name="crisisScreen" checked={v.crisisScreen} onChange={set('crisisScreen')} label={t('resources.form.crisisScreen')} hint={t('resources.form.crisisScreenHint')} />
        )}
      </section>

      <FormActions submitLabel={submitLabel} pending={submitting} onCancel={onCancel} />
    </Form>
  );
}
