import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messagingLimits } from '../../../contracts/messaging.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { type Message, type SentMessage, useDeleteMessage, useEditMessage } from './api.ts';
import { MessageHtml } from './MessageHtml.tsx';
import { ReportMessageDialog } from './ReportMessageDialog.tsx';

/**
 * One message: who and when, the text (or "deleted"), and what the reader can do with it: edit or delete their own,
 * report someone else's. A gentle note comes first when a new contact asked to move off Kindred.
 */
export function MessageItem({ message: m, seen, timeZone, onSaved }: { message: Message; seen: boolean; timeZone?: string; onSaved: (sent: SentMessage) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'read' | 'edit' | 'delete' | 'report'>('read');
  const remove = useDeleteMessage(m.conversationId);
  return (
    <li id={`message-${m.seq}`} className={m.mine ? 'message message--mine' : 'message'} tabIndex={-1}>
      {m.offPlatformNote && !m.deleted && (
        <Alert tone="warning">
          <p>{t('messaging.offPlatform.note')}</p>
        </Alert>
      )}
      <div className="message-bubble">
        <p className="message-meta">
          <span className="message-sender">{m.mine ? t('messaging.message.you') : m.sender.displayName}</span>{' '}
          <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, currentLocale(), timeZone)}</time>
          {m.editedAt && !m.deleted && <span className="muted"> · {t('messaging.message.edited')}</span>}
        </p>
        {m.deleted ? <p className="message-deleted">{t('messaging.message.deleted')}</p> : mode === 'edit' ? <EditForm message={m} onDone={(sent) => { setMode('read'); if (sent) onSaved(sent); }} /> : <MessageHtml html={m.html} />}
      </div>
      {seen && <p className="message-seen">{t('messaging.message.seen')}</p>}
      {!m.deleted && mode === 'read' && (
        <div className="message-actions">
          {m.mine ? (
            <>
              <Button variant="quiet" onClick={() => setMode('edit')}>
                {t('messaging.message.edit')}
              </Button>
              <Button variant="quiet" onClick={() => setMode('delete')}>
                {t('messaging.message.delete')}
              </Button>
            </>
          ) : (
            <Button variant="quiet" onClick={() => setMode('report')}>
              {t('messaging.message.report')}
            </Button>
          )}
        </div>
      )}
      {mode === 'delete' && (
        <ConfirmDelete
          question={t('messaging.message.deleteQuestion')}
          yes={t('messaging.message.deleteYes')}
          no={t('messaging.message.keep')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(m.id, { onSuccess: () => setMode('read') })}
          onCancel={() => setMode('read')}
        />
      )}
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
      <ReportMessageDialog messageId={m.id} open={mode === 'report'} onClose={() => setMode('read')} />
    </li>
  );
}

function EditForm({ message, onDone }: { message: Message; onDone: (sent: SentMessage | null) => void }) {
  const { t } = useTranslation();
  const edit = useEditMessage();
  const [body, setBody] = useState(message.body);
  const id = `edit-${message.id}`;
  return (
    <form
      className="message-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) edit.mutate({ id: message.id, body }, { onSuccess: (sent) => onDone(sent) });
      }}
    >
      <label htmlFor={id} className="field-label">
        {t('messaging.message.editLabel')}
      </label>
      <textarea id={id} className="input textarea" rows={3} maxLength={messagingLimits.body} value={body} onChange={(e) => setBody(e.target.value)} autoFocus />
      {edit.isError && <Alert live tone="error" title={errorMessage(edit.error, t)} />}
      <div className="actions">
        <Button type="submit" pending={edit.isPending}>
          {t('messaging.message.save')}
        </Button>
        <Button variant="quiet" onClick={() => onDone(null)}>
          {t('messaging.message.cancel')}
        </Button>
      </div>
    </form>
  );
}
