import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={<p>{t('notFound.lead')}</p>}>
      <p>
        <Link to="/" className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
