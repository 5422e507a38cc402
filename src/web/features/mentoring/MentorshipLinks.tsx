import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n/setup.ts';
import { formatDate } from '../../lib/time.ts';
import type { Mentorship } from './api.ts';
import { otherPerson } from './status.ts';

/** Relationships as a list of links: the other person, the status, and when it began or ended. */
export function MentorshipLinks({ mentorships }: { mentorships: Mentorship[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ul className="link-cards">
      {mentorships.map((m) => {
        const when = m.endedAt ?? m.respondedAt ?? m.requestedAt;
        return (
          <li key={m.id}>
            <Link to={`/mentorships/${m.id}`} className="link-card">
              <span className="link-card-title">{t(m.myRole === 'mentor' ? 'mentoring.links.mentee' : 'mentoring.links.mentor', { name: otherPerson(m).displayName })}</span>
              <span className="link-card-text">
                {t(`mentoring.statuses.${m.status}`)} · {formatDate(when, locale)}
                {m.endReason && ` · ${t(`mentoring.endReasons.${m.endReason}`)}`}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
