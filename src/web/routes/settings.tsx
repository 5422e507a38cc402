import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../contracts/accounts.ts';
import { changePasswordBody, updateMeBody } from '../../contracts/accounts.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Checkbox } from '../components/Choices.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useChangePassword, useMe, useUpdateMe } from '../features/account/api.ts';
import { MessagingSettingsSection } from '../features/messaging/MessagingSettingsSection.tsx';
import { useForm } from '../lib/form.ts';
import { timeZoneOptions } from '../lib/time.ts';

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  return (
    <Page title={t('settings.title')} lead={<p>{t('settings.lead')}</p>}>
      <ProfileForm me={me} />
      <PasswordForm />
      <MessagingSettingsSection timeZone={me.timeZone} />
    </Page>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [saved, setSaved] = useState(false);
  const form = useForm(updateMeBody, { displayName: me.displayName, locale: me.locale as string, timeZone: me.timeZone });
  const { setValues } = form;
  // The header's language switch saves too: keep this form in step so it never saves an outdated choice.
  useEffect(() => setValues((v) => ({ ...v, locale: me.locale })), [me.locale, setValues]);
  const submit = form.handleSubmit(async (body) => {
    setSaved(false);
    await update.mutateAsync(body);
    setSaved(true);
  });
  return (
    <section className="card" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('settings.profileTitle')}</h2>
      <p className="muted">{t('settings.emailNote', { email: me.email })}</p>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
        <TextField {...form.field('displayName')} label={t('fields.displayName')} hint={t('fields.displayNameHint')} autoComplete="nickname" />
        <SelectField
          {...form.field('locale')}
          label={t('fields.language')}
          options={[
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
        />
        <SelectField {...form.field('timeZone')} label={t('fields.timeZone')} hint={t('fields.timeZoneHint')} options={timeZoneOptions(form.values.timeZone)} />
        <div role="status">{saved && <Alert tone="success" title={t('settings.saved')} />}</div>
        <Button type="submit" pending={form.submitting}>
          {t('settings.saveProfile')}
        </Button>
      </Form>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [saved, setSaved] = useState(false);
  const form = useForm(changePasswordBody, { currentPassword: '', newPassword: '', signOutOtherDevices: false as boolean });
  const submit = form.handleSubmit(async (body) => {
    setSaved(false);
    await change.mutateAsync(body);
    form.reset();
    setSaved(true);
  });
  const other = form.field('signOutOtherDevices');
  return (
    <section className="card" aria-labelledby="settings-password">
      <h2 id="settings-password">{t('settings.passwordTitle')}</h2>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
        <TextField {...form.field('currentPassword')} type="password" label={t('fields.currentPassword')} autoComplete="current-password" />
        <TextField {...form.field('newPassword')} type="password" label={t('fields.newPassword')} hint={t('fields.newPasswordHint')} autoComplete="new-password" />
        <Checkbox id={other.id} name={other.name} checked={other.value} onChange={other.onChange} label={t('settings.signOutOthers')} hint={t('settings.signOutOthersHint')} />
        <div role="status">{saved && <Alert tone="success" title={t('settings.passwordChanged')} />}</div>
        <Button type="submit" pending={form.submitting}>
          {t('settings.changePassword')}
        </Button>
      </Form>
    </section>
  );
}
