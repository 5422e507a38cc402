import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { messagingLimits } from '../../../contracts/messaging.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { useMessageSearch } from '../../features/messaging/api.ts';
import { MessageHtml } from '../../features/messaging/MessageHtml.tsx';
import '../../features/messaging/messaging.css';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDateTime } from '../../lib/time.ts';

/** Searching my own conversations (nobody else's: the server looks only where I take part). */
export function MessageSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const results = useMessageSearch(q);
  const timeZone = useMe().data?.timeZone;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };
  return (
    <Page title={t('messaging.search.title')} lead={<p>{t('messaging.search.lead')}</p>}>
      <form className="search-form message-search" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="message-search-q" className="field-label">
            {t('messaging.search.label')}
          </label>
          <input id="message-search-q" type="search" className="input" maxLength={messagingLimits.searchQuery} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <Button type="submit">{t('messaging.search.submit')}</Button>
      </form>
      {q && q.length < 2 && <p>{t('messaging.search.tooShort')}</p>}
      {results.isFetching && <Loading />}
      {results.isError && <Alert tone="error" title={errorMessage(results.error, t)} />}
      {results.data && (
        <section aria-labelledby="search-results">
          <h2 id="search-results">{t('messaging.search.results', { count: results.data.length })}</h2>
          <ul className="conversations">
            {results.data.map(({ message: m, conversation }) => (
              <li key={m.id} className="conversation-row">
                <Link to={`/messages/${conversation.id}#message-${m.seq}`} className="conversation-link">
                  <span className="conversation-title">{conversation.title}</span>
                </Link>
                <p className="muted">
                  {m.mine ? t('messaging.message.you') : m.sender.displayName} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, currentLocale(), timeZone)}</time>
                </p>
                <MessageHtml html={m.html} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="card-links">
        <Link to="/messages">{t('messaging.conversation.back')}</Link>
      </p>
    </Page>
  );
}
