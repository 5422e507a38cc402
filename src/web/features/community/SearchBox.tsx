import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { Category } from './api.ts';

/**
 * Searching the forum. The results live on their own page with the words in the URL, so they can be revisited;
 * on that page a category can narrow them.
 */
export function SearchBox({ initial = '', categories, initialCategory = '' }: { initial?: string; categories?: Category[]; initialCategory?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const [categoryId, setCategoryId] = useState(initialCategory);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    const params = new URLSearchParams({ q: q.trim(), ...(categoryId ? { category: categoryId } : {}) });
    void navigate(`/community/search?${params}`);
  };
  return (
    <form role="search" className={categories ? 'community-search community-search--full' : 'community-search'} aria-label={t('community.search.label')} onSubmit={submit}>
      <TextField id="community-q" name="q" type="search" label={t('community.search.field')} value={q} onChange={setQ} autoComplete="off" />
      {categories && (
        <SelectField
          id="community-q-category"
          name="category"
          label={t('community.search.category')}
          value={categoryId}
          onChange={setCategoryId}
          options={[{ value: '', label: t('community.search.allCategories') }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
        />
      )}
      <Button type="submit" variant="secondary">
        {t('community.search.submit')}
      </Button>
    </form>
  );
}
