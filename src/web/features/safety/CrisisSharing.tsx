import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useInstantToggles } from '../../lib/instant-toggles.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useCrisisSharing, useSetCrisisSharing } from './api.ts';

/**
 * A consent of its own, apart from what the mentor sees: whether the people on call (strangers, possibly) may see the
 * member's safety plan while responding to their crisis. Off unless the member turns it on.
 */
export function CrisisSharing() {
  const { t } = useTranslation();
  const sharing = useCrisisSharing();
  const set = useSetCrisisSharing();
  const toggles = useInstantToggles<boolean>();
  const last = toggles.last;
  return (
    <section className="card" aria-labelledby="crisis-sharing">
      <h2 id="crisis-sharing">{t('safety.sharing.title')}</h2>
      <p>{t('safety.sharing.lead')}</p>
      {sharing.isPending && <Loading />}
      {sharing.isError && <Alert tone="error" title={errorMessage(sharing.error, t)} />}
      {sharing.data && (
        <fieldset className="field choices">
          <legend className="field-label">{t('safety.sharing.legend')}</legend>
          <Checkbox
            id="crisis-share-plan"
            name="crisisSafetyPlan"
            checked={toggles.checked('safetyPlan', sharing.data.safetyPlan)}
            onChange={(on) => toggles.change('safetyPlan', on, on, (done) => set.mutate(on, done))}
            label={t('safety.sharing.label')}
            hint={t('safety.sharing.hint')}
          />
        </fieldset>
      )}
      <div role="status">{last !== null && <Alert tone="success" title={t(last ? 'safety.sharing.on' : 'safety.sharing.off')} />}</div>
      {set.isError && <Alert live tone="error" title={errorMessage(set.error, t)} />}
    </section>
  );
}
