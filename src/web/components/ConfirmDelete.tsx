import { Button } from './Button.tsx';

/** Asks once before something is removed: the question, a clear yes (danger) and a way back. */
export function ConfirmDelete({ question, yes, no, pending, onConfirm, onCancel }: {
  question: string;
  yes: string;
  no: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="actions" role="group" aria-label={question}>
      <p>{question}</p>
      <Button variant="danger" pending={pending} onClick={onConfirm}>
        {yes}
      </Button>
      <Button variant="quiet" onClick={onCancel}>
        {no}
      </Button>
    </div>
  );
}
