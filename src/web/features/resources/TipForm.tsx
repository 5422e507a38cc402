import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceLimits, tipBody } from '../../../contracts/resources.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChipGroup } from '../../components/Chips.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { ApiError } from '../../lib/api.ts';
import { useForm } from '../../lib/form.ts';
import { type ResourceTip, useAddTip } from './api.ts';

const RATINGS = ['1', '2', '3', '4', '5'] as const;
const blank = { kind: 'tip' as 'tip' | 'review', body: '', rating: '' };

/** A tip ("ask for the sliding-scale fee") or a review with 1 to 5 stars; both wait for a reviewer unless the writer is one. */
export function TipForm({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const add = useAddTip(resourceId);
  const [saved, setSaved] = useState<ResourceTip | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const form = useForm(tipBody, blank, (v) => ({ kind: v.kind, body: v.body, rating: v.kind === 'review' && v.rating ? Number(v.rating) : null }));
  const { values: v, setValues } = form;
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const send = form.handleSubmit(async (body) => {
    setSaved(await add.mutateAsync(body));
    setValues(blank);
  });
  // A review without stars is told so in words about stars (the shared messages know nothing of ratings).
  const submit = (e: FormEvent) => {
    if (v.kind !== 'review' || v.rating) return send(e);
    e.preventDefault();
    form.showError(new ApiError(422, 'validation_failed', t('form.fixFields'), { rating: t('resources.tipForm.ratingRequired') }));
  };

  return (
    <>
      {saved && (
        <Alert tone="success" ref={savedRef} title={t(saved.status === 'approved' ? 'resources.tipForm.posted' : 'resources.tipForm.thanks')}>
          {saved.status !== 'approved' && <p>{t('resources.tipForm.thanksLead')}</p>}
        </Alert>
      )}
      <Form onSubmit={(e) => void submit(e)} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('resources.tipForm.title')}>
        <RadioGroup
          {...form.field('kind')}
          legend={t('resources.tipForm.kind')}
          value={v.kind}
          onChange={(kind) => setValues((x) => ({ ...x, kind }))}
          options={[
            { value: 'tip', label: t('resources.tipForm.tip'), hint: t('resources.tipForm.tipHint') },
            { value: 'review', label: t('resources.tipForm.review'), hint: t('resources.tipForm.reviewHint') },
          ]}
        />
        {v.kind === 'review' && (
          <ChipGroup
            {...form.field('rating')}
            legend={t('resources.tipForm.rating')}
            hint={t('resources.tipForm.ratingHint')}
            layout="scale"
            value={v.rating as (typeof RATINGS)[number] | ''}
            onChange={(rating) => setValues((x) => ({ ...x, rating }))}
            options={RATINGS.map((r) => ({ value: r, label: (
              <>
                {r}
                <span aria-hidden="true"> ★</span>
              </>
            ) }))}
          />
        )}
        <TextAreaField
          {...form.field('body')}
          label={t(v.kind === 'review' ? 'resources.tipForm.reviewBody' : 'resources.tipForm.tipBody')}
          hint={t('resources.tipForm.bodyHint')}
          rows={4}
          maxLength={resourceLimits.tip}
          onChange={(body) => setValues((x) => ({ ...x, body }))}
        />
        <FormActions submitLabel={t(v.kind === 'review' ? 'resources.tipForm.sendReview' : 'resources.tipForm.sendTip')} pending={form.submitting} />
      </Form>
    </>
  );
}
