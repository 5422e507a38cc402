import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadMessages } from './api.ts';

/** "Messages" in the main navigation with unread messages and requests counted, said in words to screen readers. */
export function MessagesNavLink() {
  const { t } = useTranslation();
  const data = useUnreadMessages().data;
  const count = (data?.unread ?? 0) + (data?.requests ?? 0);
  return (
    <li>
      <NavLink to="/messages" aria-label={count > 0 ? t('messaging.nav.unread', { count }) : undefined}>
        {/* A no-break space keeps the count apart from the word (the link is a flex box, where a plain space vanishes). */}
        {count > 0 ? `${t('messaging.nav.label')}\u00a0` : t('messaging.nav.label')}
        {count > 0 && (
          <span className="badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </NavLink>
    </li>
  );
}
