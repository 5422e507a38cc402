import { useTranslation } from 'react-i18next';
import type { Mentorship } from './api.ts';

/** The relationship's status, whether contact is overdue, and where the agreement stands, as short badges. */
export function StatusBadges({ mentorship: m, overdue = false }: { mentorship: Mentorship; overdue?: boolean }) {
  const { t } = useTranslation();
  const agreement = m.status === 'accepted' || m.status === 'active' || m.status === 'paused';
  return (
    <ul className="status-badges" aria-label={t('mentoring.badges.label')}>
      <li className={`badge badge--status-${m.status}`}>{t(`mentoring.statuses.${m.status}`)}</li>
      {overdue && <li className="badge badge--warning">{t('mentoring.badges.overdue')}</li>}
      {agreement && m.agreementState !== 'none' && (
        <li className={m.agreementState === 'signed' ? 'badge' : 'badge badge--warning'}>{t(`mentoring.agreementStates.${m.agreementState}`)}</li>
      )}
    </ul>
  );
}
