import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { AdminPage } from '../../../routes/admin/layout.tsx';
import './moderation.css';

/** The forum's coordination pages, under the coordination navigation, with a lighter second row. */
export function CommunityAdminPage({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AdminPage title={title} lead={lead}>
      <nav className="sub-nav mod-admin-nav" aria-label={t('communityMod.nav.label')}>
        <ul>
          <li>
            <NavLink to="/admin/community" end>
              {t('communityMod.nav.categories')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/community/rules">{t('communityMod.nav.rules')}</NavLink>
          </li>
          <li>
            <Link to="/community/moderation">{t('communityMod.nav.queue')}</Link>
          </li>
        </ul>
      </nav>
      {children}
    </AdminPage>
  );
}
