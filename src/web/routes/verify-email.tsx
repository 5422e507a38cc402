import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe, useVerifyEmail } from '../features/account/api.ts';
import { NewLinkForm } from '../features/account/NewLinkForm.tsx';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token');
  const verify = useVerifyEmail();
  const me = useMe().data;
  const sent = useRef<string | null>(null);

  useEffect(() => {
    // Once per token, even when React runs effects twice in development.
    if (token && sent.current !== token) {
      sent.current = token;
      verify.mutate(token);
    }
  }, [token, verify]);

  if (token && (verify.isIdle || verify.isPending)) return <Loading label={t('verify.checking')} />;
  if (verify.isSuccess) {
    return (
      <Page title={t('verify.doneTitle')} lead={<p>{t('verify.doneLead')}</p>}>
        <p>
          <Link to={me ? '/' : '/sign-in'} state={{ notice: 'emailConfirmed' }} className="button button--primary">
            {me ? t('nav.home') : t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('verify.failedTitle')} lead={<p>{t(token ? 'verify.failedLead' : 'verify.noToken')}</p>}>
      <NewLinkForm />
    </Page>
  );
}
