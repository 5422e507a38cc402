import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_TYPE_CODES, type MeetingTypeCode, TIMES_OF_DAY, TIME_OF_DAY_HOURS } from '../../../contracts/meetings.ts';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { browserTimeZone } from '../../lib/time.ts';
import { activeFilterCount, FINDER_ATTENDANCE, FINDER_LANGUAGES, type Filters, NO_FILTERS, type Position, RADII } from './filters.ts';
import { COMMON_TYPES, typeName, wallTime, weekdayName, weekOrder, zoneLabel } from './format.ts';
import { NearMe } from './NearMe.tsx';

interface FinderFiltersProps {
  filters: Filters;
  /** A change to apply at once (and push onto the history). */
  onChange: (next: Filters) => void;
  /** The search box was submitted: apply it and take the person to the results. */
  onSearch: (next: Filters) => void;
  near: Position | null;
  onNear: (position: Position | null) => void;
}

const OTHER_TYPES = MEETING_TYPE_CODES.filter((c) => !COMMON_TYPES.includes(c));

/**
 * The finder's filters: the search box always in view, the rest in fieldsets with legends that fold away behind
 * a "Filters" button on a phone. Choices apply as soon as they change; the search text when it is submitted.
 */
export function FinderFilters({ filters, onChange, onSearch, near, onNear }: FinderFiltersProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(filters.q);
  // The back button changes the URL under the box: follow it.
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => onChange({ ...filters, [name]: value });
  const count = activeFilterCount(filters, near);
  const hours = (tod: (typeof TIMES_OF_DAY)[number]) => {
    const [from, to] = TIME_OF_DAY_HOURS[tod];
    return t('meetings.time.range', { start: wallTime(`${String(from).padStart(2, '0')}:00`, locale), end: wallTime(`${String(to).padStart(2, '0')}:00`, locale) });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...filters, q: q.trim() });
  };
  const hasOtherTypes = filters.types.some((c) => !COMMON_TYPES.includes(c));

  return (
    <form className="finder-filters" role="search" aria-label={t('meetings.finder.searchLabel')} onSubmit={submit} noValidate>
      <div className="finder-search">
        <TextField id="finder-q" name="q" type="search" label={t('meetings.finder.q')} hint={t('meetings.finder.qHint')} value={q} onChange={setQ} autoComplete="off" />
        <Button type="submit" variant="primary">
          {t('meetings.finder.search')}
        </Button>
      </div>

      <div className="finder-filters-header">
        <h2 id="finder-filters-heading">{t('meetings.finder.filters')}</h2>
        <button type="button" className="button button--secondary finder-filters-toggle" aria-expanded={open} aria-controls="finder-panel" onClick={() => setOpen(!open)}>
          {open ? t('meetings.finder.hideFilters') : count > 0 ? t('meetings.finder.showFiltersCount', { count }) : t('meetings.finder.showFilters')}
        </button>
      </div>

      <div id="finder-panel" className="finder-panel" data-open={open || undefined}>
        <ChipGroup
          multiple
          id="finder-day"
          name="day"
          legend={t('meetings.finder.days')}
          options={weekOrder(locale).map((d) => ({ value: String(d), label: weekdayName(d, locale) }))}
          value={filters.day}
          onChange={(v) => set('day', v)}
        />
        <div className="finder-when">
          <ChipGroup
            multiple
            id="finder-time"
            name="timeOfDay"
            legend={t('meetings.finder.timeOfDay')}
            hint={t('meetings.finder.timeOfDayHint', { zone: zoneLabel(browserTimeZone()) })}
            options={TIMES_OF_DAY.map((tod) => ({
              value: tod,
              label: (
                <>
                  <span>{t(`meetings.timesOfDay.${tod}`)}</span>
                  <span className="chip-word">{hours(tod)}</span>
                </>
              ),
            }))}
            value={filters.timeOfDay}
            onChange={(v) => set('timeOfDay', v)}
          />
          <Checkbox id="finder-soon" name="soon" checked={filters.soon} onChange={(v) => set('soon', v)} label={t('meetings.finder.soon')} />
        </div>
        <ChipGroup
          multiple
          id="finder-attendance"
          name="attendance"
          legend={t('meetings.finder.attendance')}
          options={FINDER_ATTENDANCE.map((a) => ({ value: a, label: t(`meetings.attendance.${a}`) }))}
          value={filters.attendance}
          onChange={(v) => set('attendance', v)}
        />
        <div className="finder-types">
          <ChipGroup
            multiple
            id="finder-types"
            name="types"
            legend={t('meetings.finder.types')}
            options={COMMON_TYPES.map((c) => ({ value: c, label: typeName(c, t) }))}
            value={filters.types.filter((c) => COMMON_TYPES.includes(c))}
            onChange={(v) => set('types', [...v, ...filters.types.filter((c) => !COMMON_TYPES.includes(c))])}
          />
          <details className="disclosure" open={hasOtherTypes || undefined}>
            <summary>{t('meetings.finder.moreTypes', { n: OTHER_TYPES.length })}</summary>
            <ChipGroup<MeetingTypeCode>
              multiple
              id="finder-more-types"
              name="types"
              legend={t('meetings.finder.moreTypesLegend')}
              options={OTHER_TYPES.map((c) => ({ value: c, label: typeName(c, t) }))}
              value={filters.types.filter((c) => !COMMON_TYPES.includes(c))}
              onChange={(v) => set('types', [...filters.types.filter((c) => COMMON_TYPES.includes(c)), ...v])}
            />
          </details>
        </div>
        <SelectField
          id="finder-language"
          name="language"
          label={t('meetings.finder.language')}
          value={filters.language}
          onChange={(v) => set('language', v as Filters['language'])}
          options={[{ value: '', label: t('meetings.finder.anyLanguage') }, ...FINDER_LANGUAGES.map((l) => ({ value: l, label: t(`meetings.languages.${l}`) }))]}
        />
        <fieldset className="field finder-location">
          <legend className="field-label">{t('meetings.finder.location')}</legend>
          <NearMe near={near} onNear={onNear} typed={filters.lat && filters.lng ? { lat: filters.lat, lng: filters.lng } : null} onTyped={(at) => onChange({ ...filters, lat: at?.lat ?? '', lng: at?.lng ?? '' })} />
          {(near || (filters.lat && filters.lng)) && (
            <SelectField
              id="finder-radius"
              name="radiusKm"
              label={t('meetings.finder.radius')}
              value={filters.radiusKm || '25'}
              onChange={(v) => set('radiusKm', v)}
              options={RADII.map((r) => ({ value: r, label: t('meetings.finder.radiusKm', { n: Number(r) }) }))}
            />
          )}
        </fieldset>
        {count > 0 && (
          <div className="actions">
            <Button
              variant="quiet"
              onClick={() => {
                // The button goes away with the filters: the search takes focus to the results.
                onNear(null);
                onSearch(NO_FILTERS);
              }}
            >
              {t('meetings.finder.clear')}
            </Button>
          </div>
        )}
      </div>
    </form>
  );
}
