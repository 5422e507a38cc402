import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceLimits, resourceSettingsBody } from '../../../../contracts/resources.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Form, FormActions } from '../../../components/Form.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useForm } from '../../../lib/form.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { type ResourceSettings, useResourceSettings, useSaveResourceSettings } from '../api.ts';

/** How long an entry stays "verified", and the country phone numbers written without a country code are read in. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const settings = useResourceSettings();
  return (
    <section className="resource-section" aria-labelledby="admin-settings">
      <h2 id="admin-settings">{t('resources.admin.settings')}</h2>
      {settings.isPending && <Loading />}
      {settings.isError && <Alert tone="error" title={errorMessage(settings.error, t)} />}
      {settings.data && <SettingsForm settings={settings.data} />}
    </section>
  );
}

function SettingsForm({ settings }: { settings: ResourceSettings }) {
  const { t } = useTranslation();
  const save = useSaveResourceSettings();
  const [saved, setSaved] = useState(false);
  const form = useForm(resourceSettingsBody, { reverifyAfterDays: String(settings.reverifyAfterDays), phoneCountry: settings.phoneCountry }, (v) => ({
    reverifyAfterDays: v.reverifyAfterDays.trim() === '' ? undefined : Number(v.reverifyAfterDays),
    phoneCountry: v.phoneCountry,
  }));
  const days = { min: resourceLimits.reverifyDaysMin, max: resourceLimits.reverifyDaysMax };
  const send = form.handleSubmit(async (body) => {
    setSaved(false);
    await save.mutateAsync(body);
    setSaved(true);
  });
  // Said in this form's own words: the shared messages speak of characters, not days or countries.
  const submit = (e: FormEvent) => {
    const n = Number(form.values.reverifyAfterDays);
    const fields: Record<string, string> = {};
    if (!Number.isInteger(n) || n < days.min || n > days.max) fields.reverifyAfterDays = t('resources.admin.reverifyDaysError', days);
    if (!/^\s*[A-Za-z]{2}\s*$/.test(form.values.phoneCountry)) fields.phoneCountry = t('resources.admin.phoneCountryError');
    if (Object.keys(fields).length === 0) return send(e);
    e.preventDefault();
    form.showError(new ApiError(422, 'validation_failed', t('form.fixFields'), fields));
  };
  return (
    <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('resources.admin.settings')}>
      <TextField {...form.field('reverifyAfterDays')} type="number" inputMode="numeric" label={t('resources.admin.reverifyDays')} hint={t('resources.admin.reverifyDaysHint', days)} />
      <TextField {...form.field('phoneCountry')} label={t('resources.admin.phoneCountry')} hint={t('resources.admin.phoneCountryHint')} autoComplete="off" spellCheck={false} />
      <div role="status">{saved && <Alert tone="success" title={t('resources.admin.settingsSaved')} />}</div>
      <FormActions submitLabel={t('resources.admin.saveSettings')} pending={form.submitting} />
    </Form>
  );
}
