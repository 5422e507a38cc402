import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailOnlyBody } from '../../../contracts/accounts.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Form } from '../../components/Form.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../lib/form.ts';
import { useResendVerification } from './api.ts';

/** Asks for a fresh confirmation link. The answer is the same whether or not the address has an account. */
export function NewLinkForm() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm(emailOnlyBody, { email: '' });
  const submit = form.handleSubmit(async ({ email }) => {
    await resend.mutateAsync(email);
    setSentTo(email);
  });
  return (
    <>
      <h2>{t('verify.newLinkTitle')}</h2>
      <div role="status">{sentTo && <Alert tone="success" title={t('verify.newLinkSent', { email: sentTo })} />}</div>
      <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
        <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="email" inputMode="email" spellCheck={false} />
        <Button type="submit" variant="secondary" pending={form.submitting}>
          {t('checkEmail.resend')}
        </Button>
      </Form>
    </>
  );
}
