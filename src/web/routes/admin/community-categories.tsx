import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CATEGORY_POST, CATEGORY_READ } from '../../../contracts/community.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { CategoryForm } from '../../features/community/moderation/CategoryForm.tsx';
import { CommunityAdminPage } from '../../features/community/moderation/CommunityAdminPage.tsx';
import { Done } from '../../features/community/moderation/QueueActions.tsx';
import { type Category, useAdminCategories } from '../../features/community/moderation-api.ts';
import { useGroups } from '../../features/meetings/api.ts';
import { errorMessage } from '../../lib/messages.ts';

/** The forum's categories: who reads and who posts in each, their language, order, celebrations and archiving. */
export function CommunityCategoriesPage() {
  const { t } = useTranslation();
  const categories = useAdminCategories();
  const [creating, setCreating] = useState(false);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const said = (text: string) => setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  const sorted = [...(categories.data ?? [])].sort((a, b) => Number(a.archived) - Number(b.archived) || a.position - b.position || a.name.localeCompare(b.name));
  return (
    <CommunityAdminPage title={t('communityMod.categories.title')} lead={t('communityMod.categories.lead')}>
      <section aria-labelledby="categories-list">
        <h2 id="categories-list">{t('communityMod.categories.listTitle')}</h2>
        {done && <Done key={done.n} text={done.text} />}
        {creating ? (
          <div className="card">
            <h3>{t('communityMod.categories.newTitle')}</h3>
            <CategoryForm
              category={null}
              onSaved={(c) => {
                setCreating(false);
                said(t('communityMod.categories.created', { name: c.name }));
              }}
              onCancel={() => {
                setCreating(false);
                requestAnimationFrame(() => document.getElementById('category-new')?.focus());
              }}
            />
          </div>
        ) : (
          <p>
            <Button id="category-new" onClick={() => setCreating(true)}>
              {t('communityMod.categories.new')}
            </Button>
          </p>
        )}
        {categories.isPending && <Loading />}
        {categories.isError && <Alert tone="error" title={errorMessage(categories.error, t)} />}
        {categories.data && categories.data.length === 0 && <p>{t('communityMod.categories.empty')}</p>}
        {sorted.length > 0 && (
          <ul className="card-list mod-list">
            {sorted.map((c) => (
              <CategoryCard key={c.id} category={c} />
            ))}
          </ul>
        )}
      </section>
      {/* After the list, which is what a coordinator comes for; the form's choices carry a short hint each too. */}
      <AccessGuide />
    </CommunityAdminPage>
  );
}

/** What each access setting means, in plain words, before anyone chooses one. */
function AccessGuide() {
  const { t } = useTranslation();
  return (
    <section className="card card--quiet" aria-labelledby="access-guide">
      <h2 id="access-guide">{t('communityMod.access.guideTitle')}</h2>
      <h3 className="mod-small-heading">{t('communityMod.categories.readAccess')}</h3>
      <dl className="mod-guide">
        {CATEGORY_READ.map((r) => (
          <div key={r}>
            <dt>{t(`communityMod.access.read.${r}`)}</dt>
            <dd>{t(`communityMod.access.readGuide.${r}`)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mod-small-heading">{t('communityMod.categories.postAccess')}</h3>
      <dl className="mod-guide">
        {CATEGORY_POST.map((p) => (
          <div key={p}>
            <dt>{t(`communityMod.access.post.${p}`)}</dt>
            <dd>{t(`communityMod.access.postGuide.${p}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('communityMod.access.moderatorsReadAll')}</p>
    </section>
  );
}

function CategoryCard({ category: c }: { category: Category }) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const group = c.groupId ? (groups.data?.find((g) => g.id === c.groupId)?.name ?? t('communityMod.categories.unknownGroup')) : null;
  const headingId = `category-${c.id}-name`;
  const focusEdit = () => requestAnimationFrame(() => document.getElementById(`category-${c.id}-edit`)?.focus());
  return (
    <li className={c.archived ? 'card mod-category mod-category--archived' : 'card mod-category'}>
      <h3 className="card-title" id={headingId} lang={c.locale}>
        {c.name}
      </h3>
      <p className="mod-badges">
        {c.archived && <span className="badge badge--warning">{t('communityMod.categories.archivedBadge')}</span>}
        {c.celebrations && <span className="badge">{t('communityMod.categories.celebrationsBadge')}</span>}
      </p>
      {editing ? (
        <CategoryForm
          category={c}
          onSaved={(saved) => {
            setEditing(false);
            setDone((d) => ({ text: t('communityMod.categories.saved', { name: saved.name }), n: (d?.n ?? 0) + 1 }));
          }}
          onCancel={() => {
            setEditing(false);
            focusEdit();
          }}
        />
      ) : (
        <>
          {c.description && <p lang={c.locale}>{c.description}</p>}
          <dl className="mod-facts mod-facts--inline">
            <div>
              <dt>{t('communityMod.categories.address')}</dt>
              <dd>
                <Link to={`/community/c/${c.slug}`}>/community/c/{c.slug}</Link>
              </dd>
            </div>
            <div>
              <dt>{t('communityMod.categories.readAccess')}</dt>
              <dd>{t(`communityMod.access.read.${c.readAccess}`)}</dd>
            </div>
            <div>
              <dt>{t('communityMod.categories.postAccess')}</dt>
              <dd>{t(`communityMod.access.post.${c.postAccess}`)}</dd>
            </div>
            {group && (
              <div>
                <dt>{t('communityMod.categories.group')}</dt>
                <dd>{group}</dd>
              </div>
            )}
            <div>
              <dt>{t('communityMod.categories.language')}</dt>
              <dd lang={c.locale}>{c.locale === 'es' ? 'Español' : 'English'}</dd>
            </div>
            <div>
              <dt>{t('communityMod.categories.position')}</dt>
              <dd>{c.position}</dd>
            </div>
            <div>
              <dt>{t('communityMod.categories.topics')}</dt>
              <dd>{c.topicCount}</dd>
            </div>
          </dl>
          <div role="status">{done && <Done key={done.n} text={done.text} />}</div>
          <div className="actions">
            <Button
              id={`category-${c.id}-edit`}
              variant="secondary"
              aria-describedby={headingId}
              onClick={() => {
                setDone(null);
                setEditing(true);
              }}
            >
              {t('communityMod.categories.edit')}
            </Button>
          </div>
        </>
      )}
    </li>
  );
}
