import { type ChangeEvent, type Ref, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceLimits } from '../../../../contracts/resources.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { FieldFrame } from '../../../components/FieldNotes.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { exportHref, type ImportReport, useImportResources } from '../api.ts';

interface Chosen {
  name: string;
  format: 'csv' | 'json';
  content: string;
}

/**
 * Another organisation's directory in: choose a CSV or JSON file, check it first (nothing is stored, every row
 * that would be turned away is listed with why), then import it. And the directory out, as CSV or JSON.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const run = useImportResources();
  const [file, setFile] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The check's report stays on screen while the import runs; the import's own report replaces it.
  const [report, setReport] = useState<ImportReport | null>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    run.reset();
    setReport(null);
    setProblem(null);
    setFile(null);
    const picked = e.target.files?.[0];
    if (!picked) return;
    if (picked.size > resourceLimits.importBytes) return setProblem(t('resources.import.tooBig'));
    const content = await picked.text();
    if (!content.trim()) return setProblem(t('resources.import.empty'));
    setFile({ name: picked.name, format: /\.json$/i.test(picked.name) || picked.type === 'application/json' ? 'json' : 'csv', content });
  };
  const send = (dryRun: boolean) => file && run.mutate({ format: file.format, content: file.content, dryRun }, { onSuccess: setReport });
  const checked = report?.dryRun === true;
  const checking = run.isPending && run.variables.dryRun;
  const importing = run.isPending && !run.variables.dryRun;

  return (
    <section className="resource-section" aria-labelledby="admin-import">
      <h2 id="admin-import">{t('resources.import.title')}</h2>
      <p>{t('resources.import.lead')}</p>
      <div className="card">
        <FieldFrame id="resource-import-file" label={t('resources.import.file')} hint={t('resources.import.fileHint')} error={problem ?? undefined}>
          <input
            id="resource-import-file"
            className="input"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={`resource-import-file-hint${problem ? ' resource-import-file-error' : ''}`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => void choose(e)}
          />
        </FieldFrame>
        {file && <p className="muted">{t('resources.import.chosen', { name: file.name, format: file.format.toUpperCase() })}</p>}
        <div className="actions">
          <Button variant={checked ? 'secondary' : 'primary'} disabled={!file} pending={checking} onClick={() => send(true)}>
            {t('resources.import.check')}
          </Button>
          {checked && (
            <Button disabled={report.created + report.updated === 0} pending={importing} onClick={() => send(false)}>
              {t('resources.import.run', { count: report.created + report.updated })}
            </Button>
          )}
        </div>
        {run.isError && <Alert live tone="error" title={errorMessage(run.error, t)} />}
        {report && <Report report={report} ref={reportRef} />}
      </div>
      <h3>{t('resources.import.exportTitle')}</h3>
      <p>{t('resources.import.exportLead')}</p>
      <ul className="resource-links">
        <li>
          <a href={exportHref('csv')} download>
            {t('resources.import.exportCsv')}
          </a>
        </li>
        <li>
          <a href={exportHref('json')} download>
            {t('resources.import.exportJson')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** What the import did, or would do: counts, then every row turned away with each field's reason. */
function Report({ report, ref }: { report: ImportReport; ref: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const tone = report.rejected.length ? 'warning' : 'success';
  return (
    <div className="import-report">
      <Alert tone={tone} ref={ref} title={t(report.dryRun ? 'resources.import.checkedTitle' : 'resources.import.doneTitle')}>
        <ul>
          <li>{t('resources.import.rows', { count: report.rows })}</li>
          <li>{t(report.dryRun ? 'resources.import.wouldCreate' : 'resources.import.created', { count: report.created })}</li>
          <li>{t(report.dryRun ? 'resources.import.wouldUpdate' : 'resources.import.updated', { count: report.updated })}</li>
          <li>{t('resources.import.rejected', { count: report.rejected.length })}</li>
        </ul>
      </Alert>
      {report.rejected.length > 0 && (
        <>
          <h3>{t('resources.import.rejectedTitle')}</h3>
          <ul className="break">
            {report.rejected.map((r) => (
              <li key={r.row}>
                <strong>{r.name ? t('resources.import.rowNamed', { row: r.row, name: r.name }) : t('resources.import.row', { row: r.row })}</strong>
                <ul>
                  {r.errors.map((e, i) => (
                    <li key={i}>
                      <code>{e.field}</code>: {e.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
