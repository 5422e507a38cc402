import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { signUpBody } from '../../contracts/accounts.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Form } from '../components/Form.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { TextField } from '../components/TextField.tsx';
import { useInviteCheck, useSignUp } from '../features/account/api.ts';
import { CheckEmail } from '../features/account/CheckEmail.tsx';
import { useInstance } from '../features/instance/api.ts';
import { currentLocale } from '../i18n/setup.ts';
import { useForm } from '../lib/form.ts';
import { browserTimeZone, timeZoneOptions } from '../lib/time.ts';

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('invite');
  const invite = useInviteCheck(token);
  const mode = useInstance().data?.registrationMode;
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) return <CheckEmail email={sentTo} />;
  if (token && invite.isPending) return <Loading />;
  const validInvite = token && invite.data ? { token, email: invite.data.email } : null;

  if (mode === 'invite' && !validInvite) {
    return (
      <Page title={t('signUp.inviteOnlyTitle')} lead={<p>{token ? t('signUp.inviteInvalid') : t('signUp.inviteOnlyLead')}</p>}>
        <p>{t('signUp.inviteOnlyHelp')}</p>
        <p>
          <Trans i18nKey="signUp.haveAccount" components={{ signIn: <Link to="/sign-in" /> }} />
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('signUp.title')} lead={<p>{t('signUp.lead')}</p>}>
      {validInvite && <Alert tone="success" title={t('signUp.invited')} />}
      {token && !validInvite && (
        <Alert tone="info">
          <p>{t('signUp.inviteInvalidOpen')}</p>
        </Alert>
      )}
      <SignUpForm invite={validInvite} onDone={setSentTo} />
      <p>
        <Trans i18nKey="signUp.haveAccount" components={{ signIn: <Link to="/sign-in" /> }} />
      </p>
    </Page>
  );
}

function SignUpForm({ invite, onDone }: { invite: { token: string; email: string | null } | null; onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const form = useForm(
    signUpBody,
    { displayName: '', email: invite?.email ?? '', password: '', timeZone: browserTimeZone() },
    (v) => ({ ...v, locale: currentLocale(), ...(invite ? { inviteToken: invite.token } : {}) }),
  );

  const submit = form.handleSubmit(async (body) => {
    await signUp.mutateAsync(body);
    onDone(body.email);
  });

  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
      <TextField {...form.field('displayName')} label={t('fields.displayName')} hint={t('fields.displayNameHint')} autoComplete="nickname" />
      <TextField {...form.field('email')} type="email" label={t('fields.email')} hint={t('fields.emailPrivate')} autoComplete="email" inputMode="email" spellCheck={false} />
      <TextField {...form.field('password')} type="password" label={t('fields.password')} hint={t('fields.newPasswordHint')} autoComplete="new-password" />
      <SelectField {...form.field('timeZone')} label={t('fields.timeZone')} hint={t('fields.timeZoneHint')} options={timeZoneOptions(form.values.timeZone)} />
      <Button type="submit" pending={form.submitting}>
        {t('signUp.submit')}
      </Button>
    </Form>
  );
}
