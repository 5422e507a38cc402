import { useTranslation } from 'react-i18next';
import { resourceLimits } from '../../../contracts/resources.ts';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { describedBy, FieldFrame, FieldNotes } from '../../components/FieldNotes.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { timeZoneOptions } from '../../lib/time.ts';
import { isoDayName, isoWeek } from './format.ts';

export type HoursMode = 'unknown' | 'always' | 'periods';
export interface PeriodRow {
  key: number;
  day: string;
  opens: string;
  closes: string;
}

let nextKey = 0;
export const periodRow = (p: { day: number | string; opens: string; closes: string }): PeriodRow => ({ key: nextKey++, day: String(p.day), opens: p.opens, closes: p.closes });

interface HoursEditorProps {
  mode: HoursMode;
  timeZone: string;
  periods: PeriodRow[];
  onMode: (mode: HoursMode) => void;
  onTimeZone: (zone: string) => void;
  onPeriods: (periods: PeriodRow[]) => void;
  /** The form's id for a field name ("hours.periods.2.opens"), and its message, if any. */
  fieldId: (name: string) => string;
  error: (name: string) => string | undefined;
  /** Keeps the keyboard's place after a row is added or removed. */
  setFocus: (id: string) => void;
}

/**
 * Opening hours: not known, always open, or periods per weekday in the entry's own time zone. A period whose close
 * is earlier than its open runs past midnight.
 */
export function HoursEditor({ mode, timeZone, periods, onMode, onTimeZone, onPeriods, fieldId, error, setFocus }: HoursEditorProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const days = isoWeek(locale).map((d) => ({ value: String(d), label: isoDayName(d, locale) }));
  const full = periods.length >= resourceLimits.hoursPeriods;
  const change = (i: number, patch: Partial<PeriodRow>) => onPeriods(periods.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const add = (rows: PeriodRow[]) => {
    const next = [...periods, ...rows].slice(0, resourceLimits.hoursPeriods);
    onPeriods(next);
    setFocus(fieldId(`hours.periods.${periods.length}.day`));
  };
  const groupId = fieldId('hours.periods');
  const groupError = error('hours.periods');

  return (
    <>
      <RadioGroup<HoursMode>
        id={fieldId('hours.mode')}
        name="hours.mode"
        legend={t('resources.form.hours')}
        error={error('hours.mode')}
        value={mode}
        onChange={onMode}
        options={[
          { value: 'unknown', label: t('resources.form.hoursUnknown') },
          { value: 'always', label: t('resources.form.hoursAlways') },
          { value: 'periods', label: t('resources.form.hoursPeriods') },
        ]}
      />
      {mode !== 'unknown' && (
        <SelectField id={fieldId('hours.timeZone')} name="hours.timeZone" label={t('resources.form.timeZone')} hint={t('resources.form.timeZoneHint')} error={error('hours.timeZone')} value={timeZone} onChange={onTimeZone} options={timeZoneOptions(timeZone)} />
      )}
      {mode === 'periods' && (
        <fieldset className="field form-group" id={groupId} tabIndex={-1} aria-describedby={describedBy(groupId, t('resources.form.periodsHint'), groupError)} data-invalid={groupError ? true : undefined}>
          <legend className="field-label">{t('resources.form.periods')}</legend>
          <FieldNotes id={groupId} hint={t('resources.form.periodsHint')} error={groupError} />
          {periods.length > 0 && (
            <ol className="hours-rows">
              {periods.map((p, i) => {
                const name = (f: string) => `hours.periods.${i}.${f}`;
                return (
                  <li key={p.key} className="hours-row">
                    <SelectField id={fieldId(name('day'))} name={name('day')} label={t('resources.form.periodDay', { n: i + 1 })} error={error(name('day'))} value={p.day} onChange={(day) => change(i, { day })} options={days} />
                    <TimeInput id={fieldId(name('opens'))} name={name('opens')} label={t('resources.form.opens')} error={error(name('opens'))} value={p.opens} onChange={(opens) => change(i, { opens })} />
                    <TimeInput id={fieldId(name('closes'))} name={name('closes')} label={t('resources.form.closes')} error={error(name('closes'))} value={p.closes} onChange={(closes) => change(i, { closes })} />
                    <Button
                      variant="quiet"
                      aria-label={t('resources.form.removePeriodLabel', { n: i + 1 })}
                      onClick={() => {
                        onPeriods(periods.filter((_, j) => j !== i));
                        setFocus(periods.length > 1 ? fieldId(`hours.periods.${Math.min(i, periods.length - 2)}.day`) : fieldId('hours.add'));
                      }}
                    >
                      {t('resources.form.removePeriod')}
                    </Button>
                  </li>
                );
              })}
            </ol>
          )}
          <div className="actions">
            <Button id={fieldId('hours.add')} variant="secondary" disabled={full} onClick={() => add([periodRow({ day: 1, opens: '09:00', closes: '17:00' })])}>
              {t('resources.form.addPeriod')}
            </Button>
            <Button variant="quiet" disabled={full} onClick={() => add([1, 2, 3, 4, 5].map((day) => periodRow({ day, opens: '09:00', closes: '17:00' })))}>
              {t('resources.form.addWeekdays')}
            </Button>
          </div>
        </fieldset>
      )}
    </>
  );
}

/** A native time input: phones open their own clock picker; the value is "HH:MM", 24-hour. */
function TimeInput({ id, name, label, error, value, onChange }: { id: string; name: string; label: string; error?: string | undefined; value: string; onChange: (v: string) => void }) {
  return (
    <FieldFrame id={id} label={label} error={error}>
      <input id={id} name={name} type="time" className="input" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} />
    </FieldFrame>
  );
}
