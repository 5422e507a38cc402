import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldNotes } from '../../../components/FieldNotes.tsx';
import { RowInput } from '../../../components/ListEditor.tsx';

type Action = 'up' | 'down' | 'remove' | 'input';

/**
 * A strategy's steps, row by row, like components/ListEditor.tsx plus "Up" and "Down": order matters in a list of
 * steps. After a move, focus follows the step to its new place (on the same button, or the other one at an end);
 * after adding, it goes into the new row; after removing, to the next sensible place.
 */
export function StepsEditor({ id, legend, hint, error, steps, onChange }: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  steps: string[];
  onChange: (steps: string[]) => void;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<{ row: number; on: Action } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const row = list.current?.querySelectorAll<HTMLElement>('.list-row')[focus.row];
    const target = focus.row < 0 ? addButton.current : row?.querySelector<HTMLElement>(focus.on === 'input' ? 'input' : `[data-action="${focus.on}"]:not(:disabled)`) ?? row?.querySelector('input');
    target?.focus();
    setFocus(null);
  }, [focus]);

  const move = (from: number, to: number) => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    onChange(next);
    // At the top or bottom the button just used is disabled: stay on the row's other move button.
    const atEnd = to === 0 || to === steps.length - 1;
    setFocus({ row: to, on: atEnd ? (to < from ? 'down' : 'up') : to < from ? 'up' : 'down' });
  };

  return (
    <fieldset className="field list-editor" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)} data-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {steps.length > 0 && (
        <ol className="list-rows" ref={list}>
          {steps.map((step, i) => (
            <li key={i} className="list-row steps-row">
              <div className="list-row-fields">
                <RowInput id={`${id}-${i}`} label={t('coping.new.step', { n: i + 1 })} value={step} onChange={(v) => onChange(steps.map((s, j) => (j === i ? v : s)))} />
              </div>
              <div className="steps-row-actions">
                {/* One step has no order to change. */}
                {steps.length > 1 && (
                  <>
                    <button type="button" data-action="up" className="button button--quiet" disabled={i === 0} aria-label={t('coping.new.upStep', { n: i + 1 })} onClick={() => move(i, i - 1)}>
                      {t('coping.new.up')}
                    </button>
                    <button
                      type="button"
                      data-action="down"
                      className="button button--quiet"
                      disabled={i === steps.length - 1}
                      aria-label={t('coping.new.downStep', { n: i + 1 })}
                      onClick={() => move(i, i + 1)}
                    >
                      {t('coping.new.down')}
                    </button>
                  </>
                )}
                <button
                  type="button"
                  data-action="remove"
                  className="button button--quiet"
                  aria-label={t('coping.new.removeStep', { n: i + 1 })}
                  onClick={() => {
                    onChange(steps.filter((_, j) => j !== i));
                    setFocus(steps.length > 1 ? { row: Math.min(i, steps.length - 2), on: 'input' } : { row: -1, on: 'input' });
                  }}
                >
                  {t('coping.new.remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        ref={addButton}
        className="button button--secondary list-add"
        onClick={() => {
          onChange([...steps, '']);
          setFocus({ row: steps.length, on: 'input' });
        }}
      >
        {t('coping.new.addStep')}
      </button>
    </fieldset>
  );
}
