import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useDeleteGroup, useGroup } from '../../features/meetings/api.ts';
import { GroupForm } from '../../features/meetings/GroupForm.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';
import { NotFoundPage } from '../not-found.tsx';

/** /groups/new: for facilitators and coordinators; whoever starts a group facilitates it. */
export function NewGroupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  if (!me?.roles.some((r) => r === 'facilitator' || r === 'coordinator')) return <NotFoundPage />;
  return (
    <Page title={t('meetings.groupForm.newTitle')} lead={<p>{t('meetings.groupForm.newLead')}</p>}>
      <GroupForm onSaved={(g) => navigate(`/groups/${g.id}`)} onCancel={() => navigate('/groups')} />
    </Page>
  );
}

/** /groups/:id/edit: change a group, or close it (its meetings stop being listed). */
export function EditGroupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const group = useGroup(id);
  const remove = useDeleteGroup();
  const [closing, setClosing] = useState(false);
  if (group.isPending) return <Loading />;
  if (!group.data?.canManage) return isApiError(group.error) && group.error.status >= 500 ? <Alert tone="error" title={errorMessage(group.error, t)} /> : <NotFoundPage />;
  const g = group.data;
  return (
    <Page title={t('meetings.groupForm.editTitle')} lead={<p>{g.name}</p>}>
      <GroupForm group={g} onSaved={() => navigate(`/groups/${g.id}`)} onCancel={() => navigate(`/groups/${g.id}`)} />
      <section className="card danger-zone" aria-labelledby="group-close">
        <h2 id="group-close">{t('meetings.groupForm.closeTitle')}</h2>
        <p>{t('meetings.groupForm.closeLead')}</p>
        {closing ? (
          <ConfirmDelete
            question={t('meetings.groupForm.confirmClose', { name: g.name })}
            yes={t('meetings.groupForm.closeYes')}
            no={t('meetings.groupForm.closeNo')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(g.id, { onSuccess: () => navigate('/groups') })}
            onCancel={() => setClosing(false)}
          />
        ) : (
          <Button variant="secondary" onClick={() => setClosing(true)}>
            {t('meetings.groupForm.close')}
          </Button>
        )}
        {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
      </section>
    </Page>
  );
}
