import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';
import { exportHref, useBlocks } from './api.ts';
import { BlockControl, BlockNotice } from './BlockControl.tsx';
import './messaging.css';

/** In settings: the people I blocked (with a way to unblock each) and a download of my messages. */
export function MessagingSettingsSection({ timeZone }: { timeZone?: string }) {
  const { t } = useTranslation();
  const blocks = useBlocks();
  // Unblocking removes the person from this list: the notice keeps their name.
  const [change, setChange] = useState<{ blocked: boolean; n: number; name: string } | null>(null);
  return (
    <section className="card" aria-labelledby="settings-messages">
      <h2 id="settings-messages">{t('messaging.settings.title')}</h2>
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
