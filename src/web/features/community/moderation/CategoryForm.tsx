import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LOCALES, type Locale } from '../../../../contracts/common.ts';
import { CATEGORY_POST, CATEGORY_READ, categoryBody, categoryPatch, communityLimits } from '../../../../contracts/community.ts';
import { Checkbox, RadioGroup } from '../../../components/Choices.tsx';
import { Form, FormActions } from '../../../components/Form.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { FormFeedback } from '../../../lib/form.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useGroups } from '../../meetings/api.ts';
import { type Category, useSaveCategory } from '../moderation-api.ts';

type ReadAccess = (typeof CATEGORY_READ)[number];
type PostAccess = (typeof CATEGORY_POST)[number];

interface Values {
  name: string;
  slug: string;
  description: string;
  readAccess: ReadAccess;
  postAccess: PostAccess;
  groupId: string;
  locale: Locale;
  celebrations: boolean;
  position: string;
  archived: boolean;
}

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };
/** The order fields appear in, to focus the first one that needs a change. */
const ORDER = ['name', 'slug', 'description', 'readAccess', 'postAccess', 'groupId', 'locale', 'position'] as const;

/** A slug from a name: "Cravings and Triggers" → "cravings-and-triggers" (accents dropped). */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

const initial = (c: Category | null): Values => ({
  name: c?.name ?? '',
  slug: c?.slug ?? '',
  description: c?.description ?? '',
  readAccess: c?.readAccess ?? 'members',
  postAccess: c?.postAccess ?? 'members',
  groupId: c?.groupId ?? '',
  locale: c?.locale ?? 'en',
  celebrations: c?.celebrations ?? false,
  position: String(c?.position ?? 0),
  archived: c?.archived ?? false,
});

