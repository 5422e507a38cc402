import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { resetPasswordBody } from '../../contracts/accounts.ts';
import { Button } from '../components/Button.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { meKey, useResetPassword } from '../features/account/api.ts';
import { isApiError } from '../lib/api.ts';
import { useForm } from '../lib/form.ts';
import type { SignInNotice } from './sign-in.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reset = useResetPassword();
  const form = useForm(resetPasswordBody, { password: '' }, (v) => ({ ...v, token }));

  const submit = form.handleSubmit(async (body) => {
    await reset.mutateAsync(body);
    // A reset ends every session, including one in this browser.
    queryClient.setQueryData(meKey, null);
    await navigate('/sign-in', { replace: true, state: { notice: 'passwordReset' satisfies SignInNotice } });
  });

  if (token.length < 10) {
    return (
      <Page title={t('reset.noTokenTitle')} lead={<p>{t('reset.noToken')}</p>}>
        <p>
          <Link to="/forgot-password" className="button button--primary">
            {t('reset.newLink')}
          </Link>
        </p>
      </Page>
    );
  }
  const linkFailed = isApiError(reset.error, 'validation_failed') && 'token' in reset.error.fields;
  return (
    <Page title={t('reset.title')} lead={<p>{t('reset.lead')}</p>}>
      <Form
        onSubmit={submit}
        feedback={form.feedback}
        fieldId={form.fieldId}
        summaryRef={form.summaryRef}
        summaryExtra={linkFailed && <Link to="/forgot-password">{t('reset.newLink')}</Link>}
      >
        <TextField {...form.field('password')} type="password" label={t('fields.newPassword')} hint={t('fields.newPasswordHint')} autoComplete="new-password" />
        <Button type="submit" pending={form.submitting}>
          {t('reset.submit')}
        </Button>
      </Form>
    </Page>
  );
}
