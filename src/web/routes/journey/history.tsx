import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { type CheckInList, type SobrietySummary, useChart, useCheckIns, useSobriety } from '../../features/journey/api.ts';
import { JourneyPage } from '../../features/journey/JourneyPage.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { addDays, formatLocalDate, todayIn } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import { CheckInSummary } from './check-in.tsx';

const RANGES = [30, 90] as const;
type Range = (typeof RANGES)[number];

/** The chart of mood and craving (30 or 90 days) with a summary in words, and the check-ins themselves. */
export function HistoryPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [days, setDays] = useState<Range>(30);
  const today = todayIn(me.timeZone);
  const from = addDays(today, -(days - 1));
  const list = useCheckIns(from, today);
  const sobriety = useSobriety();
  const chart = useChart(days);

  return (
    <JourneyPage title={t('journey.pages.history.title')} lead={<p>{t('journey.history.lead')}</p>}>
      <div className="segmented" role="group" aria-label={t('journey.history.rangeLabel')}>
        {RANGES.map((r) => (
          <button key={r} type="button" className="segmented-option" aria-pressed={r === days} onClick={() => setDays(r)}>
            {t('journey.history.range', { count: r })}
          </button>
        ))}
      </div>
      {list.isPending && <Loading />}
      {list.isError && <Alert tone="error" title={errorMessage(list.error, t)} />}
      {list.data && (
        <>
          <figure className="chart card">
            {chart.data ? (
              <img src={chart.data} alt={t('journey.history.chartAlt', { count: days })} width="640" height="240" />
            ) : (
              <div className="chart-placeholder" aria-hidden="true" />
            )}
            <figcaption>
              <ChartSummary list={list.data} sobriety={sobriety.data} days={days} />
            </figcaption>
          </figure>
          <h2>{t('journey.history.recent')}</h2>
          {list.data.checkIns.length === 0 ? (
            <p>
              {t('journey.history.none')} <Link to="/journey/check-in">{t('journey.home.checkInNow')}</Link>
            </p>
          ) : (
            <ul className="card-list card-list--single">
              {[...list.data.checkIns]
                .sort((a, b) => b.date.localeCompare(a.date))
                .map((c) => (
                  <li key={c.date} className="card">
                    <h3 className="card-title">{formatLocalDate(c.date, currentLocale(), 'long')}</h3>
                    <CheckInSummary checkIn={c} />
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </JourneyPage>
  );
}

/** What the chart shows, in words, for everyone who cannot see it. */
function ChartSummary({ list, sobriety, days }: { list: CheckInList; sobriety: SobrietySummary | undefined; days: number }) {
  const { t } = useTranslation();
  const n = list.checkIns.length;
  if (n === 0) return <p>{t('journey.history.summaryNone', { count: days })}</p>;
  const locale = currentLocale();
  const avg = (pick: (c: CheckInList['checkIns'][number]) => number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(list.checkIns.reduce((sum, c) => sum + pick(c), 0) / n);
  const setbacks = (sobriety?.tracks ?? []).flatMap((tr) => tr.periods).filter((p) => p.endedOn && p.endedOn >= list.from && p.endedOn <= list.to).length;
  return (
    <p>
      {t('journey.history.summary', { count: n, days, mood: avg((c) => c.mood), craving: avg((c) => c.craving) })}{' '}
      {setbacks > 0 && t('journey.history.summarySetbacks', { count: setbacks })}{' '}
      {t('journey.streak.longest', { count: list.streak.longest })}
    </p>
  );
}
