import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../../../contracts/accounts.ts';
import { useNotifications } from './api.ts';

/** "Mentoring" in the main navigation: finding a mentor for members, the caseload for peer supporters. */
export function MentoringNavLink({ me }: { me: Me }) {
  const { t } = useTranslation();
  const member = me.roles.includes('member');
  if (!member && !me.roles.includes('peer_supporter')) return null;
  return (
    <li>
      <NavLink to={member ? '/mentoring' : '/mentoring/caseload'}>{t('mentoring.shell.nav')}</NavLink>
    </li>
  );
}

/** "Notifications" with the unread count, asked again every minute; the count is said in words to screen readers. */
export function NotificationsNavLink() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  const label = unread > 0 ? t('mentoring.shell.notificationsUnread', { count: unread }) : t('mentoring.shell.notificationsNone');
  return (
    <li>
      <NavLink to="/notifications" aria-label={label}>
        {/* A no-break space keeps the count apart from the word (the link is a flex box, where a plain space vanishes). */}
        {unread > 0 ? `${t('mentoring.shell.notifications')}\u00a0` : t('mentoring.shell.notifications')}
        {unread > 0 && (
          <span className="badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </NavLink>
    </li>
  );
}
