import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mentoringSettings, SCORE_PARTS } from '../../../contracts/mentoring.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox, RadioGroup } from '../../components/Choices.tsx';
import { describedBy, FieldNotes } from '../../components/FieldNotes.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type MentoringSettings, useMentoringSettings, useSaveMentoringSettings } from '../../features/mentoring/admin-api.ts';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { MentoringAdminPage, useMentoringWords } from './mentoring-parts.tsx';

type Part = (typeof SCORE_PARTS)[number];
type Notes = 'private' | 'coordinators';

/** How matches are scored, who may mentor, who reads contact notes, when a mentee counts as overdue. */
export function MentoringSettingsPage() {
  const { t } = useTranslation();
  const settings = useMentoringSettings();
  return (
    <MentoringAdminPage title={t('mentoringAdmin.settings.title')} lead={t('mentoringAdmin.settings.lead')}>
      {settings.isPending && <Loading />}
      {settings.isError && <Alert tone="error" title={errorMessage(settings.error, t)} />}
      {settings.data && <SettingsForm current={settings.data} />}
    </MentoringAdminPage>
  );
}

/** A decimal as typed in either language ("2.5" or "2,5"); NaN for anything else. */
const toNumber = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.trim().replace(',', '.')));
const fieldId = (key: string) => `mentoring-settings-${key.replace('.', '-')}`;

