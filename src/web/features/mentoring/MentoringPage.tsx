import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../account/api.ts';
import '../../styles/mentoring.css';

/** A page of mentoring with its own navigation: finding a mentor (members), and mentees and profile (peer supporters). */
export function MentoringPage({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const roles = useMe().data?.roles ?? [];
  const links = [
    ...(roles.includes('member') ? [{ to: '/mentoring', label: t('mentoring.nav.find'), end: true }] : []),
    ...(roles.includes('peer_supporter')
      ? [
          { to: '/mentoring/caseload', label: t('mentoring.nav.caseload'), end: false },
          { to: '/mentoring/profile', label: t('mentoring.nav.profile'), end: false },
        ]
      : []),
  ];
  return (
    <Page title={title} lead={lead}>
      {links.length > 1 && (
        <nav className="sub-nav" aria-label={t('mentoring.nav.label')}>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end={l.end}>
                  {l.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="mentoring">{children}</div>
    </Page>
  );
}
