import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { type SearchResult, useCategories, useSearch } from '../../features/community/api.ts';
import { AuthorName } from '../../features/community/AuthorName.tsx';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { SearchBox } from '../../features/community/SearchBox.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';

/** Search over the topics and replies the reader may read, best matches first, the matched words highlighted. */
export function CommunitySearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = params.get('category') ?? '';
  const categories = useCategories();
  const search = useSearch(q, categoryId);
  const tooShort = q.trim().length > 0 && q.trim().length < 2;
  const results = search.data;
  return (
    <CommunityPage title={t('community.search.title')} lead={<p>{t('community.search.lead')}</p>}>
      {/* A new search starts from the URL's words (the key resets the fields when they change). */}
      <SearchBox key={`${q}|${categoryId}`} initial={q} categories={categories.data} initialCategory={categoryId} />
      {tooShort && <Alert tone="info" title={t('community.search.tooShort')} />}
      {q.trim().length >= 2 && (
        <section aria-labelledby="community-results">
          <h2 id="community-results">{t('community.search.results')}</h2>
          <p role="status">{results ? (results.length === 0 ? t('community.search.none') : t('community.search.found', { count: results.length })) : ''}</p>
          {search.isPending && <Loading />}
          {search.isError && <Alert tone="error" title={errorMessage(search.error, t)} />}
          {results && results.length > 0 && (
            <ol className="search-results">
              {results.map((r) => (
                <SearchHit key={r.postId} result={r} />
              ))}
            </ol>
          )}
        </section>
      )}
    </CommunityPage>
  );
}

function SearchHit({ result: r }: { result: SearchResult }) {
  const { t } = useTranslation();
  const timeZone = useMe().data?.timeZone;
  return (
    <li className="card search-hit">
      <h3 className="card-title">
        <Link to={`/community/t/${r.topicId}#post-${r.postNumber}`}>{r.title}</Link>
      </h3>
      <p className="muted search-hit-meta">
        {r.category.name} · <AuthorName author={r.author} /> · <time dateTime={r.createdAt}>{formatDate(r.createdAt, currentLocale(), timeZone)}</time>
        {r.postNumber > 1 && <> · {t('community.search.reply')}</>}
      </p>
      {/* The server HTML-escapes the whole snippet and adds only <mark> around the matched words, so it is shown as
          HTML to keep the highlight; no other markup can be in it. */}
      <p className="search-snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />
    </li>
  );
}
