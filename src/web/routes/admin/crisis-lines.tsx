import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LOCALES, type Locale } from '../../../contracts/common.ts';
import { crisisResourceLimits, crisisResourcesBody } from '../../../contracts/safety.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox, RadioGroup } from '../../components/Choices.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { Form } from '../../components/Form.tsx';
import { Loading } from '../../components/Loading.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import type { CrisisResource } from '../../features/journey/api.ts';
import { ResourceList } from '../../features/journey/support.tsx';
import { fieldFor, placeServerError } from '../../features/meetings/nested-form.ts';
import { type AdminCrisisResources, useAdminCrisisResources, useSaveCrisisResources } from '../../features/safety/api.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { ApiError } from '../../lib/api.ts';
import { useListFormFeedback } from '../../lib/list-form.ts';
import { errorMessage } from '../../lib/messages.ts';
import '../../styles/safety.css';
import { AdminPage } from './layout.tsx';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' };

/** The crisis lines members see on /help, /sos and the crisis screen, set per language by coordinators. */
export function CrisisLinesPage() {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(currentLocale());
  const lines = useAdminCrisisResources(locale);
  // Said outside the editor, which starts afresh from what the server answered.
  const [done, setDone] = useState<'saved' | 'reset' | null>(null);
  // Bumped after a save, so the editor starts again from the list as the server now holds it (not on a refetch).
  const [version, setVersion] = useState(0);
  const finished = (how: 'saved' | 'reset') => {
    setDone(how);
    setVersion((v) => v + 1);
  };
  return (
    <AdminPage title={t('safety.lines.title')} lead={t('safety.lines.lead')}>
      <RadioGroup<Locale>
        id="lines-locale"
        name="locale"
        legend={t('safety.lines.language')}
        hint={t('safety.lines.languageHint')}
        options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{LANGUAGE_NAMES[l]}</span> }))}
        value={locale}
        onChange={(l) => {
          setDone(null);
          setLocale(l);
        }}
      />
      <div role="status">{done && <Alert tone="success" title={t(done === 'saved' ? 'safety.lines.saved' : 'safety.lines.wasReset')} />}</div>
      {lines.isPending && <Loading />}
      {lines.isError && <Alert tone="error" title={errorMessage(lines.error, t)} />}
      {lines.data && (
        <>
          <Current data={lines.data} />
          <Editor key={`${locale}-${version}`} data={lines.data} onSaved={() => finished('saved')} />
          {lines.data.configured && <BackToDefaults locale={locale} onDone={() => finished('reset')} />}
        </>
      )}
    </AdminPage>
  );
}

function Current({ data }: { data: AdminCrisisResources }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lines-current">
      <h2 id="lines-current">{t('safety.lines.currentTitle', { language: LANGUAGE_NAMES[data.locale] })}</h2>
      <Alert tone={data.configured ? 'info' : 'warning'} title={t(data.configured ? 'safety.lines.configured' : 'safety.lines.defaults')} />
      <ResourceList resources={data.resources} headingLevel={3} />
    </section>
  );
}

interface Row {
  key: number;
  name: string;
  description: string;
  phone: string;
  smsNumber: string;
  smsBody: string;
  url: string;
  emergency: boolean;
}

let nextKey = 0;
const toRow = (r: CrisisResource): Row => ({
  key: nextKey++,
  name: r.name,
  description: r.description,
  phone: r.phone ?? '',
  smsNumber: r.sms?.number ?? '',
  smsBody: r.sms?.body ?? '',
  url: r.url ?? '',
  emergency: r.emergency,
});
const blankRow = (): Row => ({ key: nextKey++, name: '', description: '', phone: '', smsNumber: '', smsBody: '', url: '', emergency: false });

const toBody = (rows: Row[]): z.input<typeof crisisResourcesBody> => ({
  resources: rows.map((r) => ({
    name: r.name,
    description: r.description,
    phone: r.phone.trim() || null,
    sms: r.smsNumber.trim() || r.smsBody.trim() ? { number: r.smsNumber, body: r.smsBody.trim() || null } : null,
    url: r.url.trim() || null,
    emergency: r.emergency,
  })),
});

