import { describedBy, FieldFrame, type FieldProps } from './FieldNotes.tsx';

/** A labelled, native <textarea> for longer free text (gratitude, notes); grows with the person's words. */
export function TextAreaField({ id, name, label, hint, error, value, onChange, rows = 3, maxLength }: FieldProps & { rows?: number; maxLength?: number }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        className="input textarea"
        rows={rows}
        maxLength={maxLength}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}
