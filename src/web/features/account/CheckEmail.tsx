import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Page } from '../../components/Page.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useResendVerification } from './api.ts';

/** After sign-up: where the link went, what to do if it does not arrive. */
export function CheckEmail({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const [resent, setResent] = useState(false);
  return (
    <Page announce title={t('checkEmail.title')} lead={<p>{t('checkEmail.lead', { email })}</p>}>
      <p>{t('checkEmail.expiry')}</p>
      <p>{t('checkEmail.existing')}</p>
      <div role="status">
        {resent && <Alert tone="success" title={t('checkEmail.resent')} />}
        {resend.isError && <Alert tone="error" title={errorMessage(resend.error, t)} />}
      </div>
      <div className="actions">
        <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate(email, { onSuccess: () => setResent(true) })}>
          {t('checkEmail.resend')}
        </Button>
        <Link to="/sign-in" className="button button--quiet">
          {t('nav.signIn')}
        </Link>
      </div>
    </Page>
  );
}
