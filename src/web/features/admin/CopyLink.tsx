import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import type { CreatedInvite } from './api.ts';

/** The new invitation's link, ready to copy. It is shown once: the server keeps only a hash of the token. */
export function CopyLink({ invite }: { invite: CreatedInvite }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopied(true);
    } catch {
      // No clipboard access (older browser or insecure origin): select the text so the person can copy it.
      input.current?.select();
    }
  };
  return (
    <Alert live tone="success" title={t(invite.email ? 'admin.invites.createdEmailed' : 'admin.invites.created', { email: invite.email })}>
      <label className="field-label" htmlFor="invite-url">
        {t('admin.invites.link')}
      </label>
      <input id="invite-url" ref={input} className="input" readOnly value={invite.url} onFocus={(e) => e.target.select()} />
      <p className="muted">{t('admin.invites.linkOnce')}</p>
      <div className="actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? t('admin.invites.copied') : t('admin.invites.copy')}
        </Button>
      </div>
    </Alert>
  );
}
