import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';
import { type ResourceTip, useDeleteTip } from './api.ts';
import { starsFor } from './format.ts';

/** A review's stars: drawn for the eye, said in words for everyone ("4 out of 5"). */
export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars-rating">
      <span className="stars" aria-hidden="true">
        {starsFor(rating)}
      </span>{' '}
      {t('resources.tips.stars', { rating })}
    </span>
  );
}

/**
 * Tips and reviews from peers, never with a name. The reader's own are marked: waiting for review, or not
 * published with the reviewer's note; they can take their own back, and reviewers can take down any.
 */
export function TipList({ tips, timeZone, reviewer = false }: { tips: ResourceTip[]; timeZone?: string | undefined; reviewer?: boolean }) {
  const { t } = useTranslation();
  if (tips.length === 0) return <p className="muted">{t('resources.tips.none')}</p>;
  return (
    <ul className="tips">
      {tips.map((tip) => (
        <Tip key={tip.id} tip={tip} timeZone={timeZone} canRemove={tip.mine || reviewer} />
      ))}
    </ul>
  );
}

function Tip({ tip, timeZone, canRemove }: { tip: ResourceTip; timeZone?: string | undefined; canRemove: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteTip();
  const [asking, setAsking] = useState(false);
  return (
    <li className="tip">
      <p className="tip-meta">
        <strong>{t(tip.kind === 'review' ? 'resources.tips.review' : 'resources.tips.tip')}</strong>
        {tip.rating !== null && <Stars rating={tip.rating} />}
        <span className="muted">{formatDate(tip.createdAt, currentLocale(), timeZone)}</span>
        {tip.mine && <span className="badge">{t('resources.tips.yours')}</span>}
        {tip.mine && tip.status === 'pending' && <span className="badge badge--warning">{t('resources.tips.waiting')}</span>}
        {tip.mine && tip.status === 'rejected' && <span className="badge badge--revoked">{t('resources.tips.notPublished')}</span>}
      </p>
      <p className="tip-body">{tip.body}</p>
      {tip.mine && tip.status === 'rejected' && tip.reviewNote && <p className="muted">{t('resources.tips.reviewNote', { note: tip.reviewNote })}</p>}
      {canRemove &&
        (asking ? (
          <ConfirmDelete
            question={t(tip.mine ? 'resources.tips.removeQuestion' : 'resources.tips.takeDownQuestion')}
            yes={t('resources.tips.removeYes')}
            no={t('resources.tips.removeNo')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(tip.id)}
            onCancel={() => setAsking(false)}
          />
        ) : (
          <div className="tip-meta">
            <Button variant="quiet" onClick={() => setAsking(true)}>
              {t('resources.tips.remove')}
            </Button>
          </div>
        ))}
      {remove.isError && <Alert live tone="error" title={errorMessage(remove.error, t)} />}
    </li>
  );
}
