import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Shown instead of the library when the server asks for an account: a way to sign in and come back here. */
export function SignInFirst() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <div className="card card--quiet">
      <p>{t('coping.signInToRead')}</p>
      <Link to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} className="button button--primary">
        {t('nav.signIn')}
      </Link>
    </div>
  );
}
