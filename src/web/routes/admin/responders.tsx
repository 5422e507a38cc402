import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useResponders, useSetCertified } from '../../features/safety/api.ts';
import { useInstantToggles } from '../../lib/instant-toggles.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/safety.css';
import { AdminPage } from './layout.tsx';

/** Peer supporters and professionals, and whether each is trained for crises (only they can go on call). */
export function RespondersPage() {
  const { t } = useTranslation();
  const responders = useResponders();
  const set = useSetCertified();
  const toggles = useInstantToggles<{ name: string; certified: boolean }>();
  const last = toggles.last;
  return (
    <AdminPage title={t('safety.responders.title')} lead={t('safety.responders.lead')}>
      {responders.isPending && <Loading />}
      {responders.isError && <Alert tone="error" title={errorMessage(responders.error, t)} />}
      {responders.data &&
        (responders.data.length === 0 ? (
          <p>{t('safety.responders.none')}</p>
        ) : (
          <div className="card">
            <fieldset className="field choices">
              <legend className="field-label">{t('safety.responders.legend')}</legend>
              {responders.data.map((r) => (
                <Checkbox
                  key={r.userId}
                  id={`certified-${r.userId}`}
                  name="certified"
                  checked={toggles.checked(r.userId, r.certified)}
                  onChange={(certified) =>
                    toggles.change(r.userId, certified, { name: r.displayName, certified }, (done) => set.mutate({ userId: r.userId, certified }, done))
                  }
                  label={r.displayName}
                  hint={r.roles
                    .filter((role) => role === 'peer_supporter' || role === 'professional')
                    .map((role) => t(`roles.${role}`))
                    .join(', ')}
                />
              ))}
            </fieldset>
          </div>
        ))}
      <div role="status">{last && <Alert tone="success" title={t(last.certified ? 'safety.responders.certified' : 'safety.responders.uncertified', { name: last.name })} />}</div>
      {set.isError && <Alert live tone="error" title={errorMessage(set.error, t)} />}
    </AdminPage>
  );
}
