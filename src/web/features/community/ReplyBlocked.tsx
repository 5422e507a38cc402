import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { currentLocale } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/time.ts';
import { useMe } from '../account/api.ts';
import type { ReplyBlockedBy, Standing } from './api.ts';
import { GuidelinesGate } from './Guidelines.tsx';

/**
 * Where the reply box would be when the reader may not reply: why, in plain words, and what they can do (sign in,
 * agree to the guidelines, read the notice that explains a suspension).
 */
export function ReplyBlocked({ reason, standing, onAccepted }: { reason: ReplyBlockedBy; standing: Standing | undefined; onAccepted: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe().data;
  if (reason === null) return null;
  if (reason === 'guidelines') return <GuidelinesGate onAccepted={onAccepted} />;
  if (reason === 'signed_out') {
    return (
      <div className="card card--quiet">
        <p>{t('community.blocked.signed_out')}</p>
        <div className="actions">
          <Link to={`/sign-in?next=${encodeURIComponent(pathname)}`} className="button button--primary">
            {t('community.index.signIn')}
          </Link>
          <Link to="/sign-up" className="button button--secondary">
            {t('community.index.join')}
          </Link>
        </div>
      </div>
    );
  }
  const until = standing?.suspendedUntil;
  return (
    <div className="card card--quiet">
      <p>
        {reason === 'suspended' && until
          ? t('community.blocked.suspendedUntil', { when: formatDateTime(until, currentLocale(), me?.timeZone) })
          : t(`community.blocked.${reason}`)}
      </p>
      {(reason === 'suspended' || reason === 'banned') && (
        <p>
          <Link to="/community/notices">{t('community.blocked.readWhy')}</Link>
        </p>
      )}
    </div>
  );
}
