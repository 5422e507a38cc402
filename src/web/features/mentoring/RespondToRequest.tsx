import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { act, type Mentorship, useAccept, useDecline } from './api.ts';
import { Dialog } from './Dialog.tsx';

/** A mentor's answer to a request: accept at once, or decline with an optional kind word, asked in a dialog. */
export function RespondToRequest({ mentorship, onAnswered }: { mentorship: Mentorship; onAnswered: (answer: 'accepted' | 'declined', m: Mentorship) => void }) {
  const { t } = useTranslation();
  const accept = useAccept();
  const decline = useDecline();
  const [declining, setDeclining] = useState(false);
  const [message, setMessage] = useState('');
  const name = mentorship.mentee.displayName;
  const error = accept.error ?? (declining ? null : decline.error);
  const submitDecline = (e: FormEvent) => {
    e.preventDefault();
    act(decline, { id: mentorship.id, ...(message.trim() ? { message: message.trim() } : {}) }, (m) => {
      setDeclining(false);
      onAnswered('declined', m);
    });
  };
  return (
    <>
      {error && <Alert live tone="error" title={errorMessage(error, t)} />}
      <div className="actions">
        <Button pending={accept.isPending} onClick={() => act(accept, mentorship.id, (m) => onAnswered('accepted', m))}>
          {t('mentoring.respond.accept', { name })}
        </Button>
        <Button variant="secondary" onClick={() => setDeclining(true)}>
          {t('mentoring.respond.decline')}
        </Button>
      </div>
      <Dialog open={declining} title={t('mentoring.respond.declineTitle', { name })} onClose={() => setDeclining(false)}>
        <form className="form" onSubmit={submitDecline} noValidate>
          <p>{t('mentoring.respond.declineLead', { name })}</p>
          <TextAreaField
            id={`decline-${mentorship.id}`}
            name="message"
            label={t('mentoring.respond.message', { name })}
            hint={t('mentoring.respond.messageHint')}
            value={message}
            onChange={setMessage}
            maxLength={mentoringLimits.messageMax}
            rows={4}
          />
          {decline.isError && <Alert live tone="error" title={errorMessage(decline.error, t)} />}
          <div className="actions">
            <Button type="submit" pending={decline.isPending}>
              {t('mentoring.respond.declineConfirm')}
            </Button>
            <Button variant="quiet" onClick={() => setDeclining(false)}>
              {t('mentoring.respond.keep')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
