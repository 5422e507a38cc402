import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messagingLimits } from '../../../contracts/messaging.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorMessage } from '../../lib/messages.ts';

/**
 * The message box: a labelled textarea and a Send button; Ctrl+Enter (⌘+Enter) sends too. What was typed stays
 * when sending fails, and is cleared only once the server has stored it.
 */
export function Composer({ label, sendLabel, onSend, pending, error }: { label: string; sendLabel?: string; onSend: (body: string) => Promise<unknown>; pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const send = async () => {
    if (pending) return;
    if (!body.trim()) return setEmpty(true);
    setEmpty(false);
    try {
      await onSend(body);
      setBody('');
    } catch {
      // Shown from `error` below; the words stay in the box.
    }
  };
  return (
    <form
      className="composer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        name="body"
        className="input textarea"
        rows={3}
        maxLength={messagingLimits.body}
        value={body}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `${id}-empty` : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      {empty && (
        <p className="field-error" id={`${id}-empty`}>
          {t('messaging.composer.empty')}
        </p>
      )}
      <div role="status">{error ? <Alert tone="error" title={errorMessage(error, t)} /> : null}</div>
      <div className="actions">
        <Button type="submit" pending={pending}>
          {sendLabel ?? t('messaging.composer.send')}
        </Button>
      </div>
    </form>
  );
}
