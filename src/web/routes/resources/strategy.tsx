import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';

/** Placeholder: being built. */
export function StrategyPage() {
  const { t } = useTranslation();
  return <Page title={t('coping.title')}>{null}</Page>;
}
