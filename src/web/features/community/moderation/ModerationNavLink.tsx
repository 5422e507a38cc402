import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../../../../contracts/accounts.ts';
import { useModerationQueue } from '../moderation-api.ts';
import { isModerator } from './RequireModerator.tsx';

/** "Moderation" in the main navigation for moderators and coordinators, with the open queue's count said in words too. */
export function ModerationNavLink({ me }: { me: Me }) {
  const { t } = useTranslation();
  const moderator = isModerator(me);
  // The same cached answer the queue page shows, so the count costs one request per minute at most.
  const open = useModerationQueue('open', moderator).data?.open ?? 0;
  if (!moderator) return null;
  return (
    <li>
      <NavLink to="/community/moderation" aria-label={open > 0 ? t('communityMod.nav.moderationOpen', { count: open }) : undefined}>
        {/* A no-break space keeps the count apart from the word (the link is a flex box, where a plain space vanishes). */}
        {open > 0 ? `${t('communityMod.nav.moderation')}\u00a0` : t('communityMod.nav.moderation')}
        {open > 0 && (
          <span className="badge" aria-hidden="true">
            {open > 99 ? '99+' : open}
          </span>
        )}
      </NavLink>
    </li>
  );
}
