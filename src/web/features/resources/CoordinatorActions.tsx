import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type Resource, useArchiveResource, useVerifyResource } from './api.ts';

/**
 * What a coordinator does with an entry: edit it, confirm it is still right ("verified today"), or archive it.
 * Flags an entry whose last check is older than the instance's re-verification period.
 */
export function CoordinatorActions({ resource: r }: { resource: Resource }) {
  const { t } = useTranslation();
  const verify = useVerifyResource();
  const archive = useArchiveResource();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<'verified' | 'archived' | null>(null);
  const failed = verify.error ?? archive.error;
  return (
    <section className="card coordinator-panel" aria-labelledby="resource-coordinate">
      <h2 id="resource-coordinate">{t('resources.coordinate.title')}</h2>
      <p className="resource-marks">
        <span className="badge">{t(`resources.statuses.${r.status}`)}</span>
        <span className="badge">{t(`resources.origins.${r.origin}`)}</span>
        {r.crisisScreen && <span className="badge badge--members">{t('resources.coordinate.onCrisisScreen')}</span>}
      </p>
      {r.needsReverification && <Alert tone="warning" title={t('resources.coordinate.needsReverification')} />}
      <div role="status">{done && <Alert tone="success" title={t(`resources.coordinate.${done}`)} />}</div>
      {failed && <Alert live tone="error" title={errorMessage(failed, t)} />}
      <div className="actions">
        <Link className="button button--secondary" to={`/admin/resources?edit=${r.id}`}>
          {t('resources.coordinate.edit')}
        </Link>
        {r.status === 'published' && (
          <Button variant="secondary" pending={verify.isPending} onClick={() => verify.mutate(r.id, { onSuccess: () => setDone('verified') })}>
            {t('resources.coordinate.verify')}
          </Button>
        )}
        {r.status !== 'archived' && !asking && (
          <Button variant="quiet" onClick={() => setAsking(true)}>
            {t('resources.coordinate.archive')}
          </Button>
        )}
      </div>
      {asking && (
        <ConfirmDelete
          question={t('resources.coordinate.archiveQuestion', { name: r.name })}
          yes={t('resources.coordinate.archiveYes')}
          no={t('common.cancel')}
          pending={archive.isPending}
          onConfirm={() =>
            archive.mutate(r.id, {
              onSuccess: () => {
                setAsking(false);
                setDone('archived');
              },
            })
          }
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}
