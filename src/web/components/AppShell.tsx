import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { useMe, useSignOut } from '../features/account/api.ts';
import { useInstance } from '../features/instance/api.ts';
import { MentoringNavLink, NotificationsNavLink } from '../features/mentoring/NavLinks.tsx';
import { ModerationNavLink } from '../features/community/moderation/ModerationNavLink.tsx';
import { MessagesNavLink } from '../features/messaging/MessagesNavLink.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Skip link, header with navigation and language, the main landmark, and a footer with where to find urgent help. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const name = useInstance().data?.name ?? 'Kindred';
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <header className="site-header">
        {/* One tap from every page, signed in or not; signed in, asking people here for support is one tap too. */}
        <div className="help-band">
          <Link to="/help" className="help-now">
            <span className="help-now-icon" aria-hidden="true" />
            {t('nav.help')}
          </Link>
          <SosLink />
        </div>
        <div className="site-header-bar">
          <Link to="/" className="brand">
            <img src="/icon.svg" alt="" width="32" height="32" />
            <span>{name}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <MainNav />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer.crisis')}</p>
        <p className="muted">{t('footer.about', { name })}</p>
      </footer>
    </>
  );
}

function SosLink() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Link to="/sos" className="help-now help-now--sos">
      {t('safety.sos.button')}
    </Link>
  );
}

/** Peer supporters, professionals and coordinators answer escalations. */
const RESPONDER_ROLES = ['peer_supporter', 'professional', 'coordinator'] as const;

function MainNav() {
  const { t } = useTranslation();
  const me = useMe().data;
  const signOut = useSignOut();
  const setupRequired = useInstance().data?.setupRequired;
  // Before setup every page leads to /setup: links elsewhere would only bounce back.
  if (me === undefined || setupRequired !== false) return null;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {me ? (
          <>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {me.roles.includes('member') && (
              <li>
                <NavLink to="/journey">{t('nav.journey')}</NavLink>
              </li>
            )}
            <MentoringNavLink me={me} />
            <MessagesNavLink />
            <li>
              <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/community">{t('community.shell.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/resources">{t('resources.nav')}</NavLink>
            </li>
            {me.roles.some((r) => (RESPONDER_ROLES as readonly string[]).includes(r)) && (
              <li>
                <NavLink to="/escalations">{t('safety.inbox.nav')}</NavLink>
              </li>
            )}
            <ModerationNavLink me={me} />
            <NotificationsNavLink />
            <li>
              <NavLink to="/settings">{t('nav.settings')}</NavLink>
            </li>
            {me.roles.includes('coordinator') && (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            )}
            <li className="main-nav-end">
              <button type="button" className="nav-button" onClick={() => signOut.mutate()} aria-busy={signOut.isPending || undefined}>
                {t('nav.signOut')}
              </button>
            </li>
          </>
        ) : (
          <>
            <li>
              <NavLink to="/meetings">{t('meetings.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/community">{t('community.shell.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/resources">{t('resources.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
            </li>
            <li>
              <NavLink to="/sign-up">{t('nav.signUp')}</NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
