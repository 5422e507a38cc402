import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { type Invite, useRevokeInvite } from './api.ts';

export function InviteCard({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const revoke = useRevokeInvite();
  const [confirming, setConfirming] = useState(false);
  const who = invite.email ?? t('admin.invites.anyone');
  return (
    <li className="card">
      <p className="card-title break">{who}</p>
      <p>
        <span className={`badge badge--${invite.status}`}>{t(`admin.invites.status.${invite.status}`)}</span>
      </p>
      <p>
        {t('admin.invites.rolesLabel')}: {[t('roles.member'), ...invite.roles.map((r) => t(`roles.${r}`))].join(', ')}
      </p>
      <p className="muted">
        {t('admin.invites.expires', { date: formatDateTime(invite.expiresAt, currentLocale()) })}
      </p>
      {revoke.isError && <Alert live tone="error" title={errorMessage(revoke.error, t)} />}
      {invite.status === 'pending' &&
        (confirming ? (
          <div className="actions" role="group" aria-label={t('admin.invites.confirmRevoke', { who })}>
            <p>{t('admin.invites.confirmRevoke', { who })}</p>
            <Button variant="danger" pending={revoke.isPending} onClick={() => revoke.mutate(invite.id)}>
              {t('admin.invites.revokeYes')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('admin.invites.revokeNo')}
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('admin.invites.revoke')}
          </Button>
        ))}
    </li>
  );
}
