import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Page } from '../../components/Page.tsx';

/** The member's own pages, in the order a day tends to use them. */
export const JOURNEY_PAGES = ['check-in', 'history', 'sobriety', 'goals', 'toolbox', 'safety-plan', 'sharing', 'profile'] as const;
export type JourneyPageName = (typeof JOURNEY_PAGES)[number];

/** A page of "My journey": the page itself with the journey's own navigation under the heading. */
export function JourneyPage({ title, lead, first, children, announce }: { title: string; lead?: ReactNode; first?: ReactNode; children: ReactNode; announce?: boolean }) {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: bring the current page's link into view.
  useEffect(() => {
    const el = nav.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    if (el && current) el.scrollLeft = current.offsetLeft - (el.clientWidth - current.offsetWidth) / 2;
  }, []);
  return (
    <Page title={title} lead={lead} announce={announce}>
      {/* What the person must see before anything else, e.g. support after a hard check-in. */}
      {first}
      <nav ref={nav} className="sub-nav sub-nav--scroll" aria-label={t('journey.navLabel')}>
        <ul>
          {JOURNEY_PAGES.map((name) => (
            <li key={name}>
              <NavLink to={`/journey/${name}`}>{t(`journey.pages.${name}.nav`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}