/** Inputs are named by the body's dotted path (resources.1.phone), which is also how the server names a field in a 422. */
const FIELDS = ['name', 'description', 'phone', 'sms.number', 'sms.body', 'url'] as const;
const namesOf = (rows: Row[]) => rows.flatMap((_, i) => FIELDS.map((f) => `resources.${i}.${f}`));
const aliasesOf = (rows: Row[]) => Object.fromEntries(rows.map((_, i) => [`resources.${i}.sms`, `resources.${i}.sms.number`]));
const fieldId = (name: string) => `line-${name.replaceAll('.', '-')}`;

function Editor({ data, onSaved }: { data: AdminCrisisResources; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCrisisResources(data.locale);
  const [rows, setRows] = useState<Row[]>(() => data.resources.map(toRow));
  const { feedback, setFeedback, fail, setFocus, summaryRef } = useListFormFeedback(() => namesOf(rows), fieldId);

  const messageFor = (path: string, issue: z.core.$ZodIssue) => {
    const leaf = path.replace(/^resources\.\d+\./, '');
    if (issue.code === 'too_big') return t('validation.too_big', { maximum: Number(issue.maximum) });
    if (leaf === 'phone' && issue.code === 'custom') return t('safety.lines.errors.reach');
    const own = { name: 'name', phone: 'phone', 'sms.number': 'smsNumber', url: 'url' }[leaf];
    return own ? t(`safety.lines.errors.${own}`) : t('validation.custom');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    if (rows.length === 0) return fail({}, t('safety.lines.errors.empty'));
    const names = namesOf(rows);
    const aliases = aliasesOf(rows);
    const parsed = crisisResourcesBody.safeParse(toBody(rows));
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      let other: string | undefined;
      for (const issue of parsed.error.issues) {
        const name = fieldFor(issue.path, names, aliases);
        if (!name) other ??= issue.code === 'too_big' ? t('safety.lines.errors.tooMany', { max: crisisResourceLimits.perLocale }) : t('validation.custom');
        else fields[name] ??= messageFor(name, issue);
      }
      return fail(fields, other ?? t('form.fixFields'));
    }
    setFeedback({ summary: null, fields: {} });
    try {
      await save.mutateAsync(parsed.data);
      onSaved();
    } catch (err) {
      const placed = placeServerError(err, names, aliases);
      const fields = placed instanceof ApiError ? Object.fromEntries(Object.entries(placed.fields).filter(([k]) => names.includes(k))) : {};
      const unplaced = placed instanceof ApiError ? Object.entries(placed.fields).find(([k]) => !names.includes(k))?.[1] : undefined;
      fail(fields, unplaced ?? (Object.keys(fields).length ? t('form.fixFields') : errorMessage(err, t)));
    }
  };

  const change = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    setRows((rs) => rs.map((r, k) => (k === i ? rs[j]! : k === j ? rs[i]! : r)));
    // The same button on the line's new place, unless it is now the end of the list.
    const end = by < 0 ? j === 0 : j === rows.length - 1;
    setFocus(`line-${j}-${(by < 0) !== end ? 'up' : 'down'}`);
  };
  const lineName = (r: Row, i: number) => r.name.trim() || t('safety.lines.lineN', { n: i + 1 });
  const text = (i: number, f: (typeof FIELDS)[number]) => ({ id: fieldId(`resources.${i}.${f}`), name: `resources.${i}.${f}`, error: feedback.fields[`resources.${i}.${f}`] });

  return (
    <section aria-labelledby="lines-edit">
      <h2 id="lines-edit">{t('safety.lines.editTitle', { language: LANGUAGE_NAMES[data.locale] })}</h2>
      <p>{t('safety.lines.editLead')}</p>
      <Form onSubmit={(e) => void submit(e)} feedback={feedback} fieldId={fieldId} summaryRef={summaryRef} label={t('safety.lines.editTitle', { language: LANGUAGE_NAMES[data.locale] })}>
        <ol className="card-list card-list--single crisis-line-list">
          {rows.map((r, i) => (
            <li key={r.key} className="card">
              <fieldset className="field">
                <legend className="field-label">{t('safety.lines.lineN', { n: i + 1 })}</legend>
                <TextField {...text(i, 'name')} label={t('safety.lines.name')} value={r.name} onChange={(v) => change(i, { name: v })} />
                <TextAreaField {...text(i, 'description')} label={t('safety.lines.description')} hint={t('safety.lines.descriptionHint')} value={r.description} onChange={(v) => change(i, { description: v })} maxLength={crisisResourceLimits.description} />
                <TextField {...text(i, 'phone')} type="tel" label={t('safety.lines.phone')} hint={t('safety.lines.phoneHint')} value={r.phone} onChange={(v) => change(i, { phone: v })} />
                <TextField {...text(i, 'sms.number')} inputMode="numeric" label={t('safety.lines.smsNumber')} hint={t('safety.lines.smsNumberHint')} value={r.smsNumber} onChange={(v) => change(i, { smsNumber: v })} />
                <TextField {...text(i, 'sms.body')} label={t('safety.lines.smsBody')} hint={t('safety.lines.smsBodyHint')} value={r.smsBody} onChange={(v) => change(i, { smsBody: v })} />
                <TextField {...text(i, 'url')} type="url" label={t('safety.lines.url')} hint={t('safety.lines.urlHint')} value={r.url} onChange={(v) => change(i, { url: v })} />
                <Checkbox id={`line-${i}-emergency`} name={`resources.${i}.emergency`} label={t('safety.lines.emergency')} hint={t('safety.lines.emergencyHint')} checked={r.emergency} onChange={(v) => change(i, { emergency: v })} />
              </fieldset>
              <div className="actions">
                <Button id={`line-${i}-up`} variant="quiet" disabled={i === 0} aria-label={t('safety.lines.moveUpLabel', { name: lineName(r, i) })} onClick={() => move(i, -1)}>
                  {t('safety.lines.moveUp')}
                </Button>
                <Button id={`line-${i}-down`} variant="quiet" disabled={i === rows.length - 1} aria-label={t('safety.lines.moveDownLabel', { name: lineName(r, i) })} onClick={() => move(i, 1)}>
                  {t('safety.lines.moveDown')}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t('safety.lines.removeLabel', { name: lineName(r, i) })}
                  onClick={() => {
                    setRows((rs) => rs.filter((_, j) => j !== i));
                    setFocus(rows.length > 1 ? fieldId(`resources.${Math.min(i, rows.length - 2)}.name`) : 'line-add');
                  }}
                >
                  {t('safety.lines.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <div className="actions">
          <Button
            id="line-add"
            variant="secondary"
            disabled={rows.length >= crisisResourceLimits.perLocale}
            onClick={() => {
              setRows((rs) => [...rs, blankRow()]);
              setFocus(fieldId(`resources.${rows.length}.name`));
            }}
          >
            {t('safety.lines.add')}
          </Button>
          <Button type="submit" pending={save.isPending}>
            {t('safety.lines.save')}
          </Button>
        </div>
        {rows.length >= crisisResourceLimits.perLocale && <p className="muted">{t('safety.lines.errors.tooMany', { max: crisisResourceLimits.perLocale })}</p>}
      </Form>
    </section>
  );
}

function BackToDefaults({ locale, onDone }: { locale: Locale; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCrisisResources(locale);
  const [asking, setAsking] = useState(false);
  const focusButton = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('#lines-defaults-section button')?.focus());
  return (
    <section className="card" id="lines-defaults-section" aria-labelledby="lines-defaults">
      <h2 id="lines-defaults">{t('safety.lines.defaultsTitle')}</h2>
      <p>{t('safety.lines.defaultsLead')}</p>
      {asking ? (
        <ConfirmDelete
          question={t('safety.lines.defaultsQuestion', { language: LANGUAGE_NAMES[locale] })}
          yes={t('safety.lines.defaultsYes')}
          no={t('safety.lines.defaultsNo')}
          pending={save.isPending}
          onConfirm={() => save.mutate({ resources: [] }, { onSuccess: onDone })}
          onCancel={() => {
            setAsking(false);
            focusButton();
          }}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            setAsking(true);
            focusButton();
          }}
        >
          {t('safety.lines.defaultsButton')}
        </Button>
      )}
      {save.isError && <Alert live tone="error" title={errorMessage(save.error, t)} />}
    </section>
  );
}
