import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityLimits, REPORT_REASONS, reportBody } from '../../../contracts/community.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { useForm } from '../../lib/form.ts';
import { Dialog } from '../mentoring/Dialog.tsx';
import '../../styles/mentoring.css';
import { useReport } from './api.ts';

/**
 * Reporting a post: the reasons in plain words, an optional note, and what happens next. The author is never told
 * who reported; a moderator looks at it. "Worried about them" brings care, not punishment.
 */
export function ReportDialog({ postId, open, onClose }: { postId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('community.report.title')} onClose={onClose}>
      <ReportForm postId={postId} onClose={onClose} />
    </Dialog>
  );
}

function ReportForm({ postId, onClose }: { postId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [sent, setSent] = useState(false);
  const lead = useRef<HTMLParagraphElement>(null);
  // The dialog would focus the reasons and scroll its title out of view on a phone: start at the top instead.
  useEffect(() => {
    const timer = window.setTimeout(() => lead.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  const form = useForm(reportBody, { postId, reason: '', note: '' });
  const submit = form.handleSubmit(async (body) => {
    await report.mutateAsync(body);
    setSent(true);
  });
  if (sent) {
    return (
      <>
        <Alert live tone="success" title={t('community.report.thanks')}>
          <p>{t('community.report.thanksLead')}</p>
          {form.values.reason === 'worried' && <p>{t('community.report.worriedAfter')}</p>}
        </Alert>
        <div className="actions">
          <Button onClick={onClose} autoFocus>
            {t('community.report.close')}
          </Button>
        </div>
      </>
    );
  }
  const reason = form.field('reason');
  return (
    <Form onSubmit={submit} feedback={form.feedback} fieldId={form.fieldId} summaryRef={form.summaryRef} label={t('community.report.title')}>
      <p ref={lead} tabIndex={-1} className="dialog-lead">
        {t('community.report.lead')}
      </p>
      <RadioGroup
        {...reason}
        value={String(reason.value)}
        legend={t('community.report.reason')}
        options={REPORT_REASONS.map((r) => ({ value: r, label: t(`community.report.reasons.${r}`), hint: t(`community.report.hints.${r}`) }))}
      />
      <TextAreaField {...form.field('note')} label={t('community.report.note')} hint={t('community.report.noteHint')} maxLength={communityLimits.reportNoteMax} />
      <p className="muted">{t('community.report.private')}</p>
      <FormActions submitLabel={t('community.report.send')} pending={form.submitting} onCancel={onClose} />
    </Form>
  );
}
