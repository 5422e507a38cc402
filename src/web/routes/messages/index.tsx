import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useConversations } from '../../features/messaging/api.ts';
import { ConversationRow } from '../../features/messaging/ConversationRow.tsx';
import '../../features/messaging/messaging.css';
import { StartConversation } from '../../features/messaging/StartConversation.tsx';
import { errorMessage } from '../../lib/messages.ts';

/** My conversations, newest first, with unread counts; message requests waiting for me; and people I can write to. */
export function MessagesPage() {
  const { t } = useTranslation();
  const list = useConversations();
  const timeZone = useMe().data?.timeZone;
  return (
    <Page title={t('messaging.list.title')} lead={<p>{t('messaging.list.lead')}</p>}>
      <p className="card-links">
        <Link to="/messages/search">{t('messaging.search.link')}</Link>
      </p>
      {list.isPending && <Loading />}
      {list.isError && <Alert tone="error" title={errorMessage(list.error, t)} />}
      {list.data && (
        <>
          {list.data.requests.length > 0 && (
            <section aria-labelledby="requests-title">
              <h2 id="requests-title">{t('messaging.list.requests', { count: list.data.requests.length })}</h2>
              <p className="muted">{t('messaging.list.requestsLead')}</p>
              <ul className="conversations">
                {list.data.requests.map((c) => (
                  <ConversationRow key={c.id} conversation={c} timeZone={timeZone} />
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="conversations-title">
            <h2 id="conversations-title">{t('messaging.list.conversations')}</h2>
            {list.data.conversations.length === 0 ? (
              <p>{t('messaging.list.none')}</p>
            ) : (
              <ul className="conversations">
                {list.data.conversations.map((c) => (
                  <ConversationRow key={c.id} conversation={c} timeZone={timeZone} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <StartConversation />
    </Page>
  );
}
