import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useGroup, useMembership } from './api.ts';

/** The signed-in person's place in a group and the one next step: join, ask to join, withdraw, or leave. */
export function JoinGroup({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const membership = useMembership(groupId);
  const [leaving, setLeaving] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const g = group.data;
  if (!g) return null;
  // The button pressed goes away with the change: focus moves to the new state (announced), or back to joining.
  const change = (join: boolean) =>
    membership.mutate(join, {
      onSuccess: () => {
        setLeaving(false);
        if (join) status.current?.focus();
        // After leaving, the join button is back: it is the one next step.
        else requestAnimationFrame(() => status.current?.parentElement?.querySelector('button')?.focus());
      },
    });
  return (
    <div className="join-group">
      <div role="status" ref={status} tabIndex={-1} className="join-group-status">
        {g.myStatus === 'pending' && <p>{t('meetings.join.pending')}</p>}
        {g.myStatus === 'member' && <p>{t('meetings.join.member')}</p>}
        {g.myStatus === 'facilitator' && <p>{t('meetings.join.facilitator')}</p>}
      </div>
      {g.myStatus === 'none' && (
        <>
          {g.membership === 'approval' && (
            <p className="field-hint" id={`join-hint-${g.id}`}>
              {t('meetings.join.approvalHint')}
            </p>
          )}
          <Button pending={membership.isPending} onClick={() => change(true)} aria-describedby={g.membership === 'approval' ? `join-hint-${g.id}` : undefined}>
            {g.membership === 'open' ? t('meetings.join.join') : t('meetings.join.ask')}
          </Button>
        </>
      )}
      {g.myStatus === 'pending' && (
        <Button variant="quiet" pending={membership.isPending} onClick={() => change(false)}>
          {t('meetings.join.withdraw')}
        </Button>
      )}
      {(g.myStatus === 'member' || g.myStatus === 'facilitator') &&
        (leaving ? (
          <ConfirmDelete
            question={t('meetings.join.confirmLeave', { name: g.name })}
            yes={t('meetings.join.leaveYes')}
            no={t('meetings.join.leaveNo')}
            pending={membership.isPending}
            onConfirm={() => change(false)}
            onCancel={() => setLeaving(false)}
          />
        ) : (
          <Button variant="quiet" onClick={() => setLeaving(true)}>
            {t('meetings.join.leave')}
          </Button>
        ))}
      {membership.isError && <Alert live tone="error" title={errorMessage(membership.error, t)} />}
    </div>
  );
}
