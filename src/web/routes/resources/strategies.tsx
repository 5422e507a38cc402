import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { COPING_WHEN } from '../../../contracts/resources.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useMe } from '../../features/account/api.ts';
import { type CopingWhen, otherLocale, useLibrary, useMyLibraryStrategies } from '../../features/resources/library-api.ts';
import { StrategyCard } from '../../features/resources/library/StrategyCard.tsx';
import { SignInFirst } from '../../features/resources/library/SignInFirst.tsx';
import { ReviewStatus } from '../../features/resources/library/StrategyFacts.tsx';
import { currentLocale, isLocale } from '../../i18n/setup.ts';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';

const isWhen = (v: string | null): v is CopingWhen => COPING_WHEN.includes(v as CopingWhen);

/**
 * The coping strategies library: filter by when it helps, search, in the reader's language (the other one a tap
 * away). The choices live in the URL, so back and a shared link keep them.
 */
export function StrategiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const signedIn = Boolean(me);
  const [params, setParams] = useSearchParams();
  const deleted = (useLocation().state as { deleted?: boolean } | null)?.deleted;
  const reader = currentLocale();
  const langParam = params.get('lang');
  const locale = isLocale(langParam) ? langParam : reader;
  const whenParam = params.get('when');
  const when = isWhen(whenParam) ? whenParam : undefined;
  const q = params.get('q') ?? '';
  const list = useLibrary({ locale, when, q: q || undefined });
  // The chip follows the tap at once: the router applies a URL change in a transition, after the browser's click.
  const [chosen, setChosen] = useState<CopingWhen | 'all'>(when ?? 'all');
  useEffect(() => setChosen(when ?? 'all'), [when]);

  /** Filters replace the history entry: back leaves the library instead of stepping through each tap. */
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  // Should the server keep the library for members only, a signed-out reader is asked to sign in, not shown an error.
  if (isApiError(list.error, 'unauthenticated')) {
    return (
      <Page title={t('coping.title')} lead={<p>{t('coping.lead')}</p>}>
        <SignInFirst />
      </Page>
    );
  }
  return (
    <Page title={t('coping.title')} lead={<p>{t('coping.lead')}</p>}>
      {deleted && <Alert live tone="success" title={t('coping.strategy.deleted')} />}
      <div className="actions">
        {signedIn ? (
          <Link to="/resources/strategies/new" className="button button--secondary">
            {t('coping.write.cta')}
          </Link>
        ) : (
          <Link to={`/sign-in?next=${encodeURIComponent('/resources/strategies')}`}>{t('coping.write.signIn')}</Link>
        )}
        <Link to="/resources">{t('coping.directory')}</Link>
      </div>

      {signedIn && <MyStrategies />}

      <SearchForm initial={q} onSearch={(words) => update({ q: words || null })} />
      <ChipGroup
        id="library-when"
        name="when"
        legend={t('coping.filter.legend')}
        hint={t('coping.filter.hint')}
        value={chosen}
        onChange={(v) => {
          setChosen(v);
          update({ when: v === 'all' ? null : v });
        }}
        options={[{ value: 'all' as const, label: t('coping.filter.all') }, ...COPING_WHEN.map((w) => ({ value: w, label: t(`coping.when.${w}`) }))]}
      />
      <p className="library-language">
        <span>{t('coping.language.showing', { language: t(`coping.languages.${locale}`) })}</span>
        <Link to={{ search: withParam(params, 'lang', locale === reader ? otherLocale(reader) : null) }} replace>
          {t('coping.language.switch', { language: t(`coping.languages.${otherLocale(locale)}`) })}
        </Link>
      </p>

      {list.isPending && <Loading />}
      {list.isError && <Alert tone="error" title={errorMessage(list.error, t)} />}
      {/* Announced after each filter or search, so the person hears what changed. */}
      <p role="status" className="muted">
        {list.data && (list.data.length === 0 ? t('coping.results.none') : t('coping.results.count', { count: list.data.length }))}
      </p>
      {list.data && list.data.length > 0 && (
        <ul className="card-list">
          {list.data.map((s) => (
            <StrategyCard key={s.id} strategy={s} signedIn={signedIn} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function withParam(params: URLSearchParams, key: string, value: string | null): string {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  const s = next.toString();
  return s ? `?${s}` : '';
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (words: string) => void }) {
  const { t } = useTranslation();
  const [words, setWords] = useState(initial);
  // Back and forward change the words in the URL.
  useEffect(() => setWords(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(words.trim());
  };
  return (
    <form role="search" className="library-search" aria-label={t('coping.search.label')} onSubmit={submit}>
      <TextField id="library-q" name="q" type="search" label={t('coping.search.field')} value={words} onChange={setWords} autoComplete="off" />
      <Button type="submit" variant="secondary">
        {t('coping.search.submit')}
      </Button>
      {initial && (
        <Button
          variant="quiet"
          onClick={() => {
            onSearch('');
            // The button goes away with the search: keep the person's place in the field.
            document.getElementById('library-q')?.focus();
          }}
        >
          {t('coping.search.clear')}
        </Button>
      )}
    </form>
  );
}

/** The reader's own strategies, whatever their language, with where each stands in review. */
function MyStrategies() {
  const { t } = useTranslation();
  const mine = useMyLibraryStrategies(true);
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-strategies">
      <h2 id="my-strategies" className="card-title">
        {t('coping.mine.title')}
      </h2>
      <ul className="my-strategies">
        {mine.data.map((s) => (
          <li key={s.id}>
            <Link to={`/resources/strategies/${s.id}`} lang={s.locale}>
              {s.title}
            </Link>
            <ReviewStatus strategy={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}
