import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useDeleteMeeting, useGroup, useMeeting } from '../../features/meetings/api.ts';
import { MeetingForm } from '../../features/meetings/MeetingForm.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';
import { NotFoundPage } from '../not-found.tsx';

/** /meetings/new?group=<id>: a new meeting in a group the person manages. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const groupId = useSearchParams()[0].get('group') ?? '';
  const group = useGroup(groupId);
  if (!groupId) {
    return (
      <Page title={t('meetings.form.newTitle')} lead={<p>{t('meetings.form.pickGroup')}</p>}>
        <Link to="/groups" className="button button--secondary">
          {t('meetings.groups.title')}
        </Link>
      </Page>
    );
  }
  if (group.isPending) return <Loading />;
  // Like the API, a group the person may not run is not there for them.
  if (!group.data?.canManage) return isApiError(group.error) && group.error.status >= 500 ? <Alert tone="error" title={errorMessage(group.error, t)} /> : <NotFoundPage />;
  return (
    <Page title={t('meetings.form.newTitle')} lead={<p>{t('meetings.form.newLead', { group: group.data.name })}</p>}>
      <MeetingForm groupId={groupId} onSaved={(m) => navigate(`/meetings/${m.id}`)} onCancel={() => navigate(`/groups/${groupId}`)} />
    </Page>
  );
}

/** /meetings/:id/edit: change a meeting, or stop listing it. */
export function EditMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const remove = useDeleteMeeting();
  const [deleting, setDeleting] = useState(false);
  if (meeting.isPending) return <Loading />;
  if (!meeting.data?.canManage) return isApiError(meeting.error) && meeting.error.status >= 500 ? <Alert tone="error" title={errorMessage(meeting.error, t)} /> : <NotFoundPage />;
  const m = meeting.data;
  return (
    <Page title={t('meetings.form.editTitle')} lead={<p>{m.name}</p>}>
      <MeetingForm meeting={m} onSaved={() => navigate(`/meetings/${m.id}`)} onCancel={() => navigate(`/meetings/${m.id}`)} />
      <section className="card danger-zone" aria-labelledby="meeting-delete">
        <h2 id="meeting-delete">{t('meetings.form.deleteTitle')}</h2>
        <p>{t('meetings.form.deleteLead')}</p>
        {deleting ? (
          <ConfirmDelete
            question={t('meetings.form.confirmDelete', { name: m.name })}
            yes={t('meetings.form.deleteYes')}
            no={t('meetings.form.deleteNo')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(m.id, { onSuccess: () => navigate(`/groups/${m.group.id}`) })}
            onCancel={() => setDeleting(false)}
          />
        ) : (
          <Button variant="secondary" onClick={() => setDeleting(true)}>
            {t('meetings.form.delete')}
          </Button>
        )}
        {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
      </section>
    </Page>
  );
}
