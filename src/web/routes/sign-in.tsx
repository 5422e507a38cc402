import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { signInBody } from '../../contracts/accounts.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { Form } from '../components/Form.tsx';
import { Page } from '../components/Page.tsx';
import { TextField } from '../components/TextField.tsx';
import { useResendVerification, useSignIn } from '../features/account/api.ts';
import { safeNext } from '../features/account/guards.tsx';
import { isApiError } from '../lib/api.ts';
import { useForm } from '../lib/form.ts';

/** Arriving from another page with good news to show above the form. */
export type SignInNotice = 'passwordReset' | 'emailConfirmed';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const notice = (useLocation().state as { notice?: SignInNotice } | null)?.notice;
  const signIn = useSignIn();
  const resend = useResendVerification();
  const [resent, setResent] = useState(false);
  const form = useForm(signInBody, { email: '', password: '' });

  const submit = form.handleSubmit(async (body) => {
    setResent(false);
    await signIn.mutateAsync(body);
    await navigate(safeNext(params.get('next')), { replace: true });
  });

  const needsVerification = isApiError(signIn.error, 'email_not_verified');

  return (
    <Page title={t('signIn.title')} lead={<p>{t('signIn.lead')}</p>}>
      {notice && <Alert tone="success" title={t(`signIn.notice.${notice}`)} />}
      <Form
        onSubmit={submit}
        feedback={form.feedback}
        fieldId={form.fieldId}
        summaryRef={form.summaryRef}
        tone={needsVerification ? 'warning' : 'error'}
        summaryExtra={
          needsVerification && (
            <div className="alert-actions">
              {resent ? (
                <p>{t('signIn.resent')}</p>
              ) : (
                <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate(form.values.email, { onSuccess: () => setResent(true) })}>
                  {t('checkEmail.resend')}
                </Button>
              )}
            </div>
          )
        }
      >
        <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="email" inputMode="email" spellCheck={false} />
        <TextField {...form.field('password')} type="password" label={t('fields.password')} autoComplete="current-password" />
        <Button type="submit" pending={form.submitting}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p>
        <Trans i18nKey="signIn.noAccount" components={{ signUp: <Link to="/sign-up" /> }} />
      </p>
    </Page>
  );
}
