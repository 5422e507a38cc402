import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityLimits } from '../../../../contracts/community.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/messages.ts';

export interface ReasonFormProps {
  /** Unique on the page: the fields' ids start with it. */
  id: string;
  /** What the form does ("Hide this post"): its accessible name. */
  title: string;
  reasonLabel: string;
  reasonHint?: string;
  /** The reason is what the person reads; most actions require one. */
  required: boolean;
  /** Sentences to start from; choosing one fills the reason, which stays editable. */
  suggestions?: string[];
  /** Asks for a number of days (a suspension). */
  askDays?: boolean;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (values: { reason: string; days: number }) => void;
  onCancel: () => void;
}

/** One moderation action's form: a reason told to the person in plain words, with suggestions, and days if it asks. */
export function ReasonForm(p: ReasonFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<{ reason?: string; days?: string }>({});
  const reasonId = `${p.id}-reason`;
  const daysId = `${p.id}-days`;
  const focus = (id: string) => document.getElementById(id)?.focus();
  useEffect(() => focus(p.askDays ? daysId : reasonId), []);

  // The server's field messages (422) land on the fields; anything else is said under the form.
  const server = p.error instanceof ApiError ? p.error.fields : {};
  const shown = { reason: errors.reason ?? server.reason, days: errors.days ?? server.days };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    const n = Number(days.trim());
    if (p.askDays && (!Number.isInteger(n) || n < 1 || n > communityLimits.suspendDaysMax)) next.days = t('communityMod.form.daysRange', { max: communityLimits.suspendDaysMax });
    if (p.required && !reason.trim()) next.reason = t('communityMod.form.reasonRequired');
    else if (reason.trim().length > communityLimits.moderationReasonMax) next.reason = t('validation.too_big', { maximum: communityLimits.moderationReasonMax });
    setErrors(next);
    if (next.days) return focus(daysId);
    if (next.reason) return focus(reasonId);
    p.onSubmit({ reason: reason.trim(), days: n });
  };

  return (
    <form className="form mod-action-form" onSubmit={submit} noValidate aria-label={p.title}>
      <p className="mod-action-form-title">{p.title}</p>
      {p.askDays && (
        <TextField id={daysId} name="days" inputMode="numeric" label={t('communityMod.form.days')} hint={t('communityMod.form.daysHint', { max: communityLimits.suspendDaysMax })} error={shown.days} value={days} onChange={setDays} />
      )}
      <TextAreaField
        id={reasonId}
        name="reason"
        label={p.reasonLabel}
        hint={p.reasonHint}
        error={shown.reason}
        value={reason}
        onChange={(v) => {
          setReason(v);
          if (errors.reason && v.trim()) setErrors((e) => ({ ...e, reason: undefined }));
        }}
        rows={3}
        maxLength={communityLimits.moderationReasonMax}
      />
      {p.suggestions && p.suggestions.length > 0 && (
        <div className="mod-suggestions" role="group" aria-label={t('communityMod.form.suggestions')}>
          <p className="field-hint">{t('communityMod.form.suggestions')}</p>
          <ul>
            {p.suggestions.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="mod-suggestion"
                  onClick={() => {
                    setReason(s);
                    setErrors((e) => ({ ...e, reason: undefined }));
                    focus(reasonId);
                  }}
                >
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {p.error !== null && p.error !== undefined && !(p.error instanceof ApiError && Object.keys(p.error.fields).length) && <Alert live tone="error" title={errorMessage(p.error, t)} />}
      <div className="actions">
        <Button type="submit" variant={p.danger ? 'danger' : 'primary'} pending={p.pending}>
          {p.submitLabel}
        </Button>
        <Button variant="quiet" onClick={p.onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
