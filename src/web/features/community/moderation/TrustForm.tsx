import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityLimits, TRUST_LEVELS } from '../../../../contracts/community.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { RadioGroup } from '../../../components/Choices.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { type MemberModeration, useSetTrust } from '../moderation-api.ts';
import { Done } from './QueueActions.tsx';
import { useModWords } from './words.ts';

type Choice = 'auto' | `${(typeof TRUST_LEVELS)[number]}`;

/** A moderator sets a level (automatic promotion stops for this person) or hands it back to Kindred. */
export function TrustForm({ person: p }: { person: MemberModeration }) {
  const { t } = useTranslation();
  const w = useModWords();
  const setTrust = useSetTrust();
  const current: Choice = p.standing.trustLocked ? (String(p.standing.trustLevel) as Choice) : 'auto';
  const [choice, setChoice] = useState<Choice>(current);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length > communityLimits.moderationReasonMax) {
      setError(t('validation.too_big', { maximum: communityLimits.moderationReasonMax }));
      document.getElementById('trust-reason')?.focus();
      return;
    }
    setError(undefined);
    const level = choice === 'auto' ? null : Number(choice);
    setTrust.mutate(
      { userId: p.userId, level, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          setDone((d) => ({ text: level === null ? t('communityMod.trustForm.doneAuto', { name: p.displayName }) : t('communityMod.trustForm.done', { name: p.displayName, level: w.trust(level) }), n: (d?.n ?? 0) + 1 }));
        },
      },
    );
  };
  return (
    <form className="form mod-trust-form" onSubmit={submit} noValidate aria-labelledby="trust-title">
      <h3 id="trust-title">{t('communityMod.trustForm.title')}</h3>
      <RadioGroup<Choice>
        id="trust-level"
        name="level"
        legend={t('communityMod.trustForm.legend', { name: p.displayName })}
        options={[
          { value: 'auto', label: t('communityMod.trustForm.auto'), hint: t('communityMod.trustForm.autoHint') },
          ...TRUST_LEVELS.map((l) => ({ value: String(l) as Choice, label: w.trust(l), hint: t(`communityMod.trust.hints.${l}`) })),
        ]}
        value={choice}
        onChange={setChoice}
      />
      <TextAreaField id="trust-reason" name="reason" label={t('communityMod.trustForm.reason')} hint={t('communityMod.trustForm.reasonHint')} error={error} value={reason} onChange={setReason} maxLength={communityLimits.moderationReasonMax} />
      {setTrust.isError && <Alert live tone="error" title={errorMessage(setTrust.error, t)} />}
      <div role="status">{done && <Done key={done.n} text={done.text} />}</div>
      <div className="actions">
        <Button type="submit" pending={setTrust.isPending}>
          {t('communityMod.trustForm.save')}
        </Button>
      </div>
    </form>
  );
}
