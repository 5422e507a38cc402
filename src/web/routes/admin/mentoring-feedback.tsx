import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type MentorFeedback, useFeedbackSummary } from '../../features/mentoring/admin-api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { MentoringAdminPage, useMentoringWords } from './mentoring-parts.tsx';

/**
 * How mentees rate their contacts, per mentor. A mentee's name appears only on a comment they chose to sign, so a
 * low rating can be given without fear.
 */
export function MentoringFeedbackPage() {
  const { t } = useTranslation();
  const summary = useFeedbackSummary();
  // Mentors with ratings first, the most rated first; then the rest by name.
  const mentors = [...(summary.data?.mentors ?? [])].sort((a, b) => b.ratings - a.ratings || a.displayName.localeCompare(b.displayName));
  return (
    <MentoringAdminPage title={t('mentoringAdmin.feedback.title')} lead={t('mentoringAdmin.feedback.lead')}>
      {summary.isPending && <Loading />}
      {summary.isError && <Alert tone="error" title={errorMessage(summary.error, t)} />}
      {summary.data &&
        (mentors.length === 0 ? (
          <p>{t('mentoringAdmin.feedback.none')}</p>
        ) : (
          <ul className="card-list card-list--single">
            {mentors.map((m) => (
              <MentorFeedbackCard key={m.mentorId} mentor={m} />
            ))}
          </ul>
        ))}
    </MentoringAdminPage>
  );
}

/** The server gives only the month a comment was made (a day could point at one contact, and so at one mentee). */
function month(date: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  } catch {
    return date.slice(0, 7);
  }
}

function MentorFeedbackCard({ mentor }: { mentor: MentorFeedback }) {
  const { t } = useTranslation();
  const w = useMentoringWords();
  const headingId = `feedback-${mentor.mentorId}`;
  return (
    <li className="card">
      <h2 className="card-title" id={headingId}>
        {mentor.displayName}
      </h2>
      {mentor.ratings === 0 ? (
        <p className="muted">{t('mentoringAdmin.feedback.noRatings')}</p>
      ) : (
        <>
          <p>
            {t('mentoringAdmin.feedback.summary', { count: mentor.ratings, average: mentor.average === null ? '–' : w.number(mentor.average) })}
          </p>
          <h3 className="small-heading" id={`${headingId}-dist`}>
            {t('mentoringAdmin.feedback.distribution')}
          </h3>
          <ul className="rating-bars" aria-labelledby={`${headingId}-dist`}>
            {[5, 4, 3, 2, 1].map((stars) => {
              const count = mentor.distribution[stars - 1] ?? 0;
              return (
                <li key={stars}>
                  <span className="rating-label">{t('mentoringAdmin.feedback.stars', { count: stars })}</span>
                  <progress className="bar" max={mentor.ratings} value={count} aria-hidden="true" />
                  <span className="rating-count">
                    {w.number(count, 0)}
                    <span className="visually-hidden"> ({w.percent(count / mentor.ratings)})</span>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {mentor.comments.length > 0 && (
        <>
          <h3 className="small-heading">{t('mentoringAdmin.feedback.comments', { count: mentor.comments.length })}</h3>
          <ul className="comments">
            {mentor.comments.map((c, i) => (
              <li key={i}>
                <p className="muted comment-meta">
                  {t('mentoringAdmin.feedback.commentMeta', { rating: c.rating, month: month(c.date, w.locale) })} ·{' '}
                  {c.signedBy ? t('mentoringAdmin.feedback.signedBy', { name: c.signedBy }) : t('mentoringAdmin.feedback.unsigned')}
                </p>
                <p className="comment-text">{c.comment}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
