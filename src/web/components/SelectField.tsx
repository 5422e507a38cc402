import { describedBy, FieldFrame, type FieldProps } from './FieldNotes.tsx';

interface SelectFieldProps extends FieldProps {
  options: { value: string; label: string }[];
}

/** A native <select>: on a phone it opens the system picker, which copes with long lists such as time zones. */
export function SelectField({ id, name, label, hint, error, value, onChange, options }: SelectFieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        className="input select"
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
