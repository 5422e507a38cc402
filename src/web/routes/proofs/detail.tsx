import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useInstance } from '../../features/instance/api.ts';
import { proofPdfUrl, useProof } from '../../features/proofs/api.ts';
import { ProofRecord } from '../../features/proofs/ProofRecord.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatLocalDate } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundPage } from '../not-found.tsx';

/** One proof as a printable page: Print and Download PDF above it, nothing but the record on paper. */
export function ProofPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const proof = useProof(id);
  const organization = useInstance().data?.name ?? 'Kindred';
  if (isApiError(proof.error, 'not_found') || isApiError(proof.error, 'validation_failed')) return <NotFoundPage />;
  const p = proof.data;
  return (
    <Page title={t('proofs.record.title')} wide>
      <p className="no-print">
        <Link to="/attendance/proofs">{t('proofs.detail.back')}</Link>
      </p>
      {proof.isPending && <Loading />}
      {proof.isError && <Alert tone="error" title={errorMessage(proof.error, t)} />}
      {p && (
        <>
          {p.revokedAt ? (
            <p className="proof-revoked">{t('proofs.detail.revoked', { date: formatLocalDate(p.revokedAt.slice(0, 10), i18n.resolvedLanguage ?? 'en') })}</p>
          ) : (
            <div className="no-print">
              <p>{t('proofs.detail.share')}</p>
              <div className="actions">
                <Button onClick={() => window.print()}>{t('proofs.detail.print')}</Button>
                <a className="button button--secondary" href={proofPdfUrl(p.id)} download>
                  {t('proofs.detail.download')}
                </a>
              </div>
            </div>
          )}
          <ProofRecord record={{ ...p, organization, issuedAt: p.createdAt }} showQr={!p.revokedAt} />
        </>
      )}
    </Page>
  );
}
