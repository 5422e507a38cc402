import { useTranslation } from 'react-i18next';
import { useBan, useSuspend, useWarn } from '../moderation-api.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { BAN_SUGGESTIONS, SUSPEND_SUGGESTIONS, WARN_SUGGESTIONS } from './suggestions.ts';

export type PersonAction = 'warn' | 'suspend' | 'ban';

const SUGGESTIONS = { warn: WARN_SUGGESTIONS, suspend: SUSPEND_SUGGESTIONS, ban: BAN_SUGGESTIONS } as const;

/** Warn, suspend for some days or ban a person; each tells them why, in words a moderator writes for them. */
export function PersonActionForm({
  action,
  userId,
  name,
  postId,
  idPrefix,
  onDone,
  onCancel,
}: {
  action: PersonAction;
  userId: string;
  name: string;
  /** The post that led to it, when acting from the queue (the person's notice links to it). */
  postId?: string | undefined;
  idPrefix: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const warn = useWarn();
  const suspend = useSuspend();
  const ban = useBan();
  const mutation = { warn, suspend, ban }[action];
  const withPost = postId ? { postId } : {};
  const submit = ({ reason, days }: { reason: string; days: number }) => {
    const done = () => onDone(t(`communityMod.person.done.${action}`, { name, count: days }));
    if (action === 'warn') warn.mutate({ userId, reason, ...withPost }, { onSuccess: done });
    else if (action === 'suspend') suspend.mutate({ userId, reason, days, ...withPost }, { onSuccess: done });
    else ban.mutate({ userId, reason, ...withPost }, { onSuccess: done });
  };
  return (
    <ReasonForm
      id={`${idPrefix}-${action}`}
      title={t(`communityMod.person.formTitle.${action}`, { name })}
      reasonLabel={t('communityMod.form.reasonForPerson', { name })}
      reasonHint={t(`communityMod.person.reasonHint.${action}`)}
      required
      askDays={action === 'suspend'}
      suggestions={SUGGESTIONS[action].map((k) => t(`communityMod.suggestions.${action}.${k}`))}
      submitLabel={t(`communityMod.person.submit.${action}`)}
      danger={action !== 'warn'}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onCancel={onCancel}
    />
  );
}
