import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '../components/Alert.tsx';
import { AppShell } from '../components/AppShell.tsx';
import { Loading } from '../components/Loading.tsx';
import { useMe } from '../features/account/api.ts';
import { useSavedLanguage } from '../features/account/use-language.ts';
import { useInstance } from '../features/instance/api.ts';

/** The frame of every page. While the instance has no coordinator yet, every page leads to /setup. */
export function Root() {
  const { t } = useTranslation();
  const instance = useInstance();
  const me = useMe();
  const { pathname } = useLocation();
  useSavedLanguage();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  let content;
  if (instance.isPending || me.isPending) content = <Loading />;
  else if (instance.isError || me.isError) {
    content = (
      <div className="page">
        <Alert tone="error" title={t('errors.unavailableTitle')}>
          <p>{t('errors.unavailable')}</p>
        </Alert>
      </div>
    );
  } else if (instance.data.setupRequired && pathname !== '/setup' && pathname !== '/help') {
    // Help stays reachable even before setup: crisis lines are never one redirect away.
    content = <Navigate to="/setup" replace />;
  }
  else content = <Outlet />;

  return <AppShell>{content}</AppShell>;
}
