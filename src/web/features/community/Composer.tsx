import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityLimits, replyBody, topicBody } from '../../../contracts/community.ts';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useForm } from '../../lib/form.ts';
import { type Category, type PostSaved, useCreateTopic, useReply } from './api.ts';
import { readDraft, replyDraftKey, topicDraftKey, useDraft } from './drafts.ts';

/** Languages a post can be written in: named in their own language, so each reader finds theirs. */
const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
];

/** Text to add to the reply box (a quote), and which post it answers; `n` makes the same quote twice count. */
export interface QuoteRequest {
  text: string;
  postId: string;
  n: number;
}

/** One field's props, as useForm's `field()` gives them. */
interface Binding {
  id: string;
  name: string;
  value: unknown;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** The parts every post has: the Markdown text with a short help line, anonymity said plainly, and its language. */
function PostFields({ body, locale, anonymous, bodyLabel }: { body: Binding; locale: Binding; anonymous: { id: string; checked: boolean; onChange: (v: boolean) => void }; bodyLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextAreaField {...body} label={bodyLabel} hint={t('community.composer.markdownHelp')} rows={7} maxLength={communityLimits.bodyMax} />
      <Checkbox {...anonymous} name="anonymous" label={t('community.composer.anonymous')} hint={t('community.composer.anonymousHint')} />
      <SelectField {...locale} label={t('community.composer.language')} hint={t('community.composer.languageHint')} options={LANGUAGES} />
    </>
  );
}

/** "We kept what you were writing" with a way to start over. */
function RestoredDraft({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="draft-note">
      <span>{t('community.composer.restored')}</span>{' '}
      <Button variant="quiet" onClick={onDiscard}>
        {t('community.composer.discard')}
      </Button>
    </p>
  );
}

const focusField = (id: string, atEnd = false) => {
  const el = document.getElementById(id);
  if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) return;
  el.focus();
  if (atEnd && el instanceof HTMLTextAreaElement) el.setSelectionRange(el.value.length, el.value.length);
};

/** The reply box at the foot of a topic. Quoting adds to it; the draft is kept per topic until the reply is sent. */
export function ReplyComposer({ topicId, ownerId, defaultLocale, quote, focusOnMount, onSaved }: {
  topicId: string;
  ownerId: string;
  defaultLocale: string;
  quote: QuoteRequest | null;
  focusOnMount?: boolean;
  onSaved: (saved: PostSaved) => void;
}) {
  const { t } = useTranslation();
  const reply = useReply(topicId);
  const key = replyDraftKey(topicId);
  const [restored, setRestored] = useState(() => readDraft(key, ownerId));
  const empty = { body: '', anonymous: false, locale: defaultLocale, replyToPostId: '' };
  const form = useForm(replyBody, restored ? { ...empty, body: restored.body, anonymous: restored.anonymous, locale: restored.locale ?? defaultLocale } : empty, (v) => ({
    ...v,
    replyToPostId: v.replyToPostId || undefined,
  }));
  const draft = useDraft(key, { owner: ownerId, body: form.values.body, anonymous: form.values.anonymous, locale: form.values.locale }, true);
  const bodyId = form.fieldId('body');

  // Right after agreeing to the guidelines the person's place moves here (the button they pressed is gone).
  useEffect(() => {
    if (focusOnMount) focusField(bodyId);
  }, [focusOnMount]);

  useEffect(() => {
    if (!quote) return;
    form.setValues((v) => ({ ...v, body: `${v.body.trimEnd() ? `${v.body.trimEnd()}\n\n` : ''}${quote.text}`, replyToPostId: quote.postId }));
    // After the text is in: the caret goes to its end, where the reply is written.
    window.setTimeout(() => focusField(bodyId, true), 0);
  }, [quote?.n]);

  const submit = form.handleSubmit(async (body) => {
    const saved = await reply.mutateAsync(body);
    draft.clear();
    setRestored(null);
    form.setValues(empty);
    onSaved(saved);
  });
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('community.composer.replyLabel')}>
      {restored && (
        <RestoredDraft
          onDiscard={() => {
            draft.clear();
            setRestored(null);
            form.setValues(empty);
            focusField(bodyId);
          }}
        />
      )}
      <PostFields
        body={form.field('body')}
        locale={form.field('locale')}
        anonymous={{ id: form.fieldId('anonymous'), checked: form.values.anonymous, onChange: (anonymous) => form.setValues((v) => ({ ...v, anonymous })) }}
        bodyLabel={t('community.composer.replyBody')}
      />
      <FormActions submitLabel={t('community.composer.sendReply')} pending={form.submitting} />
    </Form>
  );
}

/** Starting a topic: where, a title, the words. The draft is kept per category the person started from. */
export function TopicComposer({ categories, startSlug, ownerId, focusOnMount, onSaved }: {
  /** The categories the person may start a topic in (at least one). */
  categories: Category[];
  startSlug: string;
  ownerId: string;
  focusOnMount?: boolean;
  onSaved: (saved: PostSaved) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateTopic();
  const key = topicDraftKey(startSlug);
  const start = categories.find((c) => c.slug === startSlug) ?? categories[0]!;
  const [restored, setRestored] = useState(() => readDraft(key, ownerId));
  // The language follows the chosen category until the person picks one themselves.
  const [localeChosen, setLocaleChosen] = useState(Boolean(restored?.locale));
  const empty = { categoryId: start.id, title: '', body: '', anonymous: false, locale: start.locale };
  const form = useForm(topicBody, restored ? { ...empty, title: restored.title ?? '', body: restored.body, anonymous: restored.anonymous, locale: restored.locale ?? start.locale } : empty);
  const draft = useDraft(key, { owner: ownerId, title: form.values.title, body: form.values.body, anonymous: form.values.anonymous, locale: form.values.locale }, true);

  useEffect(() => {
    if (focusOnMount) focusField(form.fieldId(categories.length > 1 ? 'categoryId' : 'title'));
  }, [focusOnMount]);

  const category = form.field('categoryId');
  const locale = form.field('locale');
  const submit = form.handleSubmit(async (body) => {
    const saved = await create.mutateAsync(body);
    draft.clear();
    onSaved(saved);
  });
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('community.newTopic.title')}>
      {restored && (
        <RestoredDraft
          onDiscard={() => {
            draft.clear();
            setRestored(null);
            setLocaleChosen(false);
            form.setValues(empty);
          }}
        />
      )}
      {categories.length > 1 && (
        <SelectField
          {...category}
          onChange={(id) => {
            const chosen = categories.find((c) => c.id === id);
            form.setValues((v) => ({ ...v, categoryId: id, locale: !localeChosen && chosen ? chosen.locale : v.locale }));
          }}
          label={t('community.newTopic.category')}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
      <TextField {...form.field('title')} label={t('community.newTopic.topicTitle')} hint={t('community.newTopic.topicTitleHint')} />
      <PostFields
        body={form.field('body')}
        locale={{
          ...locale,
          onChange: (value) => {
            setLocaleChosen(true);
            locale.onChange(value);
          },
        }}
        anonymous={{ id: form.fieldId('anonymous'), checked: form.values.anonymous, onChange: (anonymous) => form.setValues((v) => ({ ...v, anonymous })) }}
        bodyLabel={t('community.newTopic.body')}
      />
      <FormActions submitLabel={t('community.newTopic.submit')} pending={form.submitting} />
    </Form>
  );
}
