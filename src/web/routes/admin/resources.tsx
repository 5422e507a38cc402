import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';

/** Placeholder: being built. */
export function ResourcesAdminPage() {
  const { t } = useTranslation();
  return <Page title={t('resources.title')}>{null}</Page>;
}
