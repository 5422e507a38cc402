import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationMode } from '../../../contracts/admin.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useSettings, useUpdateSettings } from '../../features/admin/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { AdminPage } from './layout.tsx';

export function RegistrationPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <AdminPage title={t('admin.registration.title')} lead={t('admin.registration.lead')}>
      {settings.isPending && <Loading />}
      {settings.isError && <Alert tone="error" title={errorMessage(settings.error, t)} />}
      {settings.data && <RegistrationForm current={settings.data.registrationMode} />}
    </AdminPage>
  );
}

function RegistrationForm({ current }: { current: RegistrationMode }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const [mode, setMode] = useState<RegistrationMode>(current);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate(mode, { onSuccess: () => setSaved(true) });
  };
  return (
    <form className="form card" onSubmit={submit}>
      <RadioGroup<RegistrationMode>
        id="registration-mode"
        name="registrationMode"
        legend={t('admin.registration.legend')}
        options={[
          { value: 'open', label: t('admin.registration.open'), hint: t('admin.registration.openHint') },
          { value: 'invite', label: t('admin.registration.invite'), hint: t('admin.registration.inviteHint') },
        ]}
        value={mode}
        onChange={setMode}
      />
      <div role="status">
        {saved && <Alert tone="success" title={t('admin.registration.saved')} />}
        {update.isError && <Alert tone="error" title={errorMessage(update.error, t)} />}
      </div>
      <Button type="submit" pending={update.isPending}>
        {t('admin.registration.save')}
      </Button>
    </form>
  );
}
