import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useGroup, useGroupMeetings } from '../../features/meetings/api.ts';
import { languageName } from '../../features/meetings/format.ts';
import { JoinGroup } from '../../features/meetings/JoinGroup.tsx';
import { MeetingCard } from '../../features/meetings/MeetingCard.tsx';
import { Members } from '../../features/meetings/Members.tsx';
import { GroupChat } from '../../features/messaging/GroupChat.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';
import { NotFoundPage } from '../not-found.tsx';

/** A group: what it is, its meetings, joining or leaving; for its managers, its members and what to change. */
export function GroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe().data;
  const group = useGroup(id);
  const meetings = useGroupMeetings(id);
  const locale = currentLocale();
  if (group.isPending) return <Loading />;
  if (isApiError(group.error, 'not_found') || isApiError(group.error, 'validation_failed')) return <NotFoundPage />;
  if (group.isError) return <Alert tone="error" title={errorMessage(group.error, t)} />;
  const g = group.data;
  return (
    <Page title={g.name} lead={<p>{g.fellowship || t(`journey.pathways.${g.pathway}`)}</p>}>
      {g.canManage && (
        <div className="actions">
          <Link to={`/meetings/new?group=${g.id}`} className="button button--primary">
            {t('meetings.group.addMeeting')}
          </Link>
          <Link to={`/groups/${g.id}/edit`} className="button button--secondary">
            {t('meetings.group.edit')}
          </Link>
        </div>
      )}
      <section className="card" aria-labelledby="group-about">
        <h2 id="group-about">{t('meetings.group.about')}</h2>
        {g.description && <p className="prose">{g.description}</p>}
        <dl className="facts">
          <div>
            <dt>{t('meetings.group.pathway')}</dt>
            <dd>{t(`journey.pathways.${g.pathway}`)}</dd>
          </div>
          {g.languages.length > 0 && (
            <div>
              <dt>{t('meetings.group.languages')}</dt>
              <dd>{new Intl.ListFormat(locale, { type: 'conjunction' }).format(g.languages.map((l) => languageName(l, locale)))}</dd>
            </div>
          )}
          <div>
            <dt>{t('meetings.group.joining')}</dt>
            <dd>{t(`meetings.groupForm.membershipOptions.${g.membership}`)}</dd>
          </div>
          {g.facilitators.length > 0 && (
            <div>
              <dt>{t('meetings.group.facilitators')}</dt>
              <dd>{new Intl.ListFormat(locale, { type: 'conjunction' }).format(g.facilitators.map((f) => f.displayName))}</dd>
            </div>
          )}
          {g.conferenceVisibility === 'group_members' && (
            <div>
              <dt>{t('meetings.group.links')}</dt>
              <dd>{t('meetings.group.linksForMembers')}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="group-membership">
        <h2 id="group-membership">{t('meetings.group.membership')}</h2>
        {me ? (
          <JoinGroup groupId={g.id} />
        ) : (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(`/groups/${g.id}`)}`} className="button button--secondary">
              {t('meetings.group.signInToJoin')}
            </Link>
          </p>
        )}
      </section>

      {me && <GroupChat groupId={g.id} member={g.myStatus === 'member' || g.myStatus === 'facilitator'} canManage={g.canManage} />}

      <section aria-labelledby="group-meetings">
        <h2 id="group-meetings">{t('meetings.group.meetings')}</h2>
        {meetings.isPending && <Loading />}
        {meetings.isError && <Alert tone="error" title={errorMessage(meetings.error, t)} />}
        {meetings.data &&
          (meetings.data.length === 0 ? (
            <p>{t('meetings.group.noMeetings')}</p>
          ) : (
            <ul className="card-list card-list--single meeting-list">
              {meetings.data.map((m) => (
                <MeetingCard key={m.id} meeting={m} occurrence={m.next} showGroup={false} />
              ))}
            </ul>
          ))}
      </section>

      {g.canManage && <Members groupId={g.id} />}
    </Page>
  );
}
