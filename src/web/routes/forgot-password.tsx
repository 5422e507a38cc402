import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { emailOnlyBody } from '../../contracts/accounts.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useRequestPasswordReset } from '../features/account/api.ts';
import { useForm } from '../lib/form.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm(emailOnlyBody, { email: '' });
  const submit = form.handleSubmit(async ({ email }) => {
    await request.mutateAsync(email);
    setSentTo(email);
  });

  if (sentTo) {
    return (
      <Page announce title={t('forgot.sentTitle')} lead={<p>{t('forgot.sentLead', { email: sentTo })}</p>}>
        <p>{t('forgot.sentHelp')}</p>
        <p>
          <Link to="/sign-in" className="button button--secondary">
            {t('forgot.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('forgot.title')} lead={<p>{t('forgot.lead')}</p>}>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
        <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="email" inputMode="email" spellCheck={false} />
        <Button type="submit" pending={form.submitting}>
          {t('forgot.submit')}
        </Button>
      </Form>
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </Page>
  );
}
