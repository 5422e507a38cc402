import { useTranslation } from 'react-i18next';
import { REACTIONS } from '../../../contracts/community.ts';
import { Alert } from '../../components/Alert.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type Post, type ReactionKind, useReact } from './api.ts';

const ICONS: Record<ReactionKind, string> = { support: '💚', me_too: '🙋', celebrate: '🎉', thanks: '🙏' };

/**
 * Support, "me too", celebrate and thank you: toggle buttons with how many, never who. Nobody reacts to their own
 * post, and signed-out readers only see the counts; there the counts are plain text.
 */
export function ReactionBar({ post, topicId, interactive }: { post: Post; topicId: string; interactive: boolean }) {
  const { t } = useTranslation();
  const react = useReact(topicId);
  const pendingKind = react.isPending ? react.variables?.kind : undefined;
  if (!interactive) {
    const given = REACTIONS.filter((kind) => post.reactions[kind] > 0);
    if (given.length === 0) return null;
    return (
      <ul className="reactions reactions--static" aria-label={t('community.reactions.label')}>
        {given.map((kind) => (
          <li key={kind} className="reaction-count">
            <span aria-hidden="true">{ICONS[kind]}</span> {t(`community.reactions.count.${kind}`, { count: post.reactions[kind] })}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="reactions-wrap">
      <div className="reactions" role="group" aria-label={t('community.reactions.label')}>
        {REACTIONS.map((kind) => {
          const mine = post.myReactions.includes(kind);
          const count = post.reactions[kind];
          return (
            <button
              key={kind}
              type="button"
              className={mine ? 'reaction reaction--mine' : 'reaction'}
              aria-pressed={mine}
              aria-busy={pendingKind === kind || undefined}
              onClick={() => react.mutate({ postId: post.id, kind, on: !mine })}
            >
              {/* The name a screen reader says is the word and the count ("Support 3"); the picture is decoration. */}
              <span aria-hidden="true">{ICONS[kind]}</span>
              <span>{t(`community.reactions.kinds.${kind}`)}</span>
              {count > 0 && <span className="reaction-number">{count}</span>}
            </button>
          );
        })}
      </div>
      {react.isError && <Alert live tone="error" title={errorMessage(react.error, t)} />}
    </div>
  );
}
