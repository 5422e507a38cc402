import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../account/api.ts';
import '../../styles/mentoring.css';
import '../../styles/community.css';

/** A page of the forum: the page itself, then what must come first (crisis help), then the forum's own navigation. */
export function CommunityPage({ title, lead, first, children, wide = false }: { title: string; lead?: ReactNode; first?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: bring the current page's link into view.
  useEffect(() => {
    const el = nav.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    if (el && current) el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
  }, []);
  const links = [
    { to: '/community', label: t('community.nav.categories'), end: true },
    { to: '/community/search', label: t('community.nav.search'), end: false },
    { to: '/community/guidelines', label: t('community.nav.guidelines'), end: false },
    ...(me ? [{ to: '/community/notices', label: t('community.nav.notices'), end: false }] : []),
    // Moderators reach the queue from the main navigation (with its count).
  ];
  return (
    <Page title={title} lead={lead} wide={wide}>
      {/* What the person must see before anything else: crisis help after they shared something very hard. */}
      {first}
      <nav ref={nav} className="sub-nav sub-nav--scroll community-nav" aria-label={t('community.nav.label')}>
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
      <div className="community">{children}</div>
    </Page>
  );
}
