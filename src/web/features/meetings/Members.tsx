import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';
import { useMe } from '../account/api.ts';
import { type GroupMember, useGroup, useGroupMembers, useManageMember, useSetFacilitators } from './api.ts';

/**
 * For the group's managers: requests to answer first, then the members, each removable after a question. Coordinators
 * also choose who facilitates; a group always keeps one facilitator, so the last one cannot be stepped down here.
 */
export function Members({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const members = useGroupMembers(groupId, true);
  const manage = useManageMember(groupId);
  const [removing, setRemoving] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const isCoordinator = useMe().data?.roles.includes('coordinator') ?? false;
  const facilitatorIds = useGroup(groupId).data?.facilitators.map((f) => f.id) ?? [];
  const facilitate = useSetFacilitators(groupId);
  const [toggling, setToggling] = useState<string | null>(null);
  const act = (m: GroupMember, approve: boolean) => {
    facilitate.reset();
    manage.mutate(
      { userId: m.userId, approve },
      { onSuccess: () => setLast(t(approve ? 'meetings.members.approved' : m.status === 'pending' ? 'meetings.members.declined' : 'meetings.members.removed', { name: m.displayName })) },
    );
  };
  const isFacilitator = (m: GroupMember) => facilitatorIds.includes(m.userId);
  const toggleFacilitator = (m: GroupMember) => {
    if (facilitate.isPending) return;
    manage.reset();
    const was = isFacilitator(m);
    const next = was ? facilitatorIds.filter((id) => id !== m.userId) : [...facilitatorIds, m.userId];
    if (next.length === 0) return;
    setToggling(m.userId);
    facilitate.mutate(next, {
      onSuccess: () => {
        setLast(t(was ? 'meetings.members.facilitatorRemoved' : 'meetings.members.facilitatorAdded', { name: m.displayName }));
        // The pressed button stays, its label changed; should it be gone (now the only facilitator), the news takes focus.
        requestAnimationFrame(() => (document.getElementById(`facilitate-${m.userId}`) ?? status.current)?.focus());
      },
    });
  };
  const pending = members.data?.filter((m) => m.status === 'pending') ?? [];
  const active = members.data?.filter((m) => m.status === 'active') ?? [];
  const locale = currentLocale();
  return (
    <section className="card" aria-labelledby="group-members">
      <h2 id="group-members">{t('meetings.members.title')}</h2>
      {members.isPending && <Loading />}
      {members.isError && <Alert tone="error" title={errorMessage(members.error, t)} />}
      <div role="status" ref={status} tabIndex={-1}>
        {last && <Alert tone="success" title={last} />}
      </div>
      {manage.isError && <Alert live tone="error" title={errorMessage(manage.error, t)} />}
      {facilitate.isError && <Alert live tone="error" title={errorMessage(facilitate.error, t)} />}
      {members.data && (
        <>
          <h3 className="section-subtitle">{t('meetings.members.requests', { count: pending.length })}</h3>
          {pending.length === 0 ? (
            <p className="muted">{t('meetings.members.noRequests')}</p>
          ) : (
            <ul className="people">
              {pending.map((m) => (
                <li key={m.userId}>
                  <span className="people-name" id={`member-${m.userId}`}>
                    {m.displayName}
                  </span>
                  <div className="actions">
                    <Button variant="secondary" onClick={() => act(m, true)} aria-describedby={`member-${m.userId}`}>
                      {t('meetings.members.approve')}
                    </Button>
                    <Button variant="quiet" onClick={() => act(m, false)} aria-describedby={`member-${m.userId}`}>
                      {t('meetings.members.decline')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <h3 className="section-subtitle">{t('meetings.members.active', { count: active.length })}</h3>
          <ul className="people">
            {active.map((m) => (
              <li key={m.userId}>
                <span className="people-name" id={`member-${m.userId}`}>
                  {m.displayName}
                  {isFacilitator(m) && <span className="badge">{t('meetings.members.facilitator')}</span>}
                </span>
                <span className="muted">{t('meetings.members.since', { date: formatDate(m.joinedAt, locale) })}</span>
                {removing === m.userId ? (
                  <ConfirmDelete
                    question={t('meetings.members.confirmRemove', { name: m.displayName })}
                    yes={t('meetings.members.removeYes')}
                    no={t('meetings.members.removeNo')}
                    pending={manage.isPending}
                    onConfirm={() => act(m, false)}
                    onCancel={() => setRemoving(null)}
                  />
                ) : (
                  <div className="actions">
                    {isCoordinator && !(isFacilitator(m) && facilitatorIds.length <= 1) && (
                      <Button
                        id={`facilitate-${m.userId}`}
                        variant="secondary"
                        pending={facilitate.isPending && toggling === m.userId}
                        onClick={() => toggleFacilitator(m)}
                        aria-describedby={`member-${m.userId}`}
                      >
                        {t(isFacilitator(m) ? 'meetings.members.stopFacilitating' : 'meetings.members.makeFacilitator')}
                      </Button>
                    )}
                    <Button variant="quiet" onClick={() => setRemoving(m.userId)} aria-describedby={`member-${m.userId}`}>
                      {t('meetings.members.remove')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
