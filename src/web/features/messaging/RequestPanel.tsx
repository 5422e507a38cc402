import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type Conversation, useDecideRequest } from './api.ts';
import { BlockControl } from './BlockControl.tsx';

/**
 * A message request waiting for me: accept it, ignore it (the sender is not told), or block the person. Nothing
 * here tells the sender I read it: read state starts only once I accept.
 */
export function RequestPanel({ conversation: c, onBlocked }: { conversation: Conversation; onBlocked: (blocked: boolean) => void }) {
  const { t } = useTranslation();
  const decide = useDecideRequest(c.id);
  const name = c.other?.displayName ?? '';
  return (
    <section className="card request-panel" aria-labelledby="request-title">
      <h2 id="request-title">{t('messaging.request.title', { name })}</h2>
      <p>{t('messaging.request.lead', { name })}</p>
      {decide.isError && <Alert live tone="error" title={errorMessage(decide.error, t)} />}
      <div className="actions">
        <Button pending={decide.isPending && decide.variables === 'accept'} onClick={() => decide.mutate('accept')}>
          {t('messaging.request.accept')}
        </Button>
        <Button variant="secondary" pending={decide.isPending && decide.variables === 'ignore'} onClick={() => decide.mutate('ignore')}>
          {t('messaging.request.ignore')}
        </Button>
      </div>
      <p className="muted">{t('messaging.request.ignoreHint', { name })}</p>
      {c.other && <BlockControl person={c.other} blocked={c.blockedByMe} onChanged={onBlocked} />}
    </section>
  );
}
