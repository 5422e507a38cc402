import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { NotFoundPage } from '../../routes/not-found.tsx';
import { useMe } from '../account/api.ts';

/**
 * A category, topic or post that is not there for this reader. The server never says whether it exists; someone
 * signed out is told that some of the community is for members, with a way to sign in and come back here.
 */
export function NotFoundHere() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { pathname, hash } = useLocation();
  if (me !== null) return <NotFoundPage />;
  return (
    <Page title={t('notFound.title')} lead={<p>{t('community.notFound.signedOut')}</p>}>
      <div className="actions">
        <Link to={`/sign-in?next=${encodeURIComponent(pathname + hash)}`} className="button button--primary">
          {t('community.index.signIn')}
        </Link>
        <Link to="/community" className="button button--secondary">
          {t('community.notFound.back')}
        </Link>
      </div>
    </Page>
  );
}
