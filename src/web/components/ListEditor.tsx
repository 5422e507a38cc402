import { type ReactNode, useEffect, useRef, useState } from 'react';
import { describedBy, FieldNotes } from './FieldNotes.tsx';

interface ListEditorProps<T> {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  /** The row's inputs; `label` names the row ("Step 2"). */
  renderItem: (item: T, change: (next: T) => void, ids: { id: string; label: string }) => ReactNode;
  itemLabel: (n: number) => string;
  addLabel: string;
  /** The visible word ("Remove") and the full name a screen reader hears ("Remove step 2"). */
  removeText: string;
  removeLabel: (n: number) => string;
}

/**
 * A list the person edits row by row: add a row (focus moves into it), remove a row (focus moves to the next
 * sensible place). Empty rows are dropped by the caller when saving.
 */
export function ListEditor<T>({ id, legend, hint, error, items, onChange, blank, renderItem, itemLabel, addLabel, removeText, removeLabel }: ListEditorProps<T>) {
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    const target = focusRow < 0 ? addButton.current : list.current?.querySelectorAll<HTMLElement>('.list-row')[focusRow]?.querySelector<HTMLElement>('input, textarea');
    target?.focus();
    setFocusRow(null);
  }, [focusRow]);
  return (
    <fieldset className="field list-editor" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)} data-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {items.length > 0 && (
        <ol className="list-rows" ref={list}>
          {items.map((item, i) => (
            <li key={i} className="list-row">
              <div className="list-row-fields">
                {renderItem(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))), { id: `${id}-${i}`, label: itemLabel(i + 1) })}
              </div>
              <button
                type="button"
                className="button button--quiet list-remove"
                aria-label={removeLabel(i + 1)}
                onClick={() => {
                  onChange(items.filter((_, j) => j !== i));
                  setFocusRow(items.length > 1 ? Math.min(i, items.length - 2) : -1);
                }}
              >
                {removeText}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        ref={addButton}
        className="button button--secondary list-add"
        onClick={() => {
          onChange([...items, blank]);
          setFocusRow(items.length);
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}

/** One labelled text input inside a ListEditor row. */
export function RowInput({ id, label, value, onChange, type = 'text', inputMode, autoComplete }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: 'text' | 'tel'; inputMode?: 'text' | 'tel'; autoComplete?: string }) {
  return (
    <div className="field">
      <label className="field-label field-label--small" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" type={type} inputMode={inputMode} autoComplete={autoComplete ?? 'off'} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
