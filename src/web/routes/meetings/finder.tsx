import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useFinder } from '../../features/meetings/api.ts';
import { FinderFilters } from '../../features/meetings/FinderFilters.tsx';
import { type Filters, finderQueryString, type Position, readFilters, writeFilters } from '../../features/meetings/filters.ts';
import { MeetingCard } from '../../features/meetings/MeetingCard.tsx';
import '../../styles/meetings.css';
import { browserTimeZone } from '../../lib/time.ts';
import { errorMessage } from '../../lib/messages.ts';

/** The "near me" position, in memory only: it survives opening a meeting and coming back, never a reload. */
let rememberedNear: Position | null = null;

/** The meeting finder, open to everyone: filters in the URL, results in the viewer's own time zone. */
export function MeetingFinderPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  // The URL holds the filters; this copy shows a change at once, before the router has committed the new URL.
  const search = params.toString();
  const [filters, setFilters] = useState(() => readFilters(params));
  useEffect(() => setFilters(readFilters(new URLSearchParams(search))), [search]);
  const [near, setNearState] = useState(rememberedNear);
  const setNear = (p: Position | null) => {
    rememberedNear = p;
    setNearState(p);
  };
  const finder = useFinder(finderQueryString(filters, browserTimeZone(), near));
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(false);

  useEffect(() => {
    if (!focusResults || finder.isFetching) return;
    resultsHeading.current?.focus();
    setFocusResults(false);
  }, [focusResults, finder.isFetching]);

  const apply = (next: Filters) => {
    setFilters(next);
    setParams(writeFilters(next));
  };
  const data = finder.data;
  const status = finder.isFetching && !finder.isPending ? t('meetings.finder.searching') : data ? (data.total === 0 ? t('meetings.finder.none') : t('meetings.finder.found', { count: data.total })) : '';

  return (
    <Page wide title={t('meetings.finder.title')} lead={<p>{t('meetings.finder.lead')}</p>}>
      <p className="finder-links">
        <Link to="/groups">{t('meetings.finder.browseGroups')}</Link>
        {me && <Link to="/attendance">{t('meetings.mine.title')}</Link>}
      </p>
      <div className="finder">
        <FinderFilters
          filters={filters}
          onChange={apply}
          onSearch={(next) => {
            apply(next);
            setFocusResults(true);
          }}
          near={near}
          onNear={setNear}
        />
        <section className="finder-results" aria-labelledby="finder-results-heading">
          <h2 id="finder-results-heading" ref={resultsHeading} tabIndex={-1}>
            {t('meetings.finder.results')}
          </h2>
          <p role="status" className="finder-count">
            {status}
            {data && !finder.isFetching && data.total > data.results.length && ` ${t('meetings.finder.showingFirst', { n: data.results.length })}`}
          </p>
          {finder.isPending && <Loading />}
          {finder.isError && <Alert tone="error" title={errorMessage(finder.error, t)} />}
          {data && data.results.length === 0 && (
            <div className="card card--quiet">
              <p>{t('meetings.finder.emptyLead')}</p>
              <ul className="points">
                {(t('meetings.finder.emptyTips', { returnObjects: true }) as string[]).map((tip) => (
                  <li key={tip}>{tip}</li>
                ))}
              </ul>
            </div>
          )}
          {data && data.results.length > 0 && (
            <ul className="card-list card-list--single meeting-list" aria-busy={finder.isFetching || undefined}>
              {data.results.map((m) => (
                <MeetingCard key={`${m.id}-${m.match.date}`} meeting={m} occurrence={m.match} now={data.now} distanceKm={m.distanceKm} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </Page>
  );
}
