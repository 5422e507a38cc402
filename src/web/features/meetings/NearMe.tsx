import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { latitude, longitude } from '../../../contracts/meetings.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLocate } from '../../lib/locate.ts';
import type { Position } from './filters.ts';

type Typed = { lat: string; lng: string };

/**
 * "Near me": the browser is asked for the position only when the button is pressed, and the position stays in this
 * page's memory (not the URL, not storage). Or a typed latitude and longitude, which do go in the URL to share.
 */
export function NearMe({ near, onNear, typed, onTyped }: { near: Position | null; onNear: (p: Position | null) => void; typed: Typed | null; onTyped: (t: Typed | null) => void }) {
  const { t } = useTranslation();
  const { locate, locating, problem } = useLocate(onNear);
  const [draft, setDraft] = useState<Typed>(typed ?? { lat: '', lng: '' });
  const [errors, setErrors] = useState<Partial<Typed>>({});

  const applyTyped = () => {
    const lat = latitude.safeParse(draft.lat.trim() === '' ? NaN : Number(draft.lat));
    const lng = longitude.safeParse(draft.lng.trim() === '' ? NaN : Number(draft.lng));
    const next = { lat: lat.success ? undefined : t('meetings.near.latError'), lng: lng.success ? undefined : t('meetings.near.lngError') };
    setErrors(next);
    if (lat.success && lng.success) onTyped({ lat: String(lat.data), lng: String(lng.data) });
  };

  return (
    <div className="near-me">
      <p className="field-hint" id="near-me-hint">
        {t('meetings.near.consent')}
      </p>
      {near ? (
        <p className="near-me-status">
          {t('meetings.near.using')}{' '}
          <Button variant="quiet" onClick={() => onNear(null)}>
            {t('meetings.near.stop')}
          </Button>
        </p>
      ) : (
        <Button variant="secondary" onClick={locate} pending={locating} aria-describedby="near-me-hint">
          {t('meetings.near.button')}
        </Button>
      )}
      <div role="alert">{problem && <p className="field-error">{t(`meetings.near.${problem}`)}</p>}</div>
      <details className="disclosure" open={typed ? true : undefined}>
        <summary>{t('meetings.near.typeTitle')}</summary>
        <p className="field-hint">{t('meetings.near.typeHint')}</p>
        <div className="near-me-coords">
          <TextField id="finder-lat" name="lat" label={t('meetings.near.lat')} inputMode="decimal" value={draft.lat} error={errors.lat} onChange={(v) => setDraft({ ...draft, lat: v })} />
          <TextField id="finder-lng" name="lng" label={t('meetings.near.lng')} inputMode="decimal" value={draft.lng} error={errors.lng} onChange={(v) => setDraft({ ...draft, lng: v })} />
        </div>
        <div className="actions">
          <Button variant="secondary" onClick={applyTyped}>
            {t('meetings.near.useTyped')}
          </Button>
          {typed && (
            <Button
              variant="quiet"
              onClick={() => {
                setDraft({ lat: '', lng: '' });
                onTyped(null);
              }}
            >
              {t('meetings.near.clearTyped')}
            </Button>
          )}
        </div>
      </details>
    </div>
  );
}