/** Create a category, or change one (its slug stays: links to it keep working). */
export function CategoryForm({ category, onSaved, onCancel }: { category: Category | null; onSaved: (saved: Category) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCategory();
  const groups = useGroups();
  const [v, setV] = useState<Values>(() => initial(category));
  // A new category's slug follows its name until someone types one.
  const [slugTouched, setSlugTouched] = useState(category !== null);
  const [feedback, setFeedback] = useState<FormFeedback>({ summary: null, fields: {} });
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const prefix = `category-${category?.id ?? 'new'}`;
  const fieldId = (name: string) => `${prefix}-${name}`;
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((s) => ({ ...s, [k]: value }));

  useEffect(() => document.getElementById(fieldId('name'))?.focus(), []);
  useEffect(() => {
    if (attempt === 0) return;
    const first = ORDER.find((f) => feedback.fields[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
    else summaryRef.current?.focus();
  }, [attempt]);

  const fail = (fields: Record<string, string>, summary: string) => {
    setFeedback({ summary, fields });
    setAttempt((n) => n + 1);
  };

  const usesGroup = v.readAccess === 'group' || v.postAccess === 'group';
  const common = {
    name: v.name,
    description: v.description,
    readAccess: v.readAccess,
    postAccess: v.postAccess,
    // A group only matters when an access setting names one.
    groupId: usesGroup && v.groupId ? v.groupId : null,
    locale: v.locale,
    celebrations: v.celebrations,
    position: v.position.trim() === '' ? 0 : Number(v.position),
  };

  const messageFor = (field: string, issue: z.core.$ZodIssue) => {
    if (issue.code === 'too_big' && field !== 'position') return t('validation.too_big', { maximum: Number(issue.maximum) });
    return t(`communityMod.categories.errors.${field}`, { defaultValue: t('validation.custom') });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const parsed = category === null ? categoryBody.safeParse({ ...common, slug: v.slug }) : categoryPatch.safeParse({ ...common, archived: v.archived });
    const fields: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= messageFor(String(issue.path[0]), issue);
    // The create schema checks this too; a change is checked here (and by the server).
    if (usesGroup && !v.groupId) fields.groupId ??= t('communityMod.categories.errors.groupId');
    if (!parsed.success || Object.keys(fields).length) return fail(fields, t('form.fixFields'));
    setFeedback({ summary: null, fields: {} });
    const request = category === null ? { id: null, body: parsed.data as z.output<typeof categoryBody> } : { id: category.id, body: parsed.data as z.output<typeof categoryPatch> };
    save.mutate(request, {
      onSuccess: onSaved,
      onError: (err) => {
        const placed = err instanceof ApiError ? Object.fromEntries(Object.entries(err.fields).filter(([k]) => (ORDER as readonly string[]).includes(k))) : {};
        fail(placed, Object.keys(placed).length ? t('form.fixFields') : errorMessage(err, t));
      },
    });
  };

  const label = category ? t('communityMod.categories.editTitle', { name: category.name }) : t('communityMod.categories.newTitle');
  const groupOptions = [{ value: '', label: t('communityMod.categories.chooseGroup') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))];
  return (
    <Form onSubmit={submit} feedback={feedback} fieldId={fieldId} summaryRef={summaryRef} label={label}>
      <TextField
        id={fieldId('name')}
        name="name"
        label={t('communityMod.categories.name')}
        error={feedback.fields.name}
        value={v.name}
        onChange={(name) => setV((s) => ({ ...s, name, slug: slugTouched ? s.slug : slugify(name) }))}
      />
      {category === null ? (
        <TextField
          id={fieldId('slug')}
          name="slug"
          label={t('communityMod.categories.slug')}
          hint={t('communityMod.categories.slugHint', { slug: v.slug || 'newcomers' })}
          error={feedback.fields.slug}
          value={v.slug}
          spellCheck={false}
          onChange={(slug) => {
            setSlugTouched(true);
            set('slug', slug);
          }}
        />
      ) : (
        <p className="muted">{t('communityMod.categories.slugFixed', { slug: category.slug })}</p>
      )}
      <TextAreaField
        id={fieldId('description')}
        name="description"
        label={t('communityMod.categories.description')}
        hint={t('communityMod.categories.descriptionHint')}
        error={feedback.fields.description}
        value={v.description}
        onChange={(d) => set('description', d)}
        maxLength={communityLimits.categoryDescriptionMax}
      />
      <RadioGroup<ReadAccess>
        id={fieldId('readAccess')}
        name="readAccess"
        legend={t('communityMod.categories.readAccess')}
        error={feedback.fields.readAccess}
        options={CATEGORY_READ.map((r) => ({ value: r, label: t(`communityMod.access.read.${r}`), hint: t(`communityMod.access.readHint.${r}`) }))}
        value={v.readAccess}
        onChange={(r) => set('readAccess', r)}
      />
      <RadioGroup<PostAccess>
        id={fieldId('postAccess')}
        name="postAccess"
        legend={t('communityMod.categories.postAccess')}
        error={feedback.fields.postAccess}
        options={CATEGORY_POST.map((p) => ({ value: p, label: t(`communityMod.access.post.${p}`), hint: t(`communityMod.access.postHint.${p}`) }))}
        value={v.postAccess}
        onChange={(p) => set('postAccess', p)}
      />
      {usesGroup && (
        <SelectField
          id={fieldId('groupId')}
          name="groupId"
          label={t('communityMod.categories.group')}
          hint={groups.isError ? errorMessage(groups.error, t) : groups.data?.length === 0 ? t('communityMod.categories.noGroups') : t('communityMod.categories.groupHint')}
          error={feedback.fields.groupId}
          value={v.groupId}
          onChange={(g) => set('groupId', g)}
          options={groupOptions}
        />
      )}
      <RadioGroup<Locale>
        id={fieldId('locale')}
        name="locale"
        legend={t('communityMod.categories.language')}
        hint={t('communityMod.categories.languageHint')}
        error={feedback.fields.locale}
        options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{LANGUAGE_NAMES[l]}</span> }))}
        value={v.locale}
        onChange={(l) => set('locale', l)}
      />
      <fieldset className="field choices">
        <legend className="field-label">{t('communityMod.categories.more')}</legend>
        <Checkbox
          id={fieldId('celebrations')}
          name="celebrations"
          label={t('communityMod.categories.celebrations')}
          hint={t('communityMod.categories.celebrationsHint')}
          checked={v.celebrations}
          onChange={(c) => set('celebrations', c)}
        />
        {category !== null && (
          <Checkbox id={fieldId('archived')} name="archived" label={t('communityMod.categories.archived')} hint={t('communityMod.categories.archivedHint')} checked={v.archived} onChange={(a) => set('archived', a)} />
        )}
      </fieldset>
      <TextField
        id={fieldId('position')}
        name="position"
        inputMode="numeric"
        label={t('communityMod.categories.position')}
        hint={t('communityMod.categories.positionHint')}
        error={feedback.fields.position}
        value={v.position}
        onChange={(p) => set('position', p)}
      />
      <FormActions submitLabel={category ? t('communityMod.categories.saveChanges') : t('communityMod.categories.create')} pending={save.isPending} onCancel={onCancel} />
    </Form>
  );
}
