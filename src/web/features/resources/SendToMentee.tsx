import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useMe } from '../account/api.ts';
import { useMentees } from '../journey/api.ts';
import { type SendKind, useSendToMentee } from './library-api.ts';
import './library/library.css';

/**
 * For mentors: send a directory entry or a coping strategy to one of the people they mentor now (an in-app
 * notification linking here). Shows nothing for anyone without an active mentee.
 */
export function SendToMentee({ kind, id, headingLevel = 2 }: { kind: SendKind; id: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const mentees = useMentees(Boolean(me)).data;
  const send = useSendToMentee();
  const [chosen, setChosen] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);
  if (!me || !mentees || mentees.length === 0) return null;

  const Heading = `h${headingLevel}` as const;
  const menteeId = chosen || mentees[0]!.id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (send.isPending) return;
    setSentTo(null);
    send.mutate({ kind, id, menteeId }, { onSuccess: () => setSentTo(mentees.find((m) => m.id === menteeId)?.displayName ?? '') });
  };
  return (
    <section className="card send-to-mentee" aria-labelledby={headingId}>
      <Heading id={headingId} className="card-title">
        {t('coping.send.title')}
      </Heading>
      <p>{t('coping.send.lead')}</p>
      <form className="send-form" onSubmit={submit} aria-labelledby={headingId}>
        <SelectField
          id={`${headingId}-mentee`}
          name="menteeId"
          label={t('coping.send.mentee')}
          value={menteeId}
          onChange={(v) => {
            setChosen(v);
            setSentTo(null);
          }}
          options={mentees.map((m) => ({ value: m.id, label: m.displayName }))}
        />
        <Button type="submit" variant="secondary" pending={send.isPending}>
          {t('coping.send.submit')}
        </Button>
      </form>
      {sentTo !== null && <Alert live tone="success" ref={sentRef} title={t('coping.send.sent', { name: sentTo })} />}
      {send.isError && <Alert live tone="error" title={errorMessage(send.error, t)} />}
    </section>
  );
}
