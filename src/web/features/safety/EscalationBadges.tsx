import { useTranslation } from 'react-i18next';
import type { EscalationSummary } from './api.ts';

/** Level and status in words (colour is only a second cue). */
export function EscalationBadges({ escalation }: { escalation: Pick<EscalationSummary, 'level' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <span className={`badge badge--level-${escalation.level}`}>{t(`safety.levels.${escalation.level}`)}</span>
      <span className={`badge badge--status-${escalation.status}`}>{t(`safety.statuses.${escalation.status}`)}</span>
    </span>
  );
}
