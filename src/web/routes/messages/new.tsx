import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { type CreatedConversation, useCreateConversation } from '../../features/messaging/api.ts';
import { Composer } from '../../features/messaging/Composer.tsx';
import '../../features/messaging/messaging.css';
import { CrisisPanel } from '../../features/safety/CrisisPanel.tsx';
import { NotFoundPage } from '../not-found.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writing to someone for the first time (`/messages/new?to=<person>`). Where no relationship exists this is a
 * message request: they read it and decide whether to answer, and I cannot write more until they do.
 */
export function NewConversationPage() {
  const { t } = useTranslation();
  const to = useSearchParams()[0].get('to') ?? '';
  const create = useCreateConversation();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<CreatedConversation | null>(null);
  const crisisRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (saved) crisisRef.current?.focus();
  }, [saved]);
  if (!UUID.test(to)) return <NotFoundPage />;
  if (saved?.sent?.crisis) {
    return (
      <Page title={t('messaging.newConversation.title')}>
        <CrisisPanel crisis={saved.sent.crisis} ref={crisisRef} lead={t('messaging.crisis.lead')} emergencyLead={t('messaging.crisis.emergencyLead')} />
        <p className="card-links">
          <Link to={`/messages/${saved.conversation.id}`}>{t('messaging.newConversation.open')}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('messaging.newConversation.title')} lead={<p>{t('messaging.newConversation.lead')}</p>}>
      <Composer
        label={t('messaging.newConversation.label')}
        sendLabel={t('messaging.newConversation.send')}
        pending={create.isPending}
        error={create.error}
        onSend={async (message) => {
          const result = await create.mutateAsync({ participants: [to], message });
          if (result.sent?.crisis) setSaved(result);
          else void navigate(`/messages/${result.conversation.id}`, { replace: true });
        }}
      />
      <p className="muted">{t('messaging.newConversation.care')}</p>
    </Page>
  );
}
