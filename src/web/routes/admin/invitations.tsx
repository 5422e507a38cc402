import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createInviteBody } from '../../../contracts/admin.ts';
import { limits, type Role, ROLES } from '../../../contracts/common.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choices.tsx';
import { Form } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type CreatedInvite, useCreateInvite, useInvites } from '../../features/admin/api.ts';
import { CopyLink } from '../../features/admin/CopyLink.tsx';
import { InviteCard } from '../../features/admin/InviteCard.tsx';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';
import { AdminPage } from './layout.tsx';

// Everyone joins as a member; an invitation can add the other roles.
const EXTRA_ROLES = ROLES.filter((r) => r !== 'member');

export function InvitationsPage() {
  const { t } = useTranslation();
  const invites = useInvites();
  const create = useCreateInvite();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const form = useForm(createInviteBody, { email: '', roles: [] as string[], expiresInDays: '14' }, (v) => ({
    ...(v.email.trim() ? { email: v.email } : {}),
    roles: v.roles,
    expiresInDays: v.expiresInDays === '' ? undefined : Number(v.expiresInDays),
  }));
  const submit = form.handleSubmit(async (body) => {
    setCreated(await create.mutateAsync(body));
    form.reset();
  });
  const roles = form.field('roles');

  return (
    <AdminPage title={t('admin.invites.title')} lead={t('admin.invites.lead')}>
      <section className="card" aria-labelledby="invite-new">
        <h2 id="invite-new">{t('admin.invites.newTitle')}</h2>
        <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef}>
          <TextField {...form.field('email')} type="email" label={t('admin.invites.email')} hint={t('admin.invites.emailHint')} autoComplete="off" inputMode="email" spellCheck={false} />
          <CheckboxGroup
            {...roles}
            legend={t('admin.invites.roles')}
            hint={t('admin.invites.rolesHint')}
            options={EXTRA_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), hint: t(`roleHints.${r}`) }))}
            value={roles.value as Role[]}
            onChange={roles.onChange}
          />
          <TextField {...form.field('expiresInDays')} type="number" inputMode="numeric" label={t('admin.invites.days')} hint={t('admin.invites.daysHint', { max: limits.inviteDaysMax })} />
          <Button type="submit" pending={form.submitting}>
            {t('admin.invites.create')}
          </Button>
        </Form>
        {created && <CopyLink invite={created} />}
      </section>
      <section aria-labelledby="invite-list">
        <h2 id="invite-list">{t('admin.invites.listTitle')}</h2>
        {invites.isPending && <Loading />}
        {invites.isError && <Alert tone="error" title={errorMessage(invites.error, t)} />}
        {invites.data?.invites.length === 0 && <p className="muted">{t('admin.invites.none')}</p>}
        <ul className="card-list">
          {invites.data?.invites.map((invite) => (
            <InviteCard key={invite.id} invite={invite} />
          ))}
        </ul>
      </section>
    </AdminPage>
  );
}
