import { useTranslation } from 'react-i18next';
import type { Group } from './api.ts';

/** The viewer's place in a group as a small badge; nothing when they have none. */
export function GroupStatus({ group }: { group: Group }) {
  const { t } = useTranslation();
  if (group.myStatus === 'none') return null;
  return <p className={`badge badge--${group.myStatus === 'pending' ? 'warning' : 'pending'}`}>{t(`meetings.groups.status.${group.myStatus}`)}</p>;
}
