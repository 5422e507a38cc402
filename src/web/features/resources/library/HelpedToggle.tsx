import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { type CopingLibraryStrategy, useSetHelped } from '../library-api.ts';

/**
 * "This helped me": a toggle (aria-pressed) with the count beside its words. Only the count is ever shown, never who.
 * The strategy must come from the library's cache, which the tap updates at once.
 */
export function HelpedToggle({ strategy, describedBy }: { strategy: CopingLibraryStrategy; describedBy?: string }) {
  const { t } = useTranslation();
  const setHelped = useSetHelped();
  const countId = useId();
  const pressed = strategy.helpedByMe;
  return (
    <>
      <button
        type="button"
        className="button button--secondary helped-toggle"
        aria-pressed={pressed}
        aria-describedby={[describedBy, countId].filter(Boolean).join(' ')}
        onClick={() => setHelped.mutate({ id: strategy.id, helped: !pressed })}
      >
        {t('coping.helped.button')}
        <span className="helped-count" aria-hidden="true">
          {strategy.helpedCount}
        </span>
      </button>
      <span id={countId} className="visually-hidden">
        {t('coping.helped.count', { count: strategy.helpedCount })}
      </span>
      {setHelped.isError && <Alert live tone="error" title={errorMessage(setHelped.error, t)} />}
    </>
  );
}

/** The count alone, for readers who cannot mark it (signed out) or where the toggle does not belong. */
export function HelpedCount({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return <p className="muted helped-text">{t('coping.helped.count', { count })}</p>;
}
