import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type Role, ROLES } from '../../../contracts/common.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { PAGE_SIZE, useUsers } from '../../features/admin/api.ts';
import { PersonCard } from '../../features/admin/PersonCard.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { AdminPage } from './layout.tsx';

const isRole = (v: string | null): v is Role => ROLES.includes(v as Role);

export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const users = useUsers({ q, role, offset });
  const [draft, setDraft] = useState({ q, role: role as string });

  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('q', draft.q.trim());
    if (draft.role) next.set('role', draft.role);
    setParams(next);
  };
  const goTo = (nextOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(nextOffset));
    setParams(next);
  };

  const total = users.data?.total ?? 0;
  return (
    <AdminPage title={t('admin.people.title')} lead={t('admin.people.lead')}>
      <form role="search" className="search-form" onSubmit={search} aria-label={t('admin.people.searchLabel')}>
        <TextField id="people-q" name="q" type="search" label={t('admin.people.search')} value={draft.q} onChange={(v) => setDraft((d) => ({ ...d, q: v }))} spellCheck={false} />
        <SelectField
          id="people-role"
          name="role"
          label={t('admin.people.roleFilter')}
          value={draft.role}
          onChange={(v) => setDraft((d) => ({ ...d, role: v }))}
          options={[{ value: '', label: t('admin.people.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
        <Button type="submit" variant="secondary">
          {t('admin.people.searchButton')}
        </Button>
      </form>
      {users.isPending && <Loading />}
      {users.isError && <Alert tone="error" title={errorMessage(users.error, t)} />}
      {users.data && (
        <>
          <p role="status" className="muted">
            {t('admin.people.count', { count: total })}
          </p>
          <ul className="card-list">
            {users.data.users.map((u) => (
              <PersonCard key={u.id} person={u} />
            ))}
          </ul>
          {total > PAGE_SIZE && (
            <div className="pager">
              <Button variant="secondary" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
                {t('common.previous')}
              </Button>
              <Button variant="secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => goTo(offset + PAGE_SIZE)}>
                {t('common.next')}
              </Button>
            </div>
          )}
        </>
      )}
    </AdminPage>
  );
}
