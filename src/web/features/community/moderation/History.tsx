import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModerationHistoryEntry } from '../moderation-api.ts';
import { useModWords } from './words.ts';

/** What moderators have done about this person, newest first: what they were told, the private note, who acted. */
export function History({ actions }: { actions: ModerationHistoryEntry[] }) {
  const { t } = useTranslation();
  const w = useModWords();
  const sorted = [...actions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="person-history">
      <h2 id="person-history">{t('communityMod.history.title')}</h2>
      {sorted.length === 0 ? (
        <p>{t('communityMod.history.empty')}</p>
      ) : (
        <ol className="mod-history">
          {sorted.map((a) => (
            <li key={a.id} className="card">
              <h3 className="card-title">{w.action(a.action)}</h3>
              <p className="muted">
                <time dateTime={a.createdAt}>{w.when(a.createdAt)}</time> ·{' '}
                {a.moderator ? t('communityMod.history.by', { name: a.moderator.displayName }) : t('communityMod.history.byUnknown')}
                {a.until && <> · {t('communityMod.history.until', { date: w.when(a.until) })}</>}
              </p>
              {a.reason && (
                <>
                  <p className="mod-label">{t('communityMod.history.told')}</p>
                  <p className="mod-quote">{a.reason}</p>
                </>
              )}
              {a.note && (
                <>
                  <p className="mod-label">{t('communityMod.history.note')}</p>
                  <p className="mod-quote">{a.note}</p>
                </>
              )}
              {(a.topic || a.postId) && (
                <p className="mod-links">
                  {a.topic && <Link to={`/community/t/${a.topic.id}`}>{t('communityMod.history.topic', { title: a.topic.title })}</Link>}
                  {a.postId && <Link to={`/community/p/${a.postId}`}>{t('communityMod.history.post')}</Link>}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
