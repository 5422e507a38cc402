import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { setupBody } from '../../contracts/accounts.ts';
import type { InstanceInfo } from '../../contracts/instance.ts';
import { Button } from '../components/Button.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useMe } from '../features/account/api.ts';
import { instanceKey, useInstance, useSetup } from '../features/instance/api.ts';
import { currentLocale } from '../i18n/setup.ts';
import { useForm } from '../lib/form.ts';
import { browserTimeZone, timeZoneOptions } from '../lib/time.ts';

export function SetupPage() {
  const { t } = useTranslation();
  const instance = useInstance().data;
  const me = useMe().data;
  if (instance && !instance.setupRequired) {
    return (
      <Page title={t('setup.doneTitle')} lead={<p>{t('setup.doneLead')}</p>}>
        <p>
          <Link to={me ? '/' : '/sign-in'} className="button button--primary">
            {me ? t('nav.home') : t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  }
  return <SetupForm />;
}

function SetupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setup = useSetup();
  const form = useForm(setupBody, { displayName: '', email: '', password: '', timeZone: browserTimeZone() }, (v) => ({ ...v, locale: currentLocale() }));

  const submit = form.handleSubmit(async (body) => {
    await setup.mutateAsync(body);
    queryClient.setQueryData<InstanceInfo>(instanceKey, (old) => old && { ...old, setupRequired: false });
    await navigate('/');
  });

  return (
    <Page title={t('setup.title')} lead={<p>{t('setup.lead')}</p>}>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
        <TextField {...form.field('displayName')} label={t('fields.displayName')} hint={t('fields.displayNameHint')} autoComplete="nickname" />
        <TextField {...form.field('email')} type="email" label={t('fields.email')} hint={t('setup.emailHint')} autoComplete="email" inputMode="email" spellCheck={false} />
        <TextField {...form.field('password')} type="password" label={t('fields.password')} hint={t('fields.newPasswordHint')} autoComplete="new-password" />
        <SelectField {...form.field('timeZone')} label={t('fields.timeZone')} hint={t('fields.timeZoneHint')} options={timeZoneOptions(form.values.timeZone)} />
        <Button type="submit" pending={form.submitting}>
          {t('setup.submit')}
        </Button>
      </Form>
    </Page>
  );
}
