import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, ROLES } from '../../../contracts/common.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choices.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';
import { type AdminUser, useSetRoles } from './api.ts';

/** One person in the coordinators' list, with their roles editable in place. */
export function PersonCard({ person }: { person: AdminUser }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const headingId = `person-${person.id}`;
  return (
    <li className="card">
      <h2 className="card-title" id={headingId}>
        {person.displayName}
      </h2>
      <p className="muted break">{person.email}</p>
      {!person.emailVerified && <p className="badge badge--warning">{t('admin.people.unverified')}</p>}
      <p>
        {t('admin.people.roles')}: {person.roles.map((r) => t(`roles.${r}`)).join(', ') || t('admin.people.noRoles')}
      </p>
      <p className="muted">{t('admin.people.joined', { date: formatDate(person.createdAt, currentLocale()) })}</p>
      {editing ? (
        <RoleEditor person={person} onDone={() => setEditing(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing(true)} aria-describedby={headingId}>
          {t('admin.people.editRoles')}
        </Button>
      )}
    </li>
  );
}

function RoleEditor({ person, onDone }: { person: AdminUser; onDone: () => void }) {
  const { t } = useTranslation();
  const setRoles = useSetRoles();
  const [roles, setRolesDraft] = useState<Role[]>(person.roles);
  const save = () => setRoles.mutate({ id: person.id, roles: ROLES.filter((r) => roles.includes(r)) }, { onSuccess: onDone });
  return (
    <div className="role-editor">
      <CheckboxGroup
        id={`roles-${person.id}`}
        name="roles"
        legend={t('admin.people.rolesFor', { name: person.displayName })}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), hint: t(`roleHints.${r}`) }))}
        value={roles}
        onChange={setRolesDraft}
      />
      {setRoles.isError && <Alert live tone="error" title={errorMessage(setRoles.error, t)} />}
      <div className="actions">
        <Button pending={setRoles.isPending} onClick={save}>
          {t('admin.people.saveRoles')}
        </Button>
        <Button variant="quiet" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
