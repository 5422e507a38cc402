import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type CrisisResource, useCrisisResources } from '../journey/api.ts';
import { dialable, smsHref } from '../journey/support.tsx';

/** The instance's emergency lines (911, or wherever the instance is, its own) before the rest, keeping their order. */
export const emergencyFirst = (resources: CrisisResource[]) => [...resources.filter((r) => r.emergency), ...resources.filter((r) => !r.emergency)];

/** The first emergency line that can be called, for "call now" in the overdose steps. */
export const firstEmergencyPhone = (resources: CrisisResource[]) => resources.find((r) => r.emergency && r.phone)?.phone ?? null;

/**
 * For someone who may be in danger: only the lines that can be called or texted, as big buttons under their names,
 * emergency ones first. No descriptions: there is no time to read.
 */
export function DangerLines({ resources }: { resources: CrisisResource[] }) {
  const { t } = useTranslation();
  const reachable = emergencyFirst(resources).filter((r) => r.phone || r.sms);
  if (reachable.length === 0) return <p className="alert-title">{t('help.fallback')}</p>;
  return (
    <ul className="danger-lines">
      {reachable.map((r) => (
        <li key={r.id}>
          <p className="danger-line-name">{r.name}</p>
          <div className="actions">
            {r.phone && (
              <a className={`button button--large ${r.emergency ? 'button--danger' : 'button--primary'}`} href={`tel:${dialable(r.phone)}`}>
                {t('help.call', { number: r.phone })}
              </a>
            )}
            {r.sms && (
              <a className="button button--secondary button--large" href={smsHref(r.sms)}>
                {r.sms.body ? t('help.textWord', { word: r.sms.body, number: r.sms.number }) : t('help.text', { number: r.sms.number })}
              </a>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** DangerLines for the instance's lines in the reader's language (loaded ahead by usePrefetchSupport). */
export function InstanceDangerLines() {
  const { t } = useTranslation();
  const resources = useCrisisResources();
  if (resources.isPending) return <Loading />;
  // Even when the server cannot answer, the one number that always works is named.
  if (resources.isError) return <Alert tone="warning" title={errorMessage(resources.error, t)}><p>{t('help.fallback')}</p></Alert>;
  return <DangerLines resources={resources.data} />;
}