function SettingsForm({ current }: { current: MentoringSettings }) {
  const { t } = useTranslation();
  const w = useMentoringWords();
  const save = useSaveMentoringSettings();
  // Shown as the reader writes numbers ("2,5" in Spanish); toNumber reads either.
  const decimal = new Intl.NumberFormat(w.locale, { maximumFractionDigits: 2, useGrouping: false });
  const [weights, setWeights] = useState<Record<Part, string>>(() => Object.fromEntries(SCORE_PARTS.map((p) => [p, decimal.format(current.weights[p])])) as Record<Part, string>);
  const [requireCertification, setRequireCertification] = useState(current.requireCertification);
  const [notes, setNotes] = useState<Notes>(current.coordinatorsSeeNotes ? 'coordinators' : 'private');
  const [overdueDays, setOverdueDays] = useState(String(current.overdueDays));
  const [supervisionContact, setSupervisionContact] = useState(current.supervisionContact);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const numbers = Object.fromEntries(SCORE_PARTS.map((p) => [p, toNumber(weights[p])])) as Record<Part, number>;
  const total = SCORE_PARTS.reduce((sum, p) => sum + (Number.isFinite(numbers[p]) && numbers[p] > 0 ? numbers[p] : 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = { weights: numbers, requireCertification, coordinatorsSeeNotes: notes === 'coordinators', overdueDays: toNumber(overdueDays), supervisionContact };
    const parsed = mentoringSettings.safeParse(body);
    const next: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        if (next[key]) continue;
        if (key.startsWith('weights.')) next[key] = t('mentoringAdmin.settings.weightRange');
        else if (key === 'overdueDays') next[key] = t('mentoringAdmin.settings.overdueRange');
        else if (key === 'supervisionContact') next[key] = t('mentoringAdmin.settings.supervisionTooLong', { max: 280 });
        else next[key] = issue.message;
      }
    } else if (total === 0) {
      next.weights = t('mentoringAdmin.settings.weightsAllZero');
    }
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    save.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: (err) => {
        if (err instanceof ApiError) setErrors(err.fields);
      },
    });
  };

  return (
    <form className="form settings-form" onSubmit={submit} noValidate aria-label={t('mentoringAdmin.settings.title')}>
      <section className="card" aria-labelledby="settings-weights">
        <h2 id="settings-weights">{t('mentoringAdmin.settings.weightsTitle')}</h2>
        <p>{t('mentoringAdmin.settings.weightsLead')}</p>
        <p className="muted">{t('mentoringAdmin.settings.rules')}</p>
        <fieldset className="field weights" id={fieldId('weights')} tabIndex={-1} aria-describedby={describedBy(fieldId('weights'), t('mentoringAdmin.settings.weightsHint'), errors.weights)}>
          <legend className="field-label">{t('mentoringAdmin.settings.weightsLegend')}</legend>
          <FieldNotes id={fieldId('weights')} hint={t('mentoringAdmin.settings.weightsHint')} error={errors.weights} />
          {SCORE_PARTS.map((p) => {
            const share = total > 0 && Number.isFinite(numbers[p]) && numbers[p] >= 0 ? numbers[p] / total : null;
            return (
              <TextField
                key={p}
                id={fieldId(`weights.${p}`)}
                name={p}
                inputMode="decimal"
                label={t(`mentoringAdmin.parts.${p}.name`)}
                hint={
                  <>
                    {t(`mentoringAdmin.parts.${p}.means`)}{' '}
                    {share !== null && <strong>{share === 0 ? t('mentoringAdmin.settings.leftOut') : t('mentoringAdmin.settings.share', { share: w.percent(share) })}</strong>}
                  </>
                }
                error={errors[`weights.${p}`]}
                value={weights[p]}
                onChange={(v) => setWeights((s) => ({ ...s, [p]: v }))}
              />
            );
          })}
        </fieldset>
      </section>

      <section className="card" aria-labelledby="settings-who">
        <h2 id="settings-who">{t('mentoringAdmin.settings.whoTitle')}</h2>
        <fieldset className="field choices">
          <legend className="field-label">{t('mentoringAdmin.settings.certificationLegend')}</legend>
          <Checkbox
            id={fieldId('requireCertification')}
            name="requireCertification"
            checked={requireCertification}
            onChange={setRequireCertification}
            label={t('mentoringAdmin.settings.requireCertification')}
            hint={t('mentoringAdmin.settings.requireCertificationHint')}
          />
        </fieldset>
      </section>

      <section className="card" aria-labelledby="settings-notes">
        <h2 id="settings-notes">{t('mentoringAdmin.settings.notesTitle')}</h2>
        <p>{t('mentoringAdmin.settings.notesLead')}</p>
        <RadioGroup<Notes>
          id={fieldId('coordinatorsSeeNotes')}
          name="coordinatorsSeeNotes"
          legend={t('mentoringAdmin.settings.notesLegend')}
          hint={t('mentoringAdmin.settings.notesHint')}
          error={errors.coordinatorsSeeNotes}
          options={[
            { value: 'private', label: t('mentoringAdmin.settings.notesPrivate'), hint: t('mentoringAdmin.settings.notesPrivateHint') },
            { value: 'coordinators', label: t('mentoringAdmin.settings.notesCoordinators'), hint: t('mentoringAdmin.settings.notesCoordinatorsHint') },
          ]}
          value={notes}
          onChange={setNotes}
        />
      </section>

      <section className="card" aria-labelledby="settings-care">
        <h2 id="settings-care">{t('mentoringAdmin.settings.careTitle')}</h2>
        <div className="form">
          <TextField
            id={fieldId('overdueDays')}
            name="overdueDays"
            inputMode="numeric"
            label={t('mentoringAdmin.settings.overdueDays')}
            hint={t('mentoringAdmin.settings.overdueDaysHint')}
            error={errors.overdueDays}
            value={overdueDays}
            onChange={setOverdueDays}
          />
          <TextAreaField
            id={fieldId('supervisionContact')}
            name="supervisionContact"
            label={t('mentoringAdmin.settings.supervisionContact')}
            hint={t('mentoringAdmin.settings.supervisionContactHint')}
            error={errors.supervisionContact}
            value={supervisionContact}
            onChange={setSupervisionContact}
            maxLength={280}
          />
        </div>
      </section>

      <div role="status">{saved && <Alert tone="success" title={t('mentoringAdmin.settings.saved')} />}</div>
      {save.isError && <Alert live tone="error" title={errorMessage(save.error, t)} />}
      {Object.keys(errors).length > 0 && !save.isError && <Alert live tone="error" title={t('form.fixFields')} />}
      <Button type="submit" pending={save.isPending}>
        {t('mentoringAdmin.settings.save')}
      </Button>
    </form>
  );
}
