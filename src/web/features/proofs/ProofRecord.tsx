import QRCode from 'qrcode';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate } from '../../lib/local-date.ts';
import './proofs.css';
import type { ProofEntry } from './api.ts';

export interface RecordFacts {
  organization: string;
  code: string;
  verifyUrl: string;
  holderName: string | null;
  from: string;
  to: string;
  issuedAt: string;
  entries: ProofEntry[];
}

const dateText = (date: string, locale: string) => {
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  } catch {
    return date;
  }
};

/** The meeting's own wall-clock time and zone, as it was printed on the record. */
const timeText = (e: ProofEntry, locale: string) => {
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: e.timeZone, timeZoneName: 'short' }).format(new Date(e.start));
  } catch {
    return e.start;
  }
};

/** The verification address as a QR code, drawn as SVG squares (no image, nothing inline for the CSP to refuse). */
function VerifyQr({ url, label }: { url: string; label: string }) {
  const squares = useMemo(() => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const cells: string[] = [];
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) cells.push(`M${c} ${r}h1v1h-1z`);
    return { size: modules.size, path: cells.join('') };
  }, [url]);
  return (
    <svg className="proof-qr" viewBox={`-2 -2 ${squares.size + 4} ${squares.size + 4}`} role="img" aria-label={label}>
      <rect x={-2} y={-2} width={squares.size + 4} height={squares.size + 4} fill="#fff" />
      <path d={squares.path} fill="#000" />
    </svg>
  );
}

/**
 * A proof of attendance as a document: the facts, the code, and each meeting. Shown to the member (to print) and to
 * whoever verifies it; columns the member left out are not shown at all.
 */
export function ProofRecord({ record, showQr = false }: { record: RecordFacts; showQr?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { entries } = record;
  const withNames = entries.some((e) => e.meetingName !== null);
  const withLocations = entries.some((e) => e.location !== null);
  const columns = [
    'date',
    'time',
    ...(withNames ? ['meeting'] : []),
    ...(withLocations ? ['location'] : []),
    'attendance',
    'method',
  ] as const;
  const cell = (e: ProofEntry, column: (typeof columns)[number]) => {
    switch (column) {
      case 'date':
        return dateText(e.date, locale);
      case 'time':
        return timeText(e, locale);
      case 'meeting':
        return (
          <>
            {e.meetingName}
            {e.groupName && <span className="proof-group">{e.groupName}</span>}
          </>
        );
      case 'location':
        return e.attendance === 'online' && e.location ? t('proofs.record.online') : e.location;
      case 'attendance':
        return t(`proofs.record.attendance.${e.attendance}`);
      case 'method':
        return t(`proofs.record.method.${e.method}`);
    }
  };

  return (
    <article className="proof-record" aria-label={t('proofs.record.title')}>
      <p className="proof-org">{record.organization}</p>
      <div className="proof-head">
        <dl className="facts proof-facts">
          {record.holderName && (
            <div>
              <dt>{t('proofs.record.name')}</dt>
              <dd>{record.holderName}</dd>
            </div>
          )}
          <div>
            <dt>{t('proofs.record.period')}</dt>
            <dd>{t('proofs.record.range', { from: formatLocalDate(record.from, locale), to: formatLocalDate(record.to, locale) })}</dd>
          </div>
          <div>
            <dt>{t('proofs.record.issued')}</dt>
            <dd>{formatLocalDate(record.issuedAt.slice(0, 10), locale)}</dd>
          </div>
          <div>
            <dt>{t('proofs.record.count')}</dt>
            <dd>{entries.length}</dd>
          </div>
        </dl>
        {showQr && <VerifyQr url={record.verifyUrl} label={t('proofs.record.qr')} />}
      </div>
      <div className="proof-code-box">
        <p className="proof-code-label">{t('proofs.record.code')}</p>
        <p className="proof-code">{record.code}</p>
        <p>
          {t('proofs.record.verifyAt')} <span className="proof-url">{record.verifyUrl}</span>
        </p>
      </div>

      {entries.length === 0 && <p className="proof-none">{t('proofs.record.none')}</p>}
      {entries.length > 0 && (
        // Wide screens and paper. The region scrolls sideways if a screen is just too narrow, and takes focus so a
        // keyboard can scroll it.
        <div className="proof-table-wrap" role="region" aria-label={t('proofs.record.caption')} tabIndex={0}>
          <table className="proof-table">
            <caption className="visually-hidden">{t('proofs.record.caption')}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {t(`proofs.record.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.start}-${i}`}>
                  {columns.map((c) => (
                    <td key={c}>{cell(e, c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* The same entries for a phone, where six columns do not fit; never printed. */}
      {entries.length > 0 && (
        <ul className="proof-entries" aria-label={t('proofs.record.caption')}>
          {entries.map((e, i) => (
            <li key={`${e.start}-${i}`}>
              <p className="proof-entry-when">
                {cell(e, 'date')} · {cell(e, 'time')}
              </p>
              {withNames && <p>{cell(e, 'meeting')}</p>}
              {withLocations && e.location && e.attendance !== 'online' && <p>{cell(e, 'location')}</p>}
              <p className="muted">
                {cell(e, 'attendance')} · {cell(e, 'method')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {entries.length > 0 && (!withNames || !withLocations) && (
        <p className="muted">
          {[!withNames && t('proofs.record.namesWithheld'), !withLocations && t('proofs.record.locationsWithheld')].filter(Boolean).join(' ')}
        </p>
      )}
      <p className="proof-note">{t('proofs.record.note')}</p>
    </article>
  );
}
