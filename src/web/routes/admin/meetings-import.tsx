import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { importReport } from '../../../contracts/meetings.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choices.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { AdminPage } from './layout.tsx';

type ImportReport = z.infer<typeof importReport>;
type Source = 'url' | 'file' | 'paste';

/** Thrown before anything is sent: the file or pasted text is not a JSON array. */
class NotAFeed extends Error {}

function parseFeed(text: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new NotAFeed('notJson');
  }
  if (!Array.isArray(data)) throw new NotAFeed('notArray');
  return data;
}

/** Coordinators bring in meetings from a Meeting Guide feed: an address, a file, or pasted JSON. */
export function MeetingsImportPage() {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('url');
  const [url, setUrl] = useState('');
  const [pasted, setPasted] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const run = useMutation({
    mutationFn: async (): Promise<ImportReport> => {
      if (source === 'url') return api<ImportReport>('POST', '/api/v1/admin/meetings/import', { url: url.trim() });
      const text = source === 'file' ? await file.current?.files?.[0]?.text() : pasted;
      if (!text?.trim()) throw new NotAFeed('empty');
      return api<ImportReport>('POST', '/api/v1/admin/meetings/import', { feed: parseFeed(text) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const failure = run.error instanceof NotAFeed ? t(`meetingsImport.${run.error.message}`) : run.isError ? errorMessage(run.error, t) : null;
  const urlError = isApiError(run.error) ? run.error.fields.url : undefined;

  return (
    <AdminPage title={t('meetingsImport.title')} lead={t('meetingsImport.lead')}>
      <form className="form card" onSubmit={submit} aria-labelledby="import-heading">
        <h2 id="import-heading">{t('meetingsImport.formTitle')}</h2>
        <RadioGroup<Source>
          id="import-source"
          name="source"
          legend={t('meetingsImport.source')}
          options={[
            { value: 'url', label: t('meetingsImport.fromUrl'), hint: t('meetingsImport.fromUrlHint') },
            { value: 'file', label: t('meetingsImport.fromFile') },
            { value: 'paste', label: t('meetingsImport.fromPaste') },
          ]}
          value={source}
          onChange={setSource}
        />
        {source === 'url' && (
          <TextField id="import-url" name="url" type="url" label={t('meetingsImport.url')} hint={t('meetingsImport.urlHint')} value={url} onChange={setUrl} error={urlError} spellCheck={false} isRequired />
        )}
        {source === 'file' && (
          <div className="field">
            <label className="field-label" htmlFor="import-file">
              {t('meetingsImport.file')}
            </label>
            <input id="import-file" ref={file} className="input" type="file" accept=".json,application/json" required />
          </div>
        )}
        {source === 'paste' && <TextAreaField id="import-json" name="feed" label={t('meetingsImport.paste')} hint={t('meetingsImport.pasteHint')} value={pasted} onChange={setPasted} rows={10} />}
        <p className="muted">{t('meetingsImport.safe')}</p>
        <div role="status">{failure && <Alert live tone="error" title={failure} />}</div>
        <Button type="submit" pending={run.isPending}>
          {run.isPending ? t('meetingsImport.importing') : t('meetingsImport.submit')}
        </Button>
      </form>
      {run.data && <ImportResult report={run.data} />}
    </AdminPage>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="import-result">
      <Alert live tone={report.skipped.length ? 'warning' : 'success'}>
        <h2 id="import-result" className="alert-title">
          {t('meetingsImport.done')}
        </h2>
        <ul>
          <li>{t('meetingsImport.created', { count: report.created })}</li>
          <li>{t('meetingsImport.updated', { count: report.updated })}</li>
          <li>{t('meetingsImport.unchanged', { count: report.unchanged })}</li>
          <li>{t('meetingsImport.skipped', { count: report.skipped.length })}</li>
        </ul>
      </Alert>
      {report.skipped.length > 0 && (
        <>
          <h3>{t('meetingsImport.skippedTitle')}</h3>
          <p className="muted">{t('meetingsImport.skippedLead')}</p>
          <ul className="break">
            {report.skipped.map((s) => (
              <li key={s.row}>
                {t('meetingsImport.skippedRow', { row: s.row + 1, slug: s.slug ?? t('meetingsImport.noSlug') })}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
