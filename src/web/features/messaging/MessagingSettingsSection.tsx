import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Loading } from '../../components/Loading.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useInstantToggles } from '../../lib/instant-toggles.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';
import { exportHref, useBlocks, useMessagingPreferences, useSetMessagingPreferences } from './api.ts';
import { BlockControl, BlockNotice } from './BlockControl.tsx';
import './messaging.css';

/**
 * In settings: whether people I don't know may send me message requests, the people I blocked (with a way to
 * unblock each) and a download of my messages.
 */
export function MessagingSettingsSection({ timeZone }: { timeZone?: string }) {
  const { t } = useTranslation();
  const blocks = useBlocks();
  // Unblocking removes the person from this list: the notice keeps their name.
  const [change, setChange] = useState<{ blocked: boolean; n: number; name: string } | null>(null);
  return (
    <section className="card" aria-labelledby="settings-messages">
      <h2 id="settings-messages">{t('messaging.settings.title')}</h2>
      <MessageRequestsChoice />
      <h3>{t('messaging.settings.blockedTitle')}</h3>
      <BlockNotice change={change} name={change?.name ?? ''} />
      {blocks.isPending && <Loading />}
      {blocks.isError && <Alert tone="error" title={errorMessage(blocks.error, t)} />}
      {blocks.data &&
        (blocks.data.length === 0 ? (
          <p>{t('messaging.settings.noneBlocked')}</p>
        ) : (
          <ul className="contacts">
            {blocks.data.map((b) => (
              <li key={b.person.id} className="contact">
                <span>
                  {b.person.displayName} <span className="muted">· {t('messaging.settings.blockedOn', { date: formatDate(b.blockedAt, currentLocale(), timeZone) })}</span>
                </span>
                <BlockControl person={b.person} blocked onChanged={(blocked) => setChange((c) => ({ blocked, n: (c?.n ?? 0) + 1, name: b.person.displayName }))} />
              </li>
            ))}
          </ul>
        ))}
      <h3>{t('messaging.settings.exportTitle')}</h3>
      <p>{t('messaging.settings.exportLead')}</p>
      <p>
        <a href={exportHref} download="kindred-messages.json" className="button button--secondary">
          {t('messaging.settings.export')}
        </a>
      </p>
    </section>
  );
}

/** Open to message requests (the default) or closed: saved as soon as it changes, and said so. */
function MessageRequestsChoice() {
  const { t } = useTranslation();
  const preferences = useMessagingPreferences();
  const set = useSetMessagingPreferences();
  const toggles = useInstantToggles<boolean>();
  const last = toggles.last;
  return (
    <>
      <h3>{t('messaging.settings.requestsTitle')}</h3>
      {preferences.isPending && <Loading />}
      {preferences.isError && <Alert tone="error" title={errorMessage(preferences.error, t)} />}
      {preferences.data && (
        <fieldset className="field choices">
          <legend className="field-label">{t('messaging.settings.requestsLegend')}</legend>
          <Checkbox
            id="messaging-accept-requests"
            name="acceptRequests"
            checked={toggles.checked('acceptRequests', preferences.data.acceptRequests)}
            onChange={(on) => toggles.change('acceptRequests', on, on, (done) => set.mutate({ acceptRequests: on }, done))}
            label={t('messaging.settings.requestsLabel')}
            hint={t('messaging.settings.requestsHint')}
          />
        </fieldset>
      )}
      <div role="status">{last !== null && <Alert tone="success" title={t(last ? 'messaging.settings.requestsOn' : 'messaging.settings.requestsOff')} />}</div>
      {set.isError && <Alert live tone="error" title={errorMessage(set.error, t)} />}
    </>
  );
}
