import type { ReactNode } from 'react';
import { describedBy, FieldNotes } from './FieldNotes.tsx';

interface ChipOption<T extends string> {
  value: T;
  label: ReactNode;
}

interface ChipGroupProps<T extends string> {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: ChipOption<T>[];
  /** 'scale' lays the options out as an even grid of numbers (e.g. 0 to 10). */
  layout?: 'wrap' | 'scale';
}

type SingleProps<T extends string> = ChipGroupProps<T> & { multiple?: false; value: T | ''; onChange: (value: T) => void };
type MultipleProps<T extends string> = ChipGroupProps<T> & { multiple: true; value: T[]; onChange: (value: T[]) => void };

/**
 * Native radio buttons or checkboxes drawn as large, tappable chips (the input stays in the page, visually under its
 * label, so keyboard, screen readers and forms behave as usual). The fieldset takes focus when it has an error.
 */
export function ChipGroup<T extends string>(props: SingleProps<T> | MultipleProps<T>) {
  const { id, name, legend, hint, error, options, layout = 'wrap' } = props;
  const checked = (v: T) => (props.multiple ? props.value.includes(v) : props.value === v);
  const change = (v: T) => {
    if (props.multiple) props.onChange(props.value.includes(v) ? props.value.filter((x) => x !== v) : [...props.value, v]);
    else props.onChange(v);
  };
  return (
    <fieldset className="field chips-field" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)} data-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      <div className={`chips chips--${layout}`}>
        {options.map((o) => (
          <span className="chip" key={o.value}>
            <input id={`${id}-${o.value}`} type={props.multiple ? 'checkbox' : 'radio'} name={name} value={o.value} checked={checked(o.value)} onChange={() => change(o.value)} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
