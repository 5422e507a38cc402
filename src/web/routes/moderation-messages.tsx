import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_RESOLUTIONS } from '../../contracts/messaging.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { RadioGroup } from '../components/Choices.tsx';
import { TextAreaField } from '../components/TextAreaField.tsx';
import { Loading } from '../components/Loading.tsx';
import { Page } from '../components/Page.tsx';
import { useMe } from '../features/account/api.ts';
import { RequireModerator } from '../features/community/moderation/RequireModerator.tsx';
import { type MessageReportDetail, type ReportResolution, useMessageReport, useMessageReports, useResolveReport } from '../features/messaging/api.ts';
import '../features/messaging/messaging.css';
import { currentLocale } from '../i18n/setup.ts';
import { errorMessage } from '../lib/messages.ts';
import { formatDateTime } from '../lib/time.ts';

/**
 * Reported messages for moderators: who wrote it and why it was reported; opening one shows the message and the few
 * around it as they were when reported (each opening is in the audit log), and the decision.
 */
export function MessageReportsPage() {
  return <RequireModerator>{() => <Reports />}</RequireModerator>;
}

function Reports() {
  const { t } = useTranslation();
  const reports = useMessageReports();
  const timeZone = useMe().data?.timeZone;
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Page title={t('messaging.moderation.title')} lead={<p>{t('messaging.moderation.lead')}</p>} wide>
      <p className="card-links">
        <Link to="/community/moderation">{t('messaging.moderation.back')}</Link>
      </p>
      {reports.isPending && <Loading />}
      {reports.isError && <Alert tone="error" title={errorMessage(reports.error, t)} />}
      {reports.data &&
        (reports.data.length === 0 ? (
          <p>{t('messaging.moderation.none')}</p>
        ) : (
          <ul className="card-list card-list--single">
            {reports.data.map((r) => (
              <li key={r.id} className="card">
                <p className="card-title">{t(`messaging.report.reasons.${r.reason}`)}</p>
                <p>
                  {t('messaging.moderation.from', { name: r.sender.displayName })} ·{' '}
                  <time dateTime={r.reportedAt}>{formatDateTime(r.reportedAt, currentLocale(), timeZone)}</time>
                </p>
                {openId === r.id ? (
                  <ReportDetail id={r.id} timeZone={timeZone} />
                ) : (
                  <Button variant="secondary" onClick={() => setOpenId(r.id)}>
                    {t('messaging.moderation.open')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}

function ReportDetail({ id, timeZone }: { id: string; timeZone?: string }) {
  const { t } = useTranslation();
  const detail = useMessageReport(id);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <Alert tone="error" title={errorMessage(detail.error, t)} />;
  const d = detail.data;
  return (
    <div className="report-detail">
      <p>{t('messaging.moderation.reportedBy', { name: d.reporter.displayName })}</p>
      {d.note && <blockquote className="their-words">{d.note}</blockquote>}
      <ol className="report-context">
        {d.context.map((line) => (
          <li key={line.seq} className={line.reported ? 'report-line report-line--reported' : 'report-line'}>
            <p className="message-meta">
              {line.sender.displayName} · <time dateTime={line.createdAt}>{formatDateTime(line.createdAt, currentLocale(), timeZone)}</time>
              {line.reported && <strong> · {t('messaging.moderation.reported')}</strong>}
            </p>
            <p className="report-body">{line.body}</p>
          </li>
        ))}
      </ol>
      {d.resolution ? <p>{t(`messaging.moderation.resolutions.${d.resolution}`)}</p> : <ResolveForm id={id} detail={d} />}
    </div>
  );
}

function ResolveForm({ id, detail }: { id: string; detail: MessageReportDetail }) {
  const { t } = useTranslation();
  const resolve = useResolveReport(id);
  const [resolution, setResolution] = useState<ReportResolution>('no_action');
  const [note, setNote] = useState('');
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        resolve.mutate({ resolution, note });
      }}
    >
      <RadioGroup
        id={`resolve-${id}`}
        name={`resolve-${id}`}
        legend={t('messaging.moderation.decision', { name: detail.report.sender.displayName })}
        options={REPORT_RESOLUTIONS.map((r) => ({ value: r, label: t(`messaging.moderation.resolutions.${r}`) }))}
        value={resolution}
        onChange={setResolution}
      />
      <TextAreaField id={`resolve-note-${id}`} name="note" label={t('messaging.moderation.note')} rows={2} maxLength={500} value={note} onChange={setNote} />
      {resolve.isError && <Alert live tone="error" title={errorMessage(resolve.error, t)} />}
      <Button type="submit" pending={resolve.isPending}>
        {t('messaging.moderation.resolve')}
      </Button>
    </form>
  );
}
