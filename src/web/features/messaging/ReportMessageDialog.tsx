import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messagingLimits, REPORT_REASONS } from '../../../contracts/messaging.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { Dialog } from '../mentoring/Dialog.tsx';
import '../../styles/mentoring.css';
import { type ReportReason, useReportMessage } from './api.ts';

/** Reporting a message: a moderator reads it with the few messages around it; the sender is never told who reported. */
export function ReportMessageDialog({ messageId, open, onClose }: { messageId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('messaging.report.title')} onClose={onClose}>
      <ReportForm messageId={messageId} onClose={onClose} />
    </Dialog>
  );
}

function ReportForm({ messageId, onClose }: { messageId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReportMessage();
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  if (report.isSuccess) {
    return (
      <>
        <Alert live tone="success" title={t('messaging.report.thanks')}>
          <p>{t('messaging.report.thanksLead')}</p>
        </Alert>
        <div className="actions">
          <Button onClick={onClose} autoFocus>
            {t('messaging.report.close')}
          </Button>
        </div>
      </>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return setMissing(true);
        report.mutate({ messageId, reason, note });
      }}
    >
      <p className="dialog-lead">{t('messaging.report.lead')}</p>
      <RadioGroup
        id={`report-${messageId}`}
        name="reason"
        legend={t('messaging.report.reason')}
        error={missing && !reason ? t('messaging.report.reasonMissing') : undefined}
        options={REPORT_REASONS.map((r) => ({ value: r, label: t(`messaging.report.reasons.${r}`) }))}
        value={reason}
        onChange={setReason}
      />
      <TextAreaField
        id={`report-note-${messageId}`}
        name="note"
        label={t('messaging.report.note')}
        maxLength={messagingLimits.reportNote}
        value={note}
        onChange={setNote}
      />
      {report.isError && <Alert live tone="error" title={errorMessage(report.error, t)} />}
      <div className="actions">
        <Button type="submit" pending={report.isPending}>
          {t('messaging.report.send')}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          {t('messaging.report.cancel')}
        </Button>
      </div>
    </form>
  );
}
