import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { AgreementSection } from '../../features/mentoring/Agreement.tsx';
import { type Mentorship, useMentorship } from '../../features/mentoring/api.ts';
import { Concerns } from '../../features/mentoring/Concerns.tsx';
import { MessageButton } from '../../features/messaging/MessageButton.tsx';
import { ContactLog } from '../../features/mentoring/ContactLog.tsx';
import { useMe } from '../../features/account/api.ts';
import { CancelAsk, CoordinatorEnd, Lifecycle } from '../../features/mentoring/Lifecycle.tsx';
import { type ShowNotice, useNotice } from '../../features/mentoring/Notice.tsx';
import { RequestDetails } from '../../features/mentoring/RequestDetails.tsx';
import { RespondToRequest } from '../../features/mentoring/RespondToRequest.tsx';
import { statusSentence } from '../../features/mentoring/status.ts';
import { StatusBadges } from '../../features/mentoring/StatusBadges.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/mentoring.css';
import { NotFoundPage } from '../not-found.tsx';

/** Statuses in which the two have (or had) a relationship: agreement, contacts and actions apply. */
const STARTED = ['accepted', 'active', 'paused', 'ended'];

/**
 * One mentorship, for the two people in it (and coordinators): where it stands and what happens next, the
 * agreement, the contact log, and the actions each side may take.
 */
export function MentorshipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mentorship = useMentorship(id);
  const [notice, showNotice] = useNotice();
  const isCoordinator = useMe().data?.roles.includes('coordinator') ?? false;
  if (mentorship.isPending) return <Loading />;
  if (mentorship.isError) return <Alert tone="error" title={errorMessage(mentorship.error, t)} />;
  const m = mentorship.data;
  if (!m) return <NotFoundPage />;
  const title =
    m.myRole === 'mentee'
      ? t('mentoring.relationship.titleMentee', { name: m.mentor.displayName })
      : m.myRole === 'mentor'
        ? t('mentoring.relationship.titleMentor', { name: m.mentee.displayName })
        : t('mentoring.relationship.titleObserver', { mentor: m.mentor.displayName, mentee: m.mentee.displayName });
  const started = STARTED.includes(m.status);
  const open = m.status === 'accepted' || m.status === 'active' || m.status === 'paused';
  return (
    <Page title={title} lead={<StatusBadges mentorship={m} />}>
      <div className="mentoring">
        {notice}
        <Now mentorship={m} onNotice={showNotice} />
        {started && <AgreementSection mentorship={m} onNotice={showNotice} />}
        {(m.status === 'active' || m.status === 'paused' || m.status === 'ended') && <ContactLog mentorship={m} onNotice={showNotice} />}
        {open && m.myRole !== null && <Lifecycle mentorship={m} onNotice={showNotice} />}
        {open && m.myRole === null && m.status !== 'requested' && isCoordinator && <CoordinatorEnd mentorship={m} onNotice={showNotice} />}
        {m.myRole === 'mentor' && started && <Concerns mentorship={m} onNotice={showNotice} />}
        <p className="card-links">
          {m.myRole === 'mentor' && <Link to="/mentoring/caseload">{t('mentoring.relationship.backCaseload')}</Link>}
          {m.myRole === 'mentee' && <Link to="/mentoring">{t('mentoring.relationship.backMentoring')}</Link>}
        </p>
      </div>
    </Page>
  );
}

/** Where things stand, in plain words, and the step each side can take now. */
function Now({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = m.myRole === 'mentor' ? m.mentee.displayName : m.mentor.displayName;
  return (
    <section className="card card--quiet" aria-labelledby="now-title">
      <h2 id="now-title">{t('mentoring.relationship.nowTitle')}</h2>
      <p>{statusSentence(m, t, locale)}</p>
      {m.status === 'declined' && m.declineMessage && m.myRole !== null && (
        <>
          <p className="facts-label">{t(m.myRole === 'mentee' ? 'mentoring.relationship.declineMessage' : 'mentoring.relationship.yourDeclineMessage', { name })}</p>
          <blockquote className="their-words">{m.declineMessage}</blockquote>
        </>
      )}
      {m.note && m.myRole !== null && (
        <>
          <p className="facts-label">
            {t(m.note.from === m.myRole ? 'mentoring.relationship.yourNote' : m.note.from === 'coordinator' ? 'mentoring.relationship.coordinatorNote' : 'mentoring.relationship.theirNote', { name })}
          </p>
          <blockquote className="their-words">{m.note.text}</blockquote>
        </>
      )}
      {m.status === 'declined' && m.myRole === 'mentee' && (
        <p>
          <Link to="/mentoring">{t('mentoring.relationship.backToSuggestions')}</Link>
        </p>
      )}
      {/* The mentor reads what the mentee is looking for before answering. */}
      {m.request && m.myRole !== 'mentee' && (
        <details className="details-toggle" open={m.status === 'requested'}>
          <summary>{t('mentoring.relationship.lookingFor', { name: m.mentee.displayName })}</summary>
          <RequestDetails request={m.request} />
        </details>
      )}
      {m.status === 'requested' && m.myRole === 'mentee' && <CancelAsk mentorship={m} onNotice={onNotice} />}
      {m.status === 'requested' && m.myRole === 'mentor' && (
        <RespondToRequest
          mentorship={m}
          onAnswered={(answer) =>
            onNotice(
              answer === 'accepted'
                ? { tone: 'success', title: t('mentoring.caseload.accepted', { name }), body: <p>{t('mentoring.relationship.acceptedNext')}</p> }
                : { tone: 'info', title: t('mentoring.caseload.declined', { name }) },
            )
          }
        />
      )}
      {m.myRole === 'mentor' && m.status === 'active' && (
        <p>
          <Link to={`/mentees/${m.mentee.id}`}>{t('mentoring.caseload.journey', { name })}</Link>
        </p>
      )}
      {/* Messaging is open while the mentorship is active (docs/messaging.md). */}
      {m.myRole !== null && m.status === 'active' && (
        <div className="actions">
          <MessageButton person={m.myRole === 'mentor' ? m.mentee : m.mentor} />
        </div>
      )}
    </section>
  );
}
