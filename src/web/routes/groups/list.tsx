import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useGroups } from '../../features/meetings/api.ts';
import { GroupStatus } from '../../features/meetings/GroupStatus.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { languageName } from '../../features/meetings/format.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/meetings.css';

/** The groups the viewer may see (public ones for everyone, members-only ones for people signed in). */
export function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const groups = useGroups();
  const locale = currentLocale();
  const canStart = me?.roles.some((r) => r === 'facilitator' || r === 'coordinator');
  return (
    <Page wide title={t('meetings.groups.title')} lead={<p>{t('meetings.groups.lead')}</p>}>
      <div className="actions">
        <Link to="/meetings" className="button button--secondary">
          {t('meetings.groups.findMeetings')}
        </Link>
        {canStart && (
          <Link to="/groups/new" className="button button--primary">
            {t('meetings.groups.start')}
          </Link>
        )}
      </div>
      {groups.isPending && <Loading />}
      {groups.isError && <Alert tone="error" title={errorMessage(groups.error, t)} />}
      {groups.data &&
        (groups.data.length === 0 ? (
          <p>{t('meetings.groups.none')}</p>
        ) : (
          <ul className="card-list">
            {groups.data.map((g) => (
              <li key={g.id} className="card group-card">
                <h2 className="card-title">
                  <Link to={`/groups/${g.id}`}>{g.name}</Link>
                </h2>
                <p className="muted">{[g.fellowship || t(`journey.pathways.${g.pathway}`), g.languages.map((l) => languageName(l, locale)).join(', ')].filter(Boolean).join(' · ')}</p>
                {g.description && <p className="group-card-description">{g.description}</p>}
                <p>
                  {t('meetings.groups.meetingCount', { count: g.meetingCount })}
                  {g.visibility === 'members' && <span className="badge">{t('meetings.groups.membersOnly')}</span>}
                </p>
                <GroupStatus group={g} />
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}
