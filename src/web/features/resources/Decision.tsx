import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceLimits } from '../../../contracts/resources.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorMessage } from '../../lib/messages.ts';
import type { Decision as DecisionBody } from './api.ts';

interface DecisionProps {
  /** What is decided on, for the buttons' full names ("Approve the tip on SAMHSA National Helpline"). */
  what: string;
  pending: boolean;
  error: unknown;
  onDecide: (body: DecisionBody) => void;
}

/** Approve or reject, with an optional note the author reads if it is rejected (never who decided). */
export function Decision({ what, pending, error, onDecide }: DecisionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<DecisionBody['decision'] | null>(null);
  const decide = (decision: DecisionBody['decision']) => {
    setChosen(decision);
    onDecide({ decision, note: note.trim() || null });
  };
  return (
    <div className="decision">
      <TextAreaField id={`${id}-note`} name="note" label={t('resources.review.note')} hint={t('resources.review.noteHint')} value={note} onChange={setNote} rows={2} maxLength={resourceLimits.reviewNote} />
      <div className="actions">
        <Button pending={pending && chosen === 'approve'} aria-label={t('resources.review.approveLabel', { what })} onClick={() => decide('approve')}>
          {t('resources.review.approve')}
        </Button>
        <Button variant="secondary" pending={pending && chosen === 'reject'} aria-label={t('resources.review.rejectLabel', { what })} onClick={() => decide('reject')}>
          {t('resources.review.reject')}
        </Button>
      </div>
      {Boolean(error) && <Alert live tone="error" title={errorMessage(error, t)} />}
    </div>
  );
}
