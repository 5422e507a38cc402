import type { FieldProps } from './FieldNotes.tsx';
import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';

export interface TextFieldProps extends FieldProps {
  type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'url' | 'date' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'decimal' | 'search' | 'tel';
  /** For a date: the latest (YYYY-MM-DD) the picker offers. */
  max?: string;
  isRequired?: boolean;
  isReadOnly?: boolean;
  spellCheck?: boolean;
}

/** A labelled input; the hint and the error are tied to it with aria-describedby, and aria-invalid marks an error. */
export function TextField({ id, name, label, hint, error, value, onChange, type = 'text', autoComplete, inputMode, isRequired, isReadOnly, spellCheck, max }: TextFieldProps) {
  return (
    <AriaTextField
      id={id}
      name={name}
      className="field"
      value={String(value ?? '')}
      onChange={onChange}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      isRequired={isRequired}
      isReadOnly={isReadOnly}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      {hint && (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
      <Input className="input" spellCheck={spellCheck} max={max} />
    </AriaTextField>
  );
}
