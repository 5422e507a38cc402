import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { type CreatedConversation, useCreateConversation, useReach } from '../../features/messaging/api.ts';
import { Composer } from '../../features/messaging/Composer.tsx';
import '../../features/messaging/messaging.css';
import { CrisisPanel } from '../../features/safety/CrisisPanel.tsx';
import { NotFoundPage } from '../not-found.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writing to someone for the first time (`/messages/new?to=<person>`, from a forum post, say). The page names them
 * first. With a conversation already between us it opens that one; where a relationship lets us write it is an
 * ordinary first message; otherwise a message request: they read it and decide whether to answer, and I cannot write
 * more until they do. A block either way and a person who takes no requests read the same: I cannot write here.
 */
export function NewConversationPage() {
  const { t } = useTranslation();
  const to = useSearchParams()[0].get('to') ?? '';
  const valid = UUID.test(to);
  const reach = useReach(to, valid);
  const create = useCreateConversation();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<CreatedConversation | null>(null);
  const crisisRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (saved) crisisRef.current?.focus();
  }, [saved]);
  if (!valid || isApiError(reach.error, 'not_found')) return <NotFoundPage />;
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
  if (reach.isPending) return <Loading />;
  if (reach.isError) return <Alert tone="error" title={errorMessage(reach.error, t)} />;
  const { person, conversationId, basis, canStart } = reach.data;
  const name = person.displayName;
  if (conversationId) return <Navigate to={`/messages/${conversationId}`} replace />;
  if (!canStart) {
    return (
      <Page title={t('messaging.newConversation.unavailableTitle', { name })} lead={<p>{t('messaging.newConversation.unavailableLead', { name })}</p>}>
        <p className="card-links">
          <Link to="/messages">{t('messaging.newConversation.back')}</Link>
        </p>
      </Page>
    );
  }
  const request = basis === 'request';
  return (
    <Page
      title={t(request ? 'messaging.newConversation.titleTo' : 'messaging.newConversation.directTitle', { name })}
      lead={request ? <p>{t('messaging.newConversation.leadTo', { name })}</p> : undefined}
    >
      <Composer
        label={t(request ? 'messaging.newConversation.label' : 'messaging.newConversation.directLabel')}
        sendLabel={t(request ? 'messaging.newConversation.send' : 'messaging.newConversation.directSend')}
        pending={create.isPending}
        error={create.error}
        onSend={async (message) => {
          const result = await create.mutateAsync({ participants: [to], message });
          if (result.sent?.crisis) setSaved(result);
          else void navigate(`/messages/${result.conversation.id}`, { replace: true });
        }}
      />
      {request && <p className="muted">{t('messaging.newConversation.care')}</p>}
    </Page>
  );
}
