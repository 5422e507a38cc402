import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOURCE_CATEGORIES, RESOURCE_COSTS } from '../../../contracts/resources.ts';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useLocate } from '../../lib/locate.ts';
import { type Filters, NO_FILTERS, type Position, RADII, SEARCH_LANGUAGES, activeFilterCount } from './filters.ts';
import { languageName } from './format.ts';

interface SearchFormProps {
  filters: Filters;
  /** A choice to apply at once (and push onto the history). */
  onChange: (next: Filters) => void;
  /** The words were submitted: apply them and take the person to the results. */
  onSearch: (next: Filters) => void;
  near: Position | null;
  onNear: (position: Position | null) => void;
}

/**
 * The directory's search: words, then choices that apply as soon as they change. "Near me" asks the browser for
 * the position only when tapped.
 */
export function SearchForm({ filters, onChange, onSearch, near, onNear }: SearchFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState(filters.q);
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(filters, null);
  // The back button changes the URL under the box: follow it.
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => onChange({ ...filters, [name]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...filters, q: q.trim() });
  };

  return (
    <form className="resource-search" role="search" aria-label={t('resources.search.label')} onSubmit={submit} noValidate>
      <div className="resource-search-words">
        <TextField id="resource-q" name="q" type="search" label={t('resources.search.q')} hint={t('resources.search.qHint')} value={q} onChange={setQ} autoComplete="off" />
        <Button type="submit">{t('resources.search.submit')}</Button>
      </div>
      <fieldset className="field resource-near">
        <legend className="field-label">{t('resources.search.where')}</legend>
        <NearMe near={near} onNear={onNear} />
        {near && (
          <SelectField
            id="resource-radius"
            name="radiusKm"
            label={t('resources.search.radius')}
            value={filters.radiusKm}
            onChange={(v) => set('radiusKm', v as Filters['radiusKm'])}
            options={RADII.map((r) => ({ value: r, label: t('resources.search.radiusKm', { n: Number(r) }) }))}
          />
        )}
      </fieldset>
      <div className="resource-filters-header">
        <h2 id="resource-filters-heading">{t('resources.search.filters')}</h2>
        <button type="button" className="button button--secondary resource-filters-toggle" aria-expanded={open} aria-controls="resource-filters" onClick={() => setOpen(!open)}>
          {open ? t('resources.search.hideFilters') : count > 0 ? t('resources.search.showFiltersCount', { count }) : t('resources.search.showFilters')}
        </button>
      </div>
      {/* On a phone the choices fold away behind their button, so the results come sooner. */}
      <div id="resource-filters" className="resource-search-choices" data-open={open || undefined}>
        <SelectField
          id="resource-category"
          name="category"
          label={t('resources.search.category')}
          value={filters.category}
          onChange={(v) => set('category', v as Filters['category'])}
          options={[{ value: '', label: t('resources.search.anyCategory') }, ...RESOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`resources.categories.${c}`) }))]}
        />
        <SelectField
          id="resource-language"
          name="language"
          label={t('resources.search.language')}
          value={filters.language}
          onChange={(v) => set('language', v as Filters['language'])}
          options={[{ value: '', label: t('resources.search.anyLanguage') }, ...SEARCH_LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) }))]}
        />
        <SelectField
          id="resource-cost"
          name="cost"
          label={t('resources.search.cost')}
          value={filters.cost}
          onChange={(v) => set('cost', v as Filters['cost'])}
          options={[{ value: '', label: t('resources.search.anyCost') }, ...RESOURCE_COSTS.map((c) => ({ value: c, label: t(`resources.costs.${c}`) }))]}
        />
        <Checkbox id="resource-open-now" name="openNow" checked={filters.openNow} onChange={(v) => set('openNow', v)} label={t('resources.search.openNow')} hint={t('resources.search.openNowHint')} />
      </div>
      {activeFilterCount(filters, near) + Number(Boolean(filters.q)) > 0 && (
        <div className="actions">
          <Button
            variant="quiet"
            onClick={() => {
              onNear(null);
              onSearch(NO_FILTERS);
            }}
          >
            {t('resources.search.clear')}
          </Button>
        </div>
      )}
    </form>
  );
}

/** The browser is asked for the position only when the button is pressed; it stays in the page's memory. */
function NearMe({ near, onNear }: { near: Position | null; onNear: (p: Position | null) => void }) {
  const { t } = useTranslation();
  const { locate, locating, problem } = useLocate(onNear);
  return (
    <div className="near-me">
      <p className="field-hint" id="resource-near-hint">
        {t('resources.near.consent')}
      </p>
      {near ? (
        <p className="near-me-status">
          {t('resources.near.using')}{' '}
          <Button variant="quiet" onClick={() => onNear(null)}>
            {t('resources.near.stop')}
          </Button>
        </p>
      ) : (
        <Button variant="secondary" onClick={locate} pending={locating} aria-describedby="resource-near-hint">
          {t('resources.near.button')}
        </Button>
      )}
      <div role="alert">{problem && <p className="field-error">{t(`resources.near.${problem}`)}</p>}</div>
    </div>
  );
}
