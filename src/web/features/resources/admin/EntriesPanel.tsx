import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESOURCE_CATEGORIES, type ResourceCategory, resourceLimits } from '../../../../contracts/resources.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { useResourceSearch } from '../api.ts';
import { OpenNow } from '../ResourceCard.tsx';

type Status = 'published' | 'archived';
interface EntryFilters {
  q: string;
  category: ResourceCategory | '';
  status: Status;
}

/** Every entry, published or archived, narrowed by words and category, each with a way to open and edit it. */
export function EntriesPanel() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<EntryFilters>({ q: '', category: '', status: 'published' });
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ pageSize: String(resourceLimits.pageSizeMax), ...(page > 1 ? { page: String(page) } : {}) });
  if (filters.q) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  if (filters.status !== 'published') params.set('status', filters.status);
  const list = useResourceSearch(params.toString());
  const apply = (next: EntryFilters) => {
    setFilters(next);
    setPage(1);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...filters, q: q.trim() });
  };
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <section className="resource-section" aria-labelledby="admin-entries">
      <h2 id="admin-entries">{t('resources.admin.entries')}</h2>
      <div className="actions">
        <Link className="button button--primary" to="?new=1">
          {t('resources.admin.add')}
        </Link>
      </div>
      <form className="search-form" role="search" aria-label={t('resources.admin.filterLabel')} onSubmit={submit} noValidate>
        <TextField id="admin-entries-q" name="q" type="search" label={t('resources.search.q')} value={q} onChange={setQ} autoComplete="off" />
        <SelectField
          id="admin-entries-category"
          name="category"
          label={t('resources.search.category')}
          value={filters.category}
          onChange={(v) => apply({ ...filters, category: v as EntryFilters['category'] })}
          options={[{ value: '', label: t('resources.search.anyCategory') }, ...RESOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`resources.categories.${c}`) }))]}
        />
        <SelectField
          id="admin-entries-status"
          name="status"
          label={t('resources.admin.status')}
          value={filters.status}
          onChange={(v) => apply({ ...filters, status: v as Status })}
          options={(['published', 'archived'] as const).map((s) => ({ value: s, label: t(`resources.statuses.${s}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t('resources.search.submit')}
        </Button>
      </form>
      <p role="status" className="resource-count">
        {data && !list.isFetching && t('resources.results.found', { count: data.total })}
      </p>
      {list.isPending && <Loading />}
      {list.isError && <Alert tone="error" title={errorMessage(list.error, t)} />}
      {data && data.resources.length > 0 && (
        <ul className="entries-table" aria-busy={list.isFetching || undefined}>
          {data.resources.map((r) => (
            <li key={r.id}>
              <span className="entry-name">
                <Link to={`/resources/${r.id}`}>{r.name}</Link>
              </span>
              <span className="muted">{t(`resources.categories.${r.category}`)}</span>
              {r.audience === 'members' && <span className="badge badge--members">{t('resources.card.membersOnly')}</span>}
              <OpenNow openNow={r.openNow} />
              <Link to={`?edit=${r.id}`} aria-label={t('resources.admin.editLabel', { name: r.name })}>
                {t('resources.coordinate.edit')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <nav className="pager" aria-label={t('resources.results.pages')}>
          <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <span className="muted">{t('resources.results.pageOf', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </nav>
      )}
    </section>
  );
}
