import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { sheetHref, useResourceSearch } from '../../features/resources/api.ts';
import { type Filters, type Position, readFilters, searchQueryString, writeFilters } from '../../features/resources/filters.ts';
import { ResourceCard } from '../../features/resources/ResourceCard.tsx';
import { isReviewer } from '../../features/resources/roles.ts';
import { SearchForm } from '../../features/resources/SearchForm.tsx';
import '../../features/resources/resources.css';
import { errorMessage } from '../../lib/messages.ts';

/** The "near me" position, in memory only: it survives opening an entry and coming back, never a reload. */
let rememberedNear: Position | null = null;

/** The directory, open to everyone: filters in the URL, results as cards with the ways to reach each service. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  // The URL holds the filters; this copy shows a change at once, before the router has committed the new URL.
  const search = params.toString();
  const [filters, setFilters] = useState(() => readFilters(params));
  useEffect(() => setFilters(readFilters(new URLSearchParams(search))), [search]);
  const [near, setNearState] = useState(rememberedNear);
  const [page, setPage] = useState(1);
  const setNear = (p: Position | null) => {
    rememberedNear = p;
    setNearState(p);
    setPage(1);
  };
  const results = useResourceSearch(searchQueryString(filters, near, page));
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(false);
  useEffect(() => {
    if (!focusResults || results.isFetching) return;
    resultsHeading.current?.focus();
    setFocusResults(false);
  }, [focusResults, results.isFetching]);

  const apply = (next: Filters) => {
    setFilters(next);
    setPage(1);
    setParams(writeFilters(next));
  };
  const turn = (to: number) => {
    setPage(to);
    setFocusResults(true);
  };
  const data = results.data;
  const status = results.isFetching && !results.isPending ? t('resources.results.searching') : data ? (data.total === 0 ? t('resources.results.none') : t('resources.results.found', { count: data.total })) : '';
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Page wide title={t('resources.title')} lead={<p>{t('resources.lead')}</p>}>
      <ul className="resource-links">
        <li>
          <Link to="/resources/strategies">{t('resources.links.strategies')}</Link>
        </li>
        {me && (
          <li>
            <Link to="/resources/suggest">{t('resources.links.suggest')}</Link>
          </li>
        )}
        {me && isReviewer(me) && (
          <li>
            <Link to="/resources/review">{t('resources.links.review')}</Link>
          </li>
        )}
        <li>
          <a href={sheetHref(filters)} target="_blank" rel="noreferrer">
            {t('resources.links.sheet')}
            <span className="visually-hidden"> ({t('common.newTab')})</span>
          </a>
        </li>
      </ul>
      <div className="resource-finder">
        <SearchForm
          filters={filters}
          onChange={apply}
          onSearch={(next) => {
            apply(next);
            setFocusResults(true);
          }}
          near={near}
          onNear={setNear}
        />
        <section className="resource-results" aria-labelledby="resource-results-heading">
          <h2 id="resource-results-heading" ref={resultsHeading} tabIndex={-1}>
            {t('resources.results.title')}
          </h2>
          <p role="status" className="resource-count">
            {status}
          </p>
          {results.isPending && <Loading />}
          {results.isError && <Alert tone="error" title={errorMessage(results.error, t)} />}
          {data && data.resources.length === 0 && (
            <div className="card card--quiet">
              <p>{t('resources.results.emptyLead')}</p>
              <p>
                <Link to="/help">{t('resources.results.emptyHelp')}</Link>
              </p>
            </div>
          )}
          {data && data.resources.length > 0 && (
            <ul className="card-list card-list--single resource-list" aria-busy={results.isFetching || undefined}>
              {data.resources.map((r) => (
                <ResourceCard key={r.id} resource={r} />
              ))}
            </ul>
          )}
          {data && pages > 1 && (
            <nav className="pager" aria-label={t('resources.results.pages')}>
              <Button variant="secondary" disabled={page <= 1} onClick={() => turn(page - 1)}>
                {t('common.previous')}
              </Button>
              <span className="muted">{t('resources.results.pageOf', { page, pages })}</span>
              <Button variant="secondary" disabled={page >= pages} onClick={() => turn(page + 1)}>
                {t('common.next')}
              </Button>
            </nav>
          )}
        </section>
      </div>
    </Page>
  );
}
