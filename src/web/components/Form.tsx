import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormFeedback } from '../lib/form.ts';
import { Button } from './Button.tsx';

interface FormProps {
  onSubmit: (event: FormEvent) => void;
  feedback: FormFeedback;
  fieldId: (name: string) => string;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** Extra content for the alert, e.g. a "send a new link" action. */
  summaryExtra?: ReactNode;
  children: ReactNode;
  label?: string;
  /** 'warning' for an answer that is not a mistake, such as "confirm your email first". */
  tone?: 'error' | 'warning';
}

/**
 * A form with its alert region first: the summary says what went wrong and links to each field that needs a
 * change. noValidate: the shared zod schemas check the values, so browser bubbles never compete with our messages.
 */
export function Form({ onSubmit, feedback, fieldId, summaryRef, summaryExtra, children, label, tone = 'error' }: FormProps) {
  const { t } = useTranslation();
  const fields = Object.entries(feedback.fields);
  const hasSummary = Boolean(feedback.summary || fields.length);
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={label}>
      <div role="alert" className={hasSummary ? `alert alert--${tone}` : 'alert-placeholder'} ref={summaryRef} tabIndex={-1}>
        {hasSummary && (
          <>
            <p className="alert-title">{feedback.summary ?? t('form.fixFields')}</p>
            {fields.length > 0 && (
              <ul className="error-list">
                {fields.map(([name, message]) => (
                  <li key={name}>
                    <a
                      href={`#${fieldId(name)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(fieldId(name))?.focus();
                      }}
                    >
                      {message}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {summaryExtra}
          </>
        )}
      </div>
      {children}
    </form>
  );
}

/** A form's closing row: the submit button, and a way back when there is somewhere to go back to. */
export function FormActions({ submitLabel, pending, onCancel }: { submitLabel: ReactNode; pending: boolean; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <Button type="submit" pending={pending}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}
