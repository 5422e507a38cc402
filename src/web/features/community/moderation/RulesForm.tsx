import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { communityLimits, moderationSettings } from '../../../../contracts/community.ts';
import { Button } from '../../../components/Button.tsx';
import { Checkbox } from '../../../components/Choices.tsx';
import { Form } from '../../../components/Form.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useListFormFeedback } from '../../../lib/list-form.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { type ModerationSettings, useSaveModerationSettings } from '../moderation-api.ts';
import { BUILT_IN_RULES } from './words.ts';

type AppliesTo = ModerationSettings['patterns'][number]['appliesTo'];
interface Row {
  /** React's key for the row, stable while rows are added and removed. */
  rowKey: number;
  key: string;
  pattern: string;
  appliesTo: AppliesTo;
}

let nextRow = 0;
const blankRow = (): Row => ({ rowKey: nextRow++, key: '', pattern: '', appliesTo: 'new' });
const PATTERN_FIELDS = ['key', 'pattern', 'appliesTo'] as const;
/** Inputs are named by the body's dotted path (patterns.1.key), which is also how the server names a field in a 422. */
const namesOf = (rows: Row[]) => ['linkSpamThreshold', 'holdNewMembers', ...rows.flatMap((_, i) => PATTERN_FIELDS.map((f) => `patterns.${i}.${f}`))];
const fieldId = (name: string) => `rules-${name.replaceAll('.', '-')}`;

