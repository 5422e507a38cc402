import { PostHtml } from './PostHtml.tsx';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { communityLimits, postEditBody, topicEditBody } from '../../../contracts/community.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';
import { type Post, type TopicSummary, useDeletePost, useEditPost, useEditTitle } from './api.ts';
import { AuthorName } from './AuthorName.tsx';
import { ReactionBar } from './ReactionBar.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import { HeldNotice } from './SavedNotice.tsx';
import { quoteMarkdown } from './quote.ts';

export interface PostViewProps {
  post: Post;
  topic: TopicSummary;
  signedIn: boolean;
  moderator: boolean;
  timeZone: string | undefined;
  /** Quoting is offered where the reader may reply. */
  onQuote: ((markdown: string, postId: string) => void) | null;
  onDeleted: (post: Post) => void;
}

/**
 * One post of a topic, anchored at #post-N. Hidden and deleted posts stay as a quiet placeholder (the numbering
 * and the replies around them keep their sense); a held post is marked for its author. Reactions, quote, report,
 * edit and delete are offered to whom they apply.
 */
export function PostView({ post, topic, signedIn, moderator, timeZone, onQuote, onDeleted }: PostViewProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [editNotice, setEditNotice] = useState<EditResult | null>(null);
  const remove = useDeletePost();
  const article = useRef<HTMLElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);
  // Leaving the edit form removes what had focus: it moves to the answer, or back to the post.
  useEffect(() => {
    if (wasEditing.current && !editing) (noticeRef.current ?? article.current)?.focus();
    wasEditing.current = editing;
  }, [editing, editNotice]);
  const mine = post.author.isMe;
  const anchor = `post-${post.number}`;
  const gone = post.status === 'hidden' || post.status === 'deleted';
  const time = (
    <a href={`#${anchor}`} className="post-time">
      <time dateTime={post.createdAt}>{formatDateTime(post.createdAt, currentLocale(), timeZone)}</time>
    </a>
  );

  // Members see only that something was here; moderators still get the text (html) to review it.
  if (gone && post.html === '') {
    return (
      <article className="post post--placeholder" id={anchor} tabIndex={-1} aria-labelledby={`${anchor}-title`}>
        <h2 id={`${anchor}-title`} className="post-placeholder-text">
          {t(post.status === 'hidden' ? 'community.post.hidden' : 'community.post.deleted')}
        </h2>
        <p className="post-meta">
          {time}
          {post.status === 'hidden' && mine && (
            <>
              {' · '}
              <Link to="/community/notices">{t('community.post.hiddenWhy')}</Link>
            </>
          )}
        </p>
      </article>
    );
  }

  const open = post.status === 'visible' || post.status === 'held';
  return (
    <article
      ref={article}
      className={`post post--${post.status}${post.kind === 'milestone' ? ' post--milestone' : ''}${mine ? ' post--mine' : ''}`}
      id={anchor}
      tabIndex={-1}
      aria-labelledby={`${anchor}-title`}
    >
      <header className="post-header">
        {/* Each post is a heading, so a screen reader can move from one to the next; the post's own headings start at h3. */}
        <h2 id={`${anchor}-title`} className="post-author">
          <AuthorName author={post.author} />
        </h2>
        <p className="post-meta">
          {time}
          {post.editedAt && <span className="post-edited"> · {t('community.post.edited')}</span>}
          {post.number === 1 && <span className="visually-hidden"> · {t('community.post.opening')}</span>}
        </p>
      </header>
      {post.status === 'held' && <HeldNotice moderator={moderator && !mine} />}
      {gone && <p className="post-mark">{t(post.status === 'hidden' ? 'community.post.hiddenModerator' : 'community.post.deletedModerator')}</p>}
      {editing ? (
        <EditPost
          post={post}
          topic={topic}
          onDone={(result) => {
            setEditing(false);
            setEditNotice(result);
          }}
        />
      ) : (
        <PostHtml className="post-body" html={post.html} lang={post.locale} />
      )}
      {editNotice && (
        <Alert tone={editNotice === 'saved' ? 'success' : 'warning'} title={t(`community.post.${EDIT_WORDS[editNotice]}`)} ref={noticeRef} />
      )}
      {post.status === 'visible' && <ReactionBar post={post} topicId={topic.id} interactive={signedIn && !mine} />}
      {!editing && open && (
        <div className="post-actions">
          {onQuote && post.status === 'visible' && (
            <Button variant="quiet" onClick={() => onQuote(quoteMarkdown(post.html, t('community.post.quoteHeading', { name: quotedName(post, t('community.author.anonymous')) })), post.id)}>
              {t('community.post.quote')}
            </Button>
          )}
          {/* Writing to the author privately: never to an anonymous post's author (moderators who see the name included). */}
          {signedIn && !mine && !post.author.anonymous && post.author.id && post.status === 'visible' && (
            <Link className="button button--quiet" to={`/messages/new?to=${post.author.id}`}>
              {t('community.post.message')}
            </Link>
          )}
          {mine && post.canEdit && (
            <Button variant="quiet" onClick={() => { setEditNotice(null); setEditing(true); }}>
              {t('community.post.edit')}
            </Button>
          )}
          {mine && (
            <Button variant="quiet" onClick={() => setDeleting(true)}>
              {t('community.post.delete')}
            </Button>
          )}
          {signedIn && !mine && post.status === 'visible' && (
            <Button variant="quiet" onClick={() => setReporting(true)}>
              {t('community.post.report')}
            </Button>
          )}
        </div>
      )}
      {deleting && (
        <ConfirmDelete
          question={t(post.number === 1 ? 'community.post.deleteTopicQuestion' : 'community.post.deleteQuestion')}
          yes={t('community.post.deleteYes')}
          no={t('community.post.deleteNo')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(post.id, { onSuccess: () => { setDeleting(false); onDeleted(post); } })}
          onCancel={() => setDeleting(false)}
        />
      )}
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
      {reporting && <ReportDialog postId={post.id} open={reporting} onClose={() => setReporting(false)} />}
    </article>
  );
}

