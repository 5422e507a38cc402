import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n/setup.ts';
import { formatDateTime } from '../../lib/time.ts';
import type { Conversation } from './api.ts';

/** A conversation in the list: who, the last words (as plain text), when, and how many are unread. */
export function ConversationRow({ conversation: c, timeZone }: { conversation: Conversation; timeZone?: string }) {
  const { t } = useTranslation();
  const title = c.other?.displayName ?? c.group?.name ?? t('messaging.conversation.untitled');
  const last = c.lastMessage;
  const preview = !last ? '' : last.deleted ? t('messaging.message.deleted') : `${last.mine ? `${t('messaging.message.you')}: ` : ''}${last.body}`;
  return (
    <li className={c.unread > 0 ? 'conversation-row conversation-row--unread' : 'conversation-row'}>
      <Link to={`/messages/${c.id}`} className="conversation-link">
        <span className="conversation-title">{title}</span>
        {c.unread > 0 && (
          <span className="badge">
            <span aria-hidden="true">{c.unread > 99 ? '99+' : c.unread}</span>
            <span className="visually-hidden">{t('messaging.list.unread', { count: c.unread })}</span>
          </span>
        )}
      </Link>
      {c.status === 'requested' && c.requestedByMe && <p className="muted">{t('messaging.list.waiting')}</p>}
      {preview && <p className="conversation-preview">{preview}</p>}
      {c.lastMessageAt && (
        <time className="muted" dateTime={c.lastMessageAt}>
          {formatDateTime(c.lastMessageAt, currentLocale(), timeZone)}
        </time>
      )}
    </li>
  );
}
