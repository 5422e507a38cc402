import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { proofCodeParams } from '../../../contracts/meetings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useVerification } from '../../features/proofs/api.ts';
import { ProofRecord } from '../../features/proofs/ProofRecord.tsx';
import { TextField } from '../../components/TextField.tsx';
import { isApiError } from '../../lib/api.ts';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';

/** Where a court clerk or a program types the code from a printed record. No account needed. */
export function VerifyFormPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('proofs.verify.title')} lead={<p>{t('proofs.verify.lead')}</p>}>
      <meta name="robots" content="noindex" />
      <CodeForm />
    </Page>
  );
}

function CodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm(proofCodeParams, { code: '' });
  const submit = form.handleSubmit(({ code }) => navigate(`/verify/${encodeURIComponent(code)}`));
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('proofs.verify.title')}>
      <TextField {...form.field('code')} label={t('proofs.verify.code')} hint={t('proofs.verify.codeHint')} autoComplete="off" spellCheck={false} />
      <FormActions submitLabel={t('proofs.verify.submit')} pending={form.submitting} />
    </Form>
  );
}

/** The answer for one code: the record as its holder chose to show it, or one answer for unknown and withdrawn. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const result = useVerification(code);
  const missing = isApiError(result.error, 'not_found') || isApiError(result.error, 'validation_failed');
  return (
    <Page title={t('proofs.verify.resultTitle')} wide>
      <meta name="robots" content="noindex" />
      {result.isPending && <Loading />}
      {missing && (
        <>
          <Alert tone="error" title={t('proofs.verify.invalidTitle')}>
            <p>{t('proofs.verify.invalid')}</p>
          </Alert>
          <CodeForm />
        </>
      )}
      {result.isError && !missing && <Alert tone="error" title={errorMessage(result.error, t)} />}
      {result.data && (
        <>
          <Alert tone="success" title={t('proofs.verify.validTitle')}>
            <p>{t('proofs.verify.valid', { organization: result.data.organization })}</p>
          </Alert>
          <ProofRecord record={{ ...result.data, verifyUrl: `${window.location.origin}/verify/${result.data.code}` }} />
          <p className="no-print">
            <Link to="/verify">{t('proofs.verify.another')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
