import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { errorMessage } from '../../../lib/messages.ts';
import { type CopingLibraryStrategy, useSaveToToolbox } from '../library-api.ts';

/**
 * One tap saves a copy to the member's toolbox; the button then becomes "In your toolbox" with a link there, and
 * focus moves to those words so a screen reader hears that it worked.
 */
export function SaveToToolbox({ strategy, describedBy }: { strategy: Pick<CopingLibraryStrategy, 'id' | 'saved'>; describedBy?: string }) {
  const { t } = useTranslation();
  const save = useSaveToToolbox();
  const savedRef = useRef<HTMLParagraphElement>(null);
  // The strategy may come from outside the library's cache (a check-in's suggestions): the answer counts too.
  const saved = strategy.saved || save.isSuccess;
  useEffect(() => {
    if (save.isSuccess) savedRef.current?.focus();
  }, [save.isSuccess]);
  if (saved) {
    return (
      <p className="saved-note" ref={savedRef} tabIndex={-1}>
        <span className="saved-mark">{t('coping.save.saved')}</span> <Link to="/journey/toolbox">{t('coping.save.open')}</Link>
      </p>
    );
  }
  return (
    <>
      <Button variant="primary" pending={save.isPending} aria-describedby={describedBy} onClick={() => !save.isPending && save.mutate(strategy.id)}>
        {t('coping.save.button')}
      </Button>
      {save.isError && <Alert live tone="error" title={errorMessage(save.error, t)} />}
    </>
  );
}
