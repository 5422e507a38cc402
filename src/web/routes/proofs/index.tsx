import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { proofBody } from '../../../contracts/meetings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroup } from '../../components/Choices.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useMe } from '../../features/account/api.ts';
import { type AttendanceProof, proofPdfUrl, useIssueProof, useProofs, useRevokeProof } from '../../features/proofs/api.ts';
import '../../features/proofs/proofs.css';
import { ApiError } from '../../lib/api.ts';
import { useForm } from '../../lib/form.ts';
import { addDays, formatLocalDate, todayIn } from '../../lib/local-date.ts';
import { errorMessage } from '../../lib/messages.ts';

/** The member's proofs of attendance: make one for a period, open it to print, or withdraw it. */
export function ProofsPage() {
  const { t } = useTranslation();
  const proofs = useProofs();
  return (
    <Page title={t('proofs.list.title')} lead={<p>{t('proofs.list.lead')}</p>}>
      <section className="card" aria-labelledby="proof-new">
        <h2 id="proof-new">{t('proofs.list.new')}</h2>
        <IssueForm />
      </section>
      <section aria-labelledby="proof-yours">
        <h2 id="proof-yours">{t('proofs.list.yours')}</h2>
        {proofs.isPending && <Loading />}
        {proofs.isError && <Alert tone="error" title={errorMessage(proofs.error, t)} />}
        {proofs.data?.length === 0 && <p>{t('proofs.list.none')}</p>}
        {proofs.data && proofs.data.length > 0 && (
          <ul className="card-list proof-list">
            {proofs.data.map((p) => (
              <ProofCard key={p.id} proof={p} />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

const INCLUDE = ['names', 'locations'] as const;
type Include = (typeof INCLUDE)[number];

function IssueForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data!;
  const issue = useIssueProof();
  const today = todayIn(me.timeZone);
  const form = useForm(proofBody, { from: addDays(today, -29), to: today, holderName: '', include: ['names'] as Include[] }, (v) => ({
    from: v.from,
    to: v.to,
    holderName: v.holderName.trim() === '' ? null : v.holderName,
    includeMeetingNames: v.include.includes('names'),
    includeLocations: v.include.includes('locations'),
  }));
  const send = form.handleSubmit(async (body) => {
    const proof = await issue.mutateAsync(body);
    await navigate(`/attendance/proofs/${proof.id}`);
  });
  // The shared schema says only "not right" for a reversed range; say which way round it goes.
  const submit = (event: FormEvent) => {
    const { from, to } = form.values;
    if (from && to && from > to) {
      event.preventDefault();
      form.showError(new ApiError(422, 'validation_failed', '', { to: t('proofs.form.toBeforeFrom') }));
      return;
    }
    return send(event);
  };
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('proofs.list.new')}>
      <TextField {...form.field('from')} type="date" max={today} label={t('proofs.form.from')} />
      <TextField {...form.field('to')} type="date" max={today} label={t('proofs.form.to')} hint={t('proofs.form.rangeHint')} />
      <TextField {...form.field('holderName')} label={t('proofs.form.holderName')} hint={t('proofs.form.holderNameHint')} autoComplete="name" />
      <CheckboxGroup
        {...form.field('include')}
        legend={t('proofs.form.include')}
        hint={t('proofs.form.includeHint')}
        options={[
          { value: 'names', label: t('proofs.form.includeMeetingNames') },
          { value: 'locations', label: t('proofs.form.includeLocations'), hint: t('proofs.form.includeLocationsHint') },
        ]}
      />
      <FormActions submitLabel={t('proofs.form.submit')} pending={form.submitting} />
    </Form>
  );
}

function ProofCard({ proof }: { proof: AttendanceProof }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeProof();
  const headingId = `proof-${proof.id}`;
  const period = t('proofs.record.range', { from: formatLocalDate(proof.from, locale), to: formatLocalDate(proof.to, locale) });
  return (
    <li className="card">
      <h3 className="card-title" id={headingId}>
        <Link to={`/attendance/proofs/${proof.id}`}>{period}</Link>
        {proof.revokedAt && <span className="badge">{t('proofs.list.revoked')}</span>}
      </h3>
      <p className="muted">
        {t('proofs.list.summary', { date: formatLocalDate(proof.createdAt.slice(0, 10), locale), count: proof.entries.length })}
        {proof.holderName && ` · ${proof.holderName}`}
      </p>
      <p className="muted">
        {t('proofs.record.code')}: <span className="proof-url">{proof.code}</span>
      </p>
      {revoke.isError && <Alert live tone="error" title={errorMessage(revoke.error, t)} />}
      {confirming ? (
        <ConfirmDelete
          question={t('proofs.list.confirmRevoke', { period })}
          yes={t('proofs.list.revokeYes')}
          no={t('proofs.list.revokeNo')}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate(proof.id, { onSuccess: () => setConfirming(false) })}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        !proof.revokedAt && (
          <div className="actions">
            <Link className="button button--secondary" to={`/attendance/proofs/${proof.id}`} aria-describedby={headingId}>
              {t('proofs.list.open')}
            </Link>
            <a className="button button--quiet" href={proofPdfUrl(proof.id)} download aria-describedby={headingId}>
              {t('proofs.detail.download')}
            </a>
            <Button variant="quiet" onClick={() => setConfirming(true)} aria-describedby={headingId}>
              {t('proofs.list.revoke')}
            </Button>
          </div>
        )
      )}
    </li>
  );
}