/** The built-in rules explained (with the two that have a setting), then the coordinators' own patterns. */
export function RulesForm({ current, onSaved }: { current: ModerationSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveModerationSettings();
  const [rows, setRows] = useState<Row[]>(() => current.patterns.map((p) => ({ rowKey: nextRow++, ...p })));
  const [threshold, setThreshold] = useState(String(current.linkSpamThreshold));
  const [holdNewMembers, setHoldNewMembers] = useState(current.holdNewMembers);
  const { feedback, setFeedback, fail, setFocus, summaryRef } = useListFormFeedback(() => namesOf(rows), fieldId);
  const messageFor = (name: string, issue: z.core.$ZodIssue) => {
    const leaf = name.replace(/^patterns\.\d+\./, '');
    if (leaf === 'linkSpamThreshold') return t('communityMod.rules.errors.threshold');
    if (leaf === 'pattern' && issue.code === 'too_big') return t('validation.too_big', { maximum: communityLimits.patternMax });
    return t(`communityMod.rules.errors.${leaf}`, { defaultValue: t('validation.custom') });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    // Rows left entirely empty are dropped rather than complained about.
    const kept = rows.filter((r) => r.key.trim() || r.pattern.trim());
    const body = { patterns: kept.map(({ key, pattern, appliesTo }) => ({ key: key.trim(), pattern, appliesTo })), linkSpamThreshold: Number(threshold.trim() || Number.NaN), holdNewMembers };
    if (kept.length !== rows.length) setRows(kept);
    const names = namesOf(kept);
    const fields: Record<string, string> = {};
    const parsed = moderationSettings.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = issue.path.join('.');
        if (names.includes(name)) fields[name] ??= messageFor(name, issue);
        else if (issue.path[0] === 'patterns') fields._ ??= t('communityMod.rules.errors.tooMany', { max: communityLimits.patternsMax });
      }
    }
    // Each key names one rule in the queue's "why it is here": two rules with one name would be confusing.
    const seen = new Set<string>(BUILT_IN_RULES);
    kept.forEach((r, i) => {
      const k = r.key.trim();
      if (k && seen.has(k)) fields[`patterns.${i}.key`] ??= t('communityMod.rules.errors.keyTaken');
      seen.add(k);
    });
    const other = fields._;
    // In page order, so the summary reads top to bottom like the form.
    const placed = Object.fromEntries(names.filter((n) => fields[n]).map((n) => [n, fields[n]!]));
    if (Object.keys(fields).length || !parsed.success) return fail(placed, other ?? t('form.fixFields'));
    setFeedback({ summary: null, fields: {} });
    save.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (err) => {
        const all = err instanceof ApiError ? err.fields : {};
        const onInputs = Object.fromEntries(Object.entries(all).filter(([k]) => names.includes(k)));
        const elsewhere = Object.entries(all).find(([k]) => !names.includes(k))?.[1];
        fail(onInputs, elsewhere ?? (Object.keys(onInputs).length ? t('form.fixFields') : errorMessage(err, t)));
      },
    });
  };

  const change = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const rowName = (r: Row, i: number) => r.key.trim() || t('communityMod.rules.patternN', { n: i + 1 });
  const field = (i: number, f: (typeof PATTERN_FIELDS)[number]) => ({ id: fieldId(`patterns.${i}.${f}`), name: `patterns.${i}.${f}`, error: feedback.fields[`patterns.${i}.${f}`] });

  return (
    <Form onSubmit={submit} feedback={feedback} fieldId={fieldId} summaryRef={summaryRef} label={t('communityMod.rules.formLabel')}>
      <section className="card mod-settings-card" aria-labelledby="rules-built-in">
        <h2 id="rules-built-in">{t('communityMod.rules.builtInTitle')}</h2>
        <p>{t('communityMod.rules.builtInLead')}</p>
        <dl className="mod-guide">
          {(['sourcing', 'phone_number', 'payment_handle', 'link_spam', 'zero_width'] as const).map((k) => (
            <div key={k}>
              <dt>
                {t(`communityMod.rules.builtIn.${k}.name`)} <span className="badge">{t(`communityMod.rules.builtIn.${k}.who`)}</span>
              </dt>
              <dd>{t(`communityMod.rules.builtIn.${k}.what`)}</dd>
            </div>
          ))}
        </dl>
        <TextField
          id={fieldId('linkSpamThreshold')}
          name="linkSpamThreshold"
          inputMode="numeric"
          label={t('communityMod.rules.threshold')}
          hint={t('communityMod.rules.thresholdHint')}
          error={feedback.fields.linkSpamThreshold}
          value={threshold}
          onChange={setThreshold}
        />
        <fieldset className="field choices" id={fieldId('holdNewMembers')} tabIndex={-1}>
          <legend className="field-label">{t('communityMod.rules.newMembersLegend')}</legend>
          <Checkbox id={`${fieldId('holdNewMembers')}-box`} name="holdNewMembers" label={t('communityMod.rules.holdNewMembers')} hint={t('communityMod.rules.holdNewMembersHint')} checked={holdNewMembers} onChange={setHoldNewMembers} />
        </fieldset>
      </section>

      <section className="card mod-settings-card" aria-labelledby="rules-own">
        <h2 id="rules-own">{t('communityMod.rules.ownTitle')}</h2>
        <p>{t('communityMod.rules.ownLead')}</p>
        <p className="muted">{t('communityMod.rules.ownExample')}</p>
        {rows.length === 0 && <p>{t('communityMod.rules.noPatterns')}</p>}
        <ol className="mod-patterns">
          {rows.map((r, i) => (
            <li key={r.rowKey}>
              <fieldset className="field">
                <legend className="field-label">{t('communityMod.rules.patternN', { n: i + 1 })}</legend>
                <TextField {...field(i, 'key')} label={t('communityMod.rules.key')} hint={t('communityMod.rules.keyHint')} value={r.key} spellCheck={false} onChange={(v) => change(i, { key: v })} />
                <TextField {...field(i, 'pattern')} label={t('communityMod.rules.pattern')} hint={t('communityMod.rules.patternHint')} value={r.pattern} spellCheck={false} onChange={(v) => change(i, { pattern: v })} />
                <SelectField
                  {...field(i, 'appliesTo')}
                  label={t('communityMod.rules.appliesTo')}
                  value={r.appliesTo}
                  onChange={(v) => change(i, { appliesTo: v as AppliesTo })}
                  options={(['new', 'all'] as const).map((a) => ({ value: a, label: t(`communityMod.rules.appliesToOptions.${a}`) }))}
                />
              </fieldset>
              <Button
                variant="quiet"
                aria-label={t('communityMod.rules.removeLabel', { name: rowName(r, i) })}
                onClick={() => {
                  setRows((rs) => rs.filter((_, j) => j !== i));
                  setFocus(rows.length > 1 ? fieldId(`patterns.${Math.min(i, rows.length - 2)}.key`) : 'rules-add');
                }}
              >
                {t('communityMod.rules.remove')}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          id="rules-add"
          variant="secondary"
          disabled={rows.length >= communityLimits.patternsMax}
          onClick={() => {
            setRows((rs) => [...rs, blankRow()]);
            setFocus(fieldId(`patterns.${rows.length}.key`));
          }}
        >
          {t('communityMod.rules.add')}
        </Button>
      </section>
      <div className="actions">
        <Button type="submit" pending={save.isPending}>
          {t('communityMod.rules.save')}
        </Button>
      </div>
    </Form>
  );
}
