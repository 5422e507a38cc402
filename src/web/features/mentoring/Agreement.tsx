import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementTerms, CONTACT_MODES, mentoringLimits } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate, formatDateTime } from '../../lib/time.ts';
import { act, type AgreementTerms, type AgreementVersion, type Mentorship, useAgreement, useProposeAgreement, useSignAgreement } from './api.ts';
import { checkBody, placeServerError } from './form.ts';
import { labelList } from './format.ts';
import type { ShowNotice } from './Notice.tsx';

const TERM_FIELDS = ['contactHours', 'responseTime', 'mentorDoes', 'mentorDoesNot', 'inCrisis'] as const;

/**
 * The mentorship agreement: the version in force, a newer one waiting for signatures (with "Sign" for whoever has
 * not signed), a way to propose changes, and every earlier version. Both sign before the relationship begins.
 */
export function AgreementSection({ mentorship: m, onNotice }: { mentorship: Mentorship; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const agreement = useAgreement(m.id, true);
  const [proposing, setProposing] = useState(false);
  const canChange = m.myRole !== null && (m.status === 'accepted' || m.status === 'active' || m.status === 'paused');
  const a = agreement.data;
  const older = a ? a.history.filter((v) => v.version !== a.current?.version && v.version !== a.pending?.version).sort((x, y) => y.version - x.version) : [];
  return (
    <section className="card" aria-labelledby="agreement-title">
      <h2 id="agreement-title">{t(m.myRole ? 'mentoring.agreement.title' : 'mentoring.agreement.titleObserver')}</h2>
      {m.myRole && <p className="muted">{t('mentoring.agreement.lead')}</p>}
      {agreement.isPending && <Loading />}
      {agreement.isError && <Alert tone="error" title={errorMessage(agreement.error, t)} />}
      {agreement.isSuccess && !a && <p>{t('mentoring.agreement.none')}</p>}
      {a && (
        <>
          {a.pending && <PendingVersion mentorship={m} version={a.pending} hasCurrent={Boolean(a.current)} onNotice={onNotice} />}
          {a.current && (
            <div className="agreement-version">
              <h3>{t('mentoring.agreement.currentTitle', { n: a.current.version })}</h3>
              <Signatures mentorship={m} version={a.current} />
              <Terms terms={a.current.terms} />
            </div>
          )}
          {canChange &&
            (proposing ? (
              <TermsForm
                mentorship={m}
                initial={(a.pending ?? a.current)?.terms ?? null}
                onCancel={() => setProposing(false)}
                onSaved={() => {
                  setProposing(false);
                  onNotice({ tone: 'success', title: t('mentoring.agreement.proposed'), body: <p>{t('mentoring.agreement.proposedBody', { name: m.myRole === 'mentor' ? m.mentee.displayName : m.mentor.displayName })}</p> });
                }}
              />
            ) : (
              <div className="actions">
                <Button variant="secondary" onClick={() => setProposing(true)}>
                  {t('mentoring.agreement.propose')}
                </Button>
              </div>
            ))}
          {older.length > 0 && (
            <details className="details-toggle">
              <summary>{t('mentoring.agreement.history', { count: older.length })}</summary>
              {older.map((v) => (
                <div key={v.version} className="agreement-version">
                  <h3>{t('mentoring.agreement.versionTitle', { n: v.version })}</h3>
                  <Signatures mentorship={m} version={v} />
                  <Terms terms={v.terms} />
                </div>
              ))}
            </details>
          )}
        </>
      )}
    </section>
  );
}

function PendingVersion({ mentorship: m, version: v, hasCurrent, onNotice }: { mentorship: Mentorship; version: AgreementVersion; hasCurrent: boolean; onNotice: ShowNotice }) {
  const { t } = useTranslation();
  const sign = useSignAgreement(m.id);
  const mine = m.myRole === 'mentor' ? v.mentorSignedAt : m.myRole === 'mentee' ? v.menteeSignedAt : 'n/a';
  const canSign = mine === null && m.status !== 'ended';
  return (
    <div className="agreement-version agreement-version--pending">
      <h3>{t(hasCurrent ? 'mentoring.agreement.changesTitle' : 'mentoring.agreement.firstTitle', { n: v.version })}</h3>
      <Signatures mentorship={m} version={v} />
      <Terms terms={v.terms} />
      {canSign && (
        <>
          <p>{t('mentoring.agreement.signLead')}</p>
          {sign.isError && <Alert live tone="error" title={errorMessage(sign.error, t)} />}
          <Button
            pending={sign.isPending}
            onClick={() =>
              act(sign, v.version, (after) =>
                onNotice(
                  after.status === 'active' && m.status !== 'active'
                    ? { tone: 'success', title: t('mentoring.agreement.signedActive'), body: <p>{t('mentoring.agreement.signedActiveBody')}</p> }
                    : { tone: 'success', title: t('mentoring.agreement.signed', { n: v.version }) },
                ),
              )
            }
          >
            {t('mentoring.agreement.sign', { n: v.version })}
          </Button>
        </>
      )}
    </div>
  );
}

function Signatures({ mentorship: m, version: v }: { mentorship: Mentorship; version: AgreementVersion }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // "You signed" and "Alex signed" are separate sentences: in Spanish the verb changes with the person.
  const line = (side: 'mentor' | 'mentee', at: string | null) => {
    const you = m.myRole === side;
    const vars = { who: m[side].displayName, date: at ? formatDate(at, locale) : '' };
    if (at) return t(you ? 'mentoring.agreement.signedOnYou' : 'mentoring.agreement.signedOn', vars);
    return t(you ? 'mentoring.agreement.notSignedYou' : 'mentoring.agreement.notSigned', vars);
  };
  const proposer = { who: m[v.proposedBy].displayName, date: formatDateTime(v.createdAt, locale) };
  return (
    <p className="muted">
      {t(m.myRole === v.proposedBy ? 'mentoring.agreement.proposedOnYou' : 'mentoring.agreement.proposedOn', proposer)}
      <br />
      {line('mentor', v.mentorSignedAt)}
      <br />
      {line('mentee', v.menteeSignedAt)}
    </p>
  );
}

/** The terms as plain words: what was agreed, never markup. */
function Terms({ terms }: { terms: AgreementTerms }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <dl className="agreement-terms">
      <div>
        <dt>{t('mentoring.agreement.fields.contactHours')}</dt>
        <dd>{terms.contactHours}</dd>
      </div>
      <div>
        <dt>{t('mentoring.agreement.fields.channels')}</dt>
        <dd>{labelList(terms.channels.map((c) => t(`mentoring.modes.${c}`)), locale)}</dd>
      </div>
      {TERM_FIELDS.filter((f) => f !== 'contactHours').map((f) => (
        <div key={f}>
          <dt>{t(`mentoring.agreement.fields.${f}`)}</dt>
          <dd>{terms[f]}</dd>
        </div>
      ))}
    </dl>
  );
}

