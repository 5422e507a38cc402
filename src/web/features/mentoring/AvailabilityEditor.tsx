import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentoringLimits } from '../../../contracts/mentoring.ts';
import { describedBy, FieldNotes } from '../../components/FieldNotes.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { halfHours, wallTime, weekdayName, weekOrder } from './format.ts';

/** A window as the form keeps it: every value a string, as the selects give them. */
export type WindowRow = { day: string; start: string; end: string };
export const toWindow = (w: WindowRow) => ({ day: Number(w.day), start: w.start, end: w.end });
export const toRow = (w: { day: number; start: string; end: string }): WindowRow => ({ day: String(w.day), start: w.start, end: w.end });

/**
 * Weekly times a person is free, in their own time zone: one row per window (day, from, until), half-hour steps in
 * native selects (a phone opens its own picker, and "midnight" can end a day). Adding a row moves focus into it;
 * removing one moves focus to the next sensible place.
 */
export function AvailabilityEditor({ id, legend, hint, error, value, onChange }: { id: string; legend: ReactNode; hint?: ReactNode; error?: string | undefined; value: WindowRow[]; onChange: (rows: WindowRow[]) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    const target = focusRow < 0 ? addButton.current : list.current?.querySelectorAll<HTMLElement>('.window-row')[focusRow]?.querySelector<HTMLElement>('select');
    target?.focus();
    setFocusRow(null);
  }, [focusRow]);
  const change = (i: number, patch: Partial<WindowRow>) => onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const last = value[value.length - 1];
  return (
    <fieldset className="field windows-editor" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)} data-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {value.length === 0 && <p className="muted">{t('mentoring.windows.none')}</p>}
      {value.length > 0 && (
        <ol className="window-rows" ref={list}>
          {value.map((row, i) => {
            const n = i + 1;
            return (
              <li key={i} className="window-row">
                <fieldset className="window-fields">
                  <legend className="visually-hidden">{t('mentoring.windows.row', { n })}</legend>
                  <Select id={`${id}-${i}-day`} label={t('mentoring.windows.day')} value={row.day} onChange={(day) => change(i, { day })} options={weekOrder(locale).map((d) => ({ value: String(d), label: weekdayName(d, locale) }))} />
                  <Select id={`${id}-${i}-start`} label={t('mentoring.windows.from')} value={row.start} onChange={(start) => change(i, { start })} options={halfHours('start').map((h) => ({ value: h, label: wallTime(h, locale, t) }))} />
                  <Select id={`${id}-${i}-end`} label={t('mentoring.windows.until')} value={row.end} onChange={(end) => change(i, { end })} options={halfHours('end').map((h) => ({ value: h, label: wallTime(h, locale, t) }))} />
                </fieldset>
                <button
                  type="button"
                  className="button button--quiet window-remove"
                  aria-label={t('mentoring.windows.removeLabel', { n })}
                  onClick={() => {
                    onChange(value.filter((_, j) => j !== i));
                    setFocusRow(value.length > 1 ? Math.min(i, value.length - 2) : -1);
                  }}
                >
                  {t('mentoring.windows.remove')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {value.length < mentoringLimits.windowsMax && (
        <button
          type="button"
          ref={addButton}
          className="button button--secondary window-add"
          onClick={() => {
            // A new row starts from the last one (the next day, same hours): weekly routines repeat.
            const next = last ? { day: String((Number(last.day) + 1) % 7), start: last.start, end: last.end } : { day: '1', start: '18:00', end: '20:00' };
            onChange([...value, next]);
            setFocusRow(value.length);
          }}
        >
          {t('mentoring.windows.add')}
        </button>
      )}
    </fieldset>
  );
}

function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label className="field-label field-label--small" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input select" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
