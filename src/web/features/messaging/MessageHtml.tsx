import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../mentoring/Dialog.tsx';
import '../../styles/mentoring.css';
import './messaging.css';

/**
 * A message's text as the server rendered it (messaging/render.ts: a Markdown subset through an allow-list sanitizer;
 * links only http(s), mailto and tel). A tap on a link to another site first says where it leads: people in
 * recovery are sometimes pushed towards other places, and the choice to go should be theirs, made knowingly.
 */
export function MessageHtml({ html }: { html: string }) {
  const [leavingTo, setLeavingTo] = useState<string | null>(null);
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as Element).closest('a');
    if (!link) return;
    const url = new URL(link.href, location.href);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin) {
      e.preventDefault();
      setLeavingTo(url.href);
    }
  };
  return (
    <>
      {/* The click handler only watches links inside; the links themselves stay keyboard-reachable. */}
      <div className="message-text" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      <LeavingDialog url={leavingTo} onClose={() => setLeavingTo(null)} />
    </>
  );
}

export function LeavingDialog({ url, onClose }: { url: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={url !== null} title={t('messaging.leaving.title')} onClose={onClose}>
      <p className="dialog-lead">{t('messaging.leaving.lead')}</p>
      <p className="leaving-url">{url}</p>
      <p className="muted">{t('messaging.leaving.care')}</p>
      <div className="actions">
        <Button
          onClick={() => {
            if (url) window.open(url, '_blank', 'noopener,noreferrer');
            onClose();
          }}
        >
          {t('messaging.leaving.continue')}
        </Button>
        <Button variant="secondary" onClick={onClose} autoFocus>
          {t('messaging.leaving.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