function TermsForm({ mentorship: m, initial, onSaved, onCancel }: { mentorship: Mentorship; initial: AgreementTerms | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const propose = useProposeAgreement(m.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form appears where the button was: the person's place moves to its heading.
  useEffect(() => heading.current?.focus(), []);
  const form = useForm(agreementTerms, {
    contactHours: initial?.contactHours ?? '',
    channels: (initial?.channels ?? []) as string[],
    responseTime: initial?.responseTime ?? '',
    mentorDoes: initial?.mentorDoes ?? '',
    mentorDoesNot: initial?.mentorDoesNot ?? '',
    inCrisis: initial?.inCrisis ?? '',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBody(agreementTerms, form.values, form.values, t);
    if (!checked.ok) return form.showError(checked.error);
    try {
      await propose.mutateAsync(checked.data);
      onSaved();
    } catch (err) {
      form.showError(placeServerError(err, Object.keys(form.values)));
    }
  };
  return (
    <div className="inset">
      <h3 id="agreement-form-title" ref={heading} tabIndex={-1}>{t('mentoring.agreement.formTitle')}</h3>
      <p>{t('mentoring.agreement.formLead')}</p>
      <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('mentoring.agreement.formTitle')}>
        <TextAreaField {...form.field('contactHours')} label={t('mentoring.agreement.fields.contactHours')} maxLength={mentoringLimits.termsFieldMax} rows={2} />
        <ChipGroup multiple {...form.field('channels')} legend={t('mentoring.agreement.fields.channels')} options={CONTACT_MODES.map((c) => ({ value: c, label: t(`mentoring.modes.${c}`) }))} />
        {TERM_FIELDS.filter((f) => f !== 'contactHours').map((f) => (
          <TextAreaField key={f} {...form.field(f)} label={t(`mentoring.agreement.fields.${f}`)} maxLength={mentoringLimits.termsFieldMax} rows={f === 'responseTime' ? 2 : 4} />
        ))}
        <FormActions submitLabel={t('mentoring.agreement.send')} pending={propose.isPending} onCancel={onCancel} />
      </Form>
    </div>
  );
}
