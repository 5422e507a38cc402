import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Page } from '../../components/Page.tsx';

/** The coordination pages; the coordinator check happens in the router (RequireSignedIn role="coordinator"). */
export function AdminLayout() {
  return <Outlet />;
}

export function AdminPage({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={title} lead={lead && <p>{lead}</p>} wide>
      <nav className="sub-nav" aria-label={t('admin.navLabel')}>
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t('admin.people.title')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/invitations">{t('admin.invites.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/registration">{t('admin.registration.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/activity">{t('admin.activity.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/meetings-import">{t('meetingsImport.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/on-call">{t('safety.onCall.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/responders">{t('safety.responders.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/safety">{t('safety.admin.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/crisis-lines">{t('safety.lines.title')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/mentoring">{t('mentoringAdmin.nav.admin')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/community">{t('communityMod.nav.label')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/resources">{t('resources.nav')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/messaging">{t('messaging.admin.title')}</NavLink>
          </li>
        </ul>
      </nav>
      {children}
    </Page>
  );
}
