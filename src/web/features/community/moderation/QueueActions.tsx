import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/accounts.ts';
import { communityLimits, moderatorEditBody } from '../../../../contracts/community.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { type QueueItem, type ResolveAction, useLockTopic, useModeratorEdit, useResolveQueueItem, useUnhidePost } from '../moderation-api.ts';
import { type PersonAction, PersonActionForm } from './PersonActionForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { HIDE_SUGGESTIONS } from './suggestions.ts';
import { useModWords } from './words.ts';

type Opened = 'hide' | 'edit' | 'lock' | PersonAction;

/** A confirmation that takes focus: the form that was pressed has just gone, so the keyboard's place moves here. */
export function Done({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return <Alert ref={ref} tone="success" title={text} />;
}

/**
 * What a moderator can do with an open item. Approve, dismiss, hide and (unless the post is held) edit resolve it: it
 * leaves the list and the page says what happened. Locking and acting on the author keep it open, with a
 * confirmation in the card.
 */
export function QueueActions({ item, me, announce }: { item: QueueItem; me: Me; announce: (text: string) => void }) {
  const { t } = useTranslation();
  const resolve = useResolveQueueItem();
  const lock = useLockTopic();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const base = `queue-${item.id}`;
  const title = item.topic.title;
  const held = item.post.status === 'held';
  const hidden = item.post.status === 'hidden';
  const author = item.author;
  // Moderators do not act on themselves (the server refuses too).
  const canActOnAuthor = author.id !== null && author.id !== me.id;
  const authorName = author.displayName ?? t('communityMod.queue.unknownAuthor');

  const open = (what: Opened) => {
    setDone(null);
    setOpened(what);
  };
  const close = (what: Opened) => {
    setOpened(null);
    requestAnimationFrame(() => document.getElementById(`${base}-open-${what}`)?.focus());
  };
  const finished = (text: string) => {
    setOpened(null);
    setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  };
  // A promise rather than mutate's onSuccess: the item leaves the list (and this card unmounts) before that would run.
  const resolveWith = (action: ResolveAction, reason = '') =>
    resolve.mutateAsync({ id: item.id, action, reason }).then(
      () => announce(t(`communityMod.queue.resolved.${action}`, { title })),
      () => undefined, // shown under the buttons from resolve.error
    );

  const opener = (what: Opened, label: string, variant: 'secondary' | 'quiet' | 'danger' = 'secondary') => (
    <Button id={`${base}-open-${what}`} variant={variant} aria-expanded={opened === what} onClick={() => (opened === what ? close(what) : open(what))}>
      {label}
    </Button>
  );

  return (
    <div className="mod-actions">
      <h4 className="mod-small-heading">{t('communityMod.queue.actionsTitle')}</h4>
      <div className="actions" role="group" aria-label={t('communityMod.queue.postActions', { title })}>
        {held ? (
          <Button pending={resolve.isPending && resolve.variables?.action === 'approve'} onClick={() => resolveWith('approve')}>
            {t('communityMod.queue.approve')}
          </Button>
        ) : (
          <Button variant="secondary" pending={resolve.isPending && resolve.variables?.action === 'dismiss'} onClick={() => resolveWith('dismiss')}>
            {t(item.kinds.includes('reported') ? 'communityMod.queue.dismissReports' : 'communityMod.queue.markHandled')}
          </Button>
        )}
        {!hidden && opener('hide', t('communityMod.queue.hide'))}
        {item.post.body !== null && opener('edit', t('communityMod.queue.edit'), 'quiet')}
        {opener('lock', t(item.topic.locked ? 'communityMod.queue.unlockTopic' : 'communityMod.queue.lockTopic'), 'quiet')}
      </div>
      {resolve.isError && <Alert live tone="error" title={errorMessage(resolve.error, t)} />}
      {opened === 'hide' && (
        <ReasonForm
          id={`${base}-hide`}
          title={t('communityMod.queue.hideTitle', { title })}
          reasonLabel={t('communityMod.queue.hideReason')}
          reasonHint={t('communityMod.queue.hideHint')}
          required
          suggestions={HIDE_SUGGESTIONS.map((k) => t(`communityMod.suggestions.hide.${k}`))}
          submitLabel={t('communityMod.queue.hideSubmit')}
          danger
          pending={resolve.isPending}
          error={resolve.error}
          onSubmit={({ reason }) => resolveWith('hide', reason)}
          onCancel={() => close('hide')}
        />
      )}
      {opened === 'edit' && item.post.body !== null && (
        <EditForm
          id={`${base}-edit`}
          postId={item.post.id}
          body={item.post.body}
          title={title}
          // An edit closes the item unless the post still waits for approval (then it stays, for approve or hide).
          onDone={() => (held ? finished(t('communityMod.queue.editedDone')) : announce(t('communityMod.queue.resolved.edit', { title })))}
          onCancel={() => close('edit')}
        />
      )}
      {opened === 'lock' && (
        <ReasonForm
          id={`${base}-lock`}
          title={t(item.topic.locked ? 'communityMod.queue.unlockTitle' : 'communityMod.queue.lockTitle', { title })}
          reasonLabel={t('communityMod.queue.lockReason')}
          reasonHint={t('communityMod.queue.lockHint')}
          required={false}
          submitLabel={t(item.topic.locked ? 'communityMod.queue.unlockTopic' : 'communityMod.queue.lockTopic')}
          pending={lock.isPending}
          error={lock.error}
          onSubmit={({ reason }) =>
            lock.mutate(
              { topicId: item.topic.id, locked: !item.topic.locked, reason },
              { onSuccess: () => finished(t(item.topic.locked ? 'communityMod.queue.unlockedDone' : 'communityMod.queue.lockedDone', { title })) },
            )
          }
          onCancel={() => close('lock')}
        />
      )}
      {canActOnAuthor && (
        <>
          <p className="mod-label" id={`${base}-author-actions`}>
            {t('communityMod.queue.authorActions', { name: authorName })}
          </p>
          <div className="actions" role="group" aria-labelledby={`${base}-author-actions`}>
            {opener('warn', t('communityMod.queue.warn'), 'quiet')}
            {opener('suspend', t('communityMod.queue.suspend'), 'quiet')}
            {!author.banned && opener('ban', t('communityMod.queue.ban'), 'quiet')}
          </div>
          {(opened === 'warn' || opened === 'suspend' || opened === 'ban') && (
            <PersonActionForm action={opened} userId={author.id!} name={authorName} postId={item.post.id} idPrefix={base} onDone={finished} onCancel={() => close(opened)} />
          )}
        </>
      )}
      <div role="status">{done && <Done key={done.n} text={done.text} />}</div>
    </div>
  );
}

/** A moderator's edit: the new text, and a note the author reads saying what changed and why. */
function EditForm({ id, postId, body: original, title, onDone, onCancel }: { id: string; postId: string; body: string; title: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const edit = useModeratorEdit();
  const [body, setBody] = useState(original);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ body?: string; note?: string }>({});
  useEffect(() => document.getElementById(`${id}-body`)?.focus(), [id]);
  const server = edit.error instanceof ApiError ? edit.error.fields : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = moderatorEditBody.safeParse({ body, note });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'note' ? 'note' : 'body';
        next[field] ??= field === 'note' ? t('communityMod.queue.editNoteRequired') : issue.code === 'too_big' ? t('validation.too_big', { maximum: communityLimits.bodyMax }) : t('communityMod.queue.editBodyRequired');
      }
      setErrors(next);
      document.getElementById(`${id}-${next.body ? 'body' : 'note'}`)?.focus();
      return;
    }
    setErrors({});
    // A promise, since the edit may close the item and unmount this form before mutate's onSuccess would run.
    edit.mutateAsync({ postId, ...parsed.data }).then(onDone, () => undefined);
  };
  return (
    <form className="form mod-action-form" onSubmit={submit} noValidate aria-label={t('communityMod.queue.editTitle', { title })}>
      <p className="mod-action-form-title">{t('communityMod.queue.editTitle', { title })}</p>
      <TextAreaField id={`${id}-body`} name="body" label={t('communityMod.queue.editBody')} hint={t('communityMod.queue.editBodyHint')} error={errors.body ?? server.body} value={body} onChange={setBody} rows={8} maxLength={communityLimits.bodyMax} />
      <TextAreaField
        id={`${id}-note`}
        name="note"
        label={t('communityMod.queue.editNote')}
        hint={t('communityMod.queue.editNoteHint')}
        error={errors.note ?? server.note}
        value={note}
        onChange={(v) => {
          setNote(v);
          if (v.trim()) setErrors((e) => ({ ...e, note: undefined }));
        }}
        maxLength={communityLimits.moderationReasonMax}
      />
      {edit.isError && !Object.keys(server).length && <Alert live tone="error" title={errorMessage(edit.error, t)} />}
      <div className="actions">
        <Button type="submit" pending={edit.isPending}>
          {t('communityMod.queue.editSubmit')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A resolved item says how it ended; a hidden post can be shown again. */
export function ResolvedActions({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const unhide = useUnhidePost();
  const w = useModWords();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="mod-actions">
      <p className="mod-resolution">
        <span className="badge">{t('communityMod.queue.resolvedBadge')}</span> <strong>{w.resolution(item.resolution ?? '')}</strong>
      </p>
      {item.post.status === 'hidden' && (
        <div className="actions">
          <Button variant="secondary" pending={unhide.isPending} onClick={() => unhide.mutate(item.post.id, { onSuccess: () => setDone(t('communityMod.queue.unhiddenDone')) })}>
            {t('communityMod.queue.unhide')}
          </Button>
        </div>
      )}
      {unhide.isError && <Alert live tone="error" title={errorMessage(unhide.error, t)} />}
      <div role="status">{done && <Done text={done} />}</div>
    </div>
  );
}
