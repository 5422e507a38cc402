import type { ReactNode } from 'react';
import { describedBy, FieldNotes } from './FieldNotes.tsx';

/*
 * Checkboxes and radio buttons as native inputs in a fieldset. react-aria's Checkbox and Radio are not used: their
 * press handling injects a <style> element, which Kindred's Content-Security-Policy refuses.
 */

interface Option<T extends string> {
  value: T;
  label: ReactNode;
  hint?: ReactNode;
}

interface GroupProps<T extends string> {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: Option<T>[];
}

function Group<T extends string>({ id, legend, hint, error, children }: GroupProps<T> & { children: ReactNode }) {
  const described = describedBy(id, hint, error);
  return (
    <fieldset className="field choices" id={id} tabIndex={-1} aria-describedby={described} data-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

function Choice({ id, type, name, checked, onChange, label, hint, value }: { id: string; type: 'checkbox' | 'radio'; name: string; checked: boolean; onChange: () => void; label: ReactNode; hint?: ReactNode; value: string }) {
  return (
    <div className="choice">
      <input id={id} type={type} name={name} value={value} checked={checked} onChange={onChange} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div className="choice-text">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span className="choice-hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </div>
    </div>
  );
}

export function CheckboxGroup<T extends string>(props: GroupProps<T> & { value: T[]; onChange: (value: T[]) => void }) {
  const { id, name, options, value, onChange } = props;
  const toggle = (v: T) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <Group {...props}>
      {options.map((o) => (
        <Choice key={o.value} id={`${id}-${o.value}`} type="checkbox" name={name} value={o.value} checked={value.includes(o.value)} onChange={() => toggle(o.value)} label={o.label} hint={o.hint} />
      ))}
    </Group>
  );
}

export function RadioGroup<T extends string>(props: GroupProps<T> & { value: T; onChange: (value: T) => void }) {
  const { id, name, options, value, onChange } = props;
  return (
    <Group {...props}>
      {options.map((o) => (
        <Choice key={o.value} id={`${id}-${o.value}`} type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} label={o.label} hint={o.hint} />
      ))}
    </Group>
  );
}

export function Checkbox({ id, name, checked, onChange, label, hint }: { id: string; name: string; checked: boolean; onChange: (checked: boolean) => void; label: ReactNode; hint?: ReactNode }) {
  return <Choice id={id} type="checkbox" name={name} value="yes" checked={checked} onChange={() => onChange(!checked)} label={label} hint={hint} />;
}