/**
 * The name a quote gives, which every reader of the reply will see: an anonymous post stays "Anonymous member" even
 * when the one quoting is its author or a moderator who can see who wrote it.
 */
const quotedName = (post: Post, anonymous: string) => (post.author.anonymous ? anonymous : (post.author.displayName ?? anonymous));

/** What an edit came to: saved as it is, held for review (again, or still). */
type EditResult = 'saved' | 'held' | 'stillHeld';
const EDIT_WORDS: Record<EditResult, string> = { saved: 'editSaved', held: 'editHeld', stillHeld: 'editStillHeld' };

const editSchema = z.strictObject({ body: postEditBody.shape.body, title: topicEditBody.shape.title.optional() });

/** The author edits their own words in place; the opening post's author may change the title too. */
function EditPost({ post, topic, onDone }: { post: Post; topic: TopicSummary; onDone: (result: EditResult | null) => void }) {
  const { t } = useTranslation();
  const editPost = useEditPost();
  const editTitle = useEditTitle();
  const withTitle = post.number === 1;
  const form = useForm(editSchema, { body: post.body ?? '', title: topic.title }, (v) => ({ body: v.body, title: withTitle ? v.title : undefined }));
  // The Edit button is gone once the form shows: the person's place moves into it.
  useEffect(() => document.getElementById(form.fieldId(withTitle ? 'title' : 'body'))?.focus(), []);
  const submit = form.handleSubmit(async ({ body, title }) => {
    if (title !== undefined && title !== topic.title) await editTitle.mutateAsync({ topicId: topic.id, title });
    const saved = body !== (post.body ?? '') ? await editPost.mutateAsync({ id: post.id, body }) : post;
    onDone(saved.status !== 'held' ? 'saved' : post.status === 'held' ? 'stillHeld' : 'held');
  });
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('community.post.editLabel')}>
      {withTitle && <TextField {...form.field('title')} label={t('community.newTopic.topicTitle')} />}
      <TextAreaField {...form.field('body')} label={t('community.post.editBody')} hint={t('community.composer.markdownHelp')} rows={7} maxLength={communityLimits.bodyMax} />
      <FormActions submitLabel={t('community.post.editSave')} pending={form.submitting} onCancel={() => onDone(null)} />
    </Form>
  );
}
