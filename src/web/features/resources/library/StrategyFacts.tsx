import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CopingLibraryStrategy } from '../library-api.ts';
import './library.css';

/** Where a strategy comes from, in words: the starter set, a member, or a named public programme. */
export function sourceText(s: Pick<CopingLibraryStrategy, 'source' | 'programme'>, t: TFunction): string {
  if (s.source === 'programme' && s.programme) return t('coping.source.programme', { programme: s.programme });
  return t(s.source === 'kindred' ? 'coping.source.kindred' : 'coping.source.peer');
}

/** When it helps, as small labels (not controls: filtering happens on the library page). */
export function WhenList({ when }: { when: CopingLibraryStrategy['whenHelps'] }) {
  const { t } = useTranslation();
  if (when.length === 0) return null;
  return (
    <ul className="when-list" aria-label={t('coping.when.label')}>
      {when.map((w) => (
        <li key={w}>{t(`coping.when.${w}`)}</li>
      ))}
    </ul>
  );
}

/** The author's own strategy in review, or after: its status and the reviewer's note (never who reviewed it). */
export function ReviewStatus({ strategy }: { strategy: Pick<CopingLibraryStrategy, 'status' | 'reviewNote'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`status-badge status-badge--${strategy.status}`}>{t(`coping.status.${strategy.status}`)}</span>
      {strategy.reviewNote && strategy.status !== 'approved' && <p className="muted">{t('coping.reviewNote', { note: strategy.reviewNote })}</p>}
    </>
  );
}

/** The steps in order, in the strategy's own language. */
export function StepList({ strategy }: { strategy: Pick<CopingLibraryStrategy, 'steps' | 'locale'> }) {
  return (
    <ol className="steps" lang={strategy.locale}>
      {strategy.steps.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}
