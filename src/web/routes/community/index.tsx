import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useMe } from '../../features/account/api.ts';
import { type Category, useCategories } from '../../features/community/api.ts';
import { CommunityPage } from '../../features/community/CommunityPage.tsx';
import { SearchBox } from '../../features/community/SearchBox.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';

/** The forum's front page: its categories with what they are for and how lively they are, a search, a way to start. */
export function CommunityIndexPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const categories = useCategories();
  const canStart = (categories.data ?? []).some((c) => c.canPost && !c.archived);
  return (
    <CommunityPage title={t('community.index.title')} lead={<p>{t('community.index.lead')}</p>}>
      <SearchBox />
      {me && canStart && (
        <p>
          <Link to="/community/new" className="button button--primary">
            {t('community.index.newTopic')}
          </Link>
        </p>
      )}
      {me === null && (
        <p className="card card--quiet">
          {t('community.index.signedOut')} <Link to="/sign-in?next=%2Fcommunity">{t('community.index.signIn')}</Link> · <Link to="/sign-up">{t('community.index.join')}</Link>
        </p>
      )}
      <section aria-labelledby="community-categories">
        <h2 id="community-categories">{t('community.index.categories')}</h2>
        {categories.isPending && <Loading />}
        {categories.isError && <Alert tone="error" title={errorMessage(categories.error, t)} />}
        {categories.data?.length === 0 && <p>{t('community.index.none')}</p>}
        {categories.data && categories.data.length > 0 && (
          <ul className="category-list">
            {categories.data.map((c) => (
              <CategoryCard key={c.id} category={c} timeZone={me?.timeZone} />
            ))}
          </ul>
        )}
      </section>
    </CommunityPage>
  );
}

function CategoryCard({ category: c, timeZone }: { category: Category; timeZone: string | undefined }) {
  const { t } = useTranslation();
  return (
    <li className={c.archived ? 'card category-card category-card--archived' : 'card category-card'}>
      <h3 className="card-title">
        <Link to={`/community/c/${c.slug}`}>{c.name}</Link>
      </h3>
      {(c.readAccess !== 'public' || c.archived) && (
        <p className="category-badges">
          {c.readAccess !== 'public' && <span className="badge">{t(`community.access.${c.readAccess}`)}</span>}
          {c.archived && <span className="badge badge--warning">{t('community.category.archived')}</span>}
        </p>
      )}
      {c.description && <p className="category-description">{c.description}</p>}
      <p className="muted category-stats">
        {t('community.category.topicCount', { count: c.topicCount })}
        {' · '}
        {c.lastPostedAt ? t('community.category.lastActivity', { when: formatDateTime(c.lastPostedAt, currentLocale(), timeZone) }) : t('community.category.noActivity')}
      </p>
    </li>
  );
}
