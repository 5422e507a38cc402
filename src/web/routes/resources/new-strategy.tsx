import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOCALES, type Locale } from '../../../contracts/common.ts';
import { COPING_WHEN, copingLibraryInput } from '../../../contracts/resources.ts';
import { Button } from '../../components/Button.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type CopingLibraryStrategy, type CopingWhen, useWriteStrategy } from '../../features/resources/library-api.ts';
import { StepsEditor } from '../../features/resources/library/StepsEditor.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useForm } from '../../lib/form.ts';
import { resourceLimits } from '../../../contracts/resources.ts';

/** A member writes a strategy for the library; a moderator reads it before anyone else sees it. */
export function NewStrategyPage() {
  const [written, setWritten] = useState<CopingLibraryStrategy | null>(null);
  const [round, setRound] = useState(0);
  if (written) return <Thanks strategy={written} onAnother={() => (setWritten(null), setRound((n) => n + 1))} />;
  // A new key on "write another" starts the form afresh.
  return <WriteStrategy key={round} announce={round > 0} onWritten={setWritten} />;
}

function WriteStrategy({ onWritten, announce }: { onWritten: (s: CopingLibraryStrategy) => void; announce: boolean }) {
  const { t } = useTranslation();
  const write = useWriteStrategy();
  const form = useForm(
    copingLibraryInput,
    {
      title: '',
      summary: '',
      whenHelps: [] as CopingWhen[],
      steps: [''],
      locale: currentLocale() as Locale,
      source: 'peer' as 'peer' | 'programme',
      programme: '',
    },
    (v) => ({
      ...v,
      // Empty rows are left out, as in the toolbox.
      steps: v.steps.map((s) => s.trim()).filter(Boolean),
      programme: v.source === 'programme' ? v.programme : null,
    }),
  );
  const { values } = form;
  // The contract's checks read "at least 1" for an empty list: what was missing when it was sent gets plain words.
  const [missing, setMissing] = useState<Record<string, string>>({});
  const handle = form.handleSubmit(async (body) => onWritten(await write.mutateAsync(body)));
  const submit = (event: FormEvent) => {
    setMissing({
      ...(values.whenHelps.length === 0 && { whenHelps: t('coping.new.whenRequired') }),
      ...(values.steps.every((s) => !s.trim()) && { steps: t('coping.new.stepsRequired') }),
      ...(values.source === 'programme' && !values.programme.trim() && { programme: t('coping.new.programmeRequired') }),
    });
    return handle(event);
  };
  const fields = Object.fromEntries(Object.entries(form.feedback.fields).map(([name, message]) => [name, missing[name] ?? message]));
  const field = <K extends keyof typeof values & string>(name: K) => ({ ...form.field(name), error: fields[name] });
  const whenHelps = field('whenHelps');
  const steps = field('steps');
  const source = field('source');

  return (
    <Page title={t('coping.new.title')} lead={<p>{t('coping.new.lead')}</p>} announce={announce}>
      <Form onSubmit={submit} feedback={{ ...form.feedback, fields }} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('coping.new.title')}>
        <TextField {...field('title')} label={t('coping.new.titleLabel')} hint={t('coping.new.titleHint')} />
        <TextAreaField {...field('summary')} label={t('coping.new.summary')} maxLength={resourceLimits.strategySummary} />
        <ChipGroup
          {...whenHelps}
          multiple
          legend={t('coping.new.whenLegend')}
          hint={t('coping.new.whenHint')}
          options={COPING_WHEN.map((w) => ({ value: w, label: t(`coping.when.${w}`) }))}
        />
        <StepsEditor id={steps.id} legend={t('coping.new.steps')} hint={t('coping.new.stepsHint')} error={steps.error} steps={steps.value} onChange={steps.onChange} />
        <RadioGroup
          {...field('locale')}
          legend={t('coping.new.language')}
          options={LOCALES.map((l) => ({ value: l, label: t(`coping.languages.${l}`) }))}
        />
        <RadioGroup
          {...source}
          legend={t('coping.new.source')}
          options={[
            { value: 'peer', label: t('coping.new.sourcePeer') },
            { value: 'programme', label: t('coping.new.sourceProgramme') },
          ]}
        />
        {source.value === 'programme' && <TextField {...field('programme')} label={t('coping.new.programme')} hint={t('coping.new.programmeHint')} />}
        <FormActions submitLabel={t('coping.new.submit')} pending={form.submitting} />
      </Form>
    </Page>
  );
}

/** After sending: what happens next, and where to find it. Focus goes to the heading, which says it worked. */
function Thanks({ strategy, onAnother }: { strategy: CopingLibraryStrategy; onAnother: () => void }) {
  const { t } = useTranslation();
  const approved = strategy.status === 'approved';
  return (
    <Page title={t('coping.new.thanks')} lead={<p>{approved ? t('coping.new.thanksApproved') : t('coping.new.thanksPending')}</p>} announce>
      <div className="actions">
        <Link to={`/resources/strategies/${strategy.id}`} className="button button--primary">
          {t('coping.new.see')}
        </Link>
        <Button variant="secondary" onClick={onAnother}>
          {t('coping.new.another')}
        </Button>
        <Link to="/resources/strategies">{t('coping.new.back')}</Link>
      </div>
    </Page>
  );
}
