import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messagingLimits, messagingSettingsBody } from '../../../contracts/messaging.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type MessagingSettings, useMessagingSettings, useSaveMessagingSettings } from '../../features/messaging/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { AdminPage } from './layout.tsx';

/** How long messages are kept: for ever (the default) or a number of days, after which a daily job deletes them. */
export function MessagingAdminPage() {
  const { t } = useTranslation();
  const settings = useMessagingSettings();
  return (
    <AdminPage title={t('messaging.admin.title')} lead={t('messaging.admin.lead')}>
      {settings.isPending && <Loading />}
      {settings.isError && <Alert tone="error" title={errorMessage(settings.error, t)} />}
      {settings.data && <RetentionForm current={settings.data} />}
    </AdminPage>
  );
}

function RetentionForm({ current }: { current: MessagingSettings }) {
  const { t } = useTranslation();
  const save = useSaveMessagingSettings();
  const [keep, setKeep] = useState(current.retentionDays === null);
  const [days, setDays] = useState(String(current.retentionDays ?? 365));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { retentionDays: keep ? null : Number(days.trim()) };
    if (!messagingSettingsBody.safeParse(body).success) {
      setError(t('messaging.admin.daysRange', { min: messagingLimits.retentionDaysMin, max: messagingLimits.retentionDaysMax }));
      document.getElementById('retention-days')?.focus();
      return;
    }
    setError(null);
    save.mutate(body);
  };
  return (
    <form className="form card" noValidate onSubmit={submit}>
      <fieldset className="field choices">
        <legend className="field-label">{t('messaging.admin.retention')}</legend>
        <div className="choice">
          <input id="retention-keep" type="radio" name="retention" checked={keep} onChange={() => setKeep(true)} />
          <div className="choice-text">
            <label htmlFor="retention-keep">{t('messaging.admin.keep')}</label>
          </div>
        </div>
        <div className="choice">
          <input id="retention-delete" type="radio" name="retention" checked={!keep} onChange={() => setKeep(false)} />
          <div className="choice-text">
            <label htmlFor="retention-delete">{t('messaging.admin.deleteAfter')}</label>
          </div>
        </div>
      </fieldset>
      {!keep && (
        <div className="field">
          <label htmlFor="retention-days" className="field-label">
            {t('messaging.admin.days')}
          </label>
          <input
            id="retention-days"
            className="input"
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'retention-days-error' : 'retention-days-hint'}
          />
          <p className={error ? 'field-error' : 'field-hint'} id={error ? 'retention-days-error' : 'retention-days-hint'}>
            {error ?? t('messaging.admin.daysHint', { min: messagingLimits.retentionDaysMin, max: messagingLimits.retentionDaysMax })}
          </p>
        </div>
      )}
      <div role="status">{save.isSuccess && <Alert tone="success" title={t('messaging.admin.saved')} />}</div>
      {save.isError && <Alert live tone="error" title={errorMessage(save.error, t)} />}
      <Button type="submit" pending={save.isPending}>
        {t('messaging.admin.save')}
      </Button>
    </form>
  );
}
