import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PAGE_SIZE, useAuditLog } from '../../features/admin/api.ts';
import { describeEntry } from '../../features/admin/describe-entry.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { AdminPage } from './layout.tsx';

export function ActivityPage() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const log = useAuditLog(offset);
  const entries = log.data?.entries ?? [];
  return (
    <AdminPage title={t('admin.activity.title')} lead={t('admin.activity.lead')}>
      {log.isPending && <Loading />}
      {log.isError && <Alert tone="error" title={errorMessage(log.error, t)} />}
      {log.data && entries.length === 0 && <p className="muted">{t('admin.activity.none')}</p>}
      <ol className="activity">
        {entries.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.createdAt} className="muted">
              {formatDateTime(entry.createdAt, currentLocale())}
            </time>
            <p>{describeEntry(entry, t)}</p>
          </li>
        ))}
      </ol>
      {(offset > 0 || entries.length === PAGE_SIZE) && (
        <div className="pager">
          <Button variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('admin.activity.newer')}
          </Button>
          <Button variant="secondary" disabled={entries.length < PAGE_SIZE} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('admin.activity.older')}
          </Button>
        </div>
      )}
    </AdminPage>
  );
}
