import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { type MySuggestions, useMySuggestions, useSuggestResource } from '../../features/resources/api.ts';
import { ResourceForm } from '../../features/resources/ResourceForm.tsx';
import '../../features/resources/resources.css';
import { currentLocale } from '../../i18n/setup.ts';
import { errorMessage } from '../../lib/messages.ts';
import { formatDate } from '../../lib/time.ts';

/**
 * A member suggests an entry for the directory. Nobody sees it until a coordinator or moderator has looked at it;
 * the member follows what became of their suggestions here.
 */
export function SuggestResourcePage() {
  const { t } = useTranslation();
  const suggest = useSuggestResource();
  const [sent, setSent] = useState(false);
  const thanks = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  return (
    <Page title={t('resources.suggest.title')} lead={<p>{t('resources.suggest.lead')}</p>}>
      <p>
        <Link to="/resources">{t('resources.entry.back')}</Link>
      </p>
      {sent ? (
        <>
          <Alert tone="success" ref={thanks} title={t('resources.suggest.thanks')}>
            <p>{t('resources.suggest.thanksLead')}</p>
          </Alert>
          <div className="actions">
            <Button variant="secondary" 
              onClick={() => {
                setSent(false);
                // The button goes away with the thanks: the keyboard's place moves to the new form.
                requestAnimationFrame(() => document.getElementById('resource-form-name')?.focus());
              }}
            >
              {t('resources.suggest.another')}
            </Button>
          </div>
        </>
      ) : (
        <ResourceForm
          mode="suggestion"
          submitLabel={t('resources.suggest.submit')}
          onSubmit={async (body) => {
            await suggest.mutateAsync(body);
            setSent(true);
          }}
        />
      )}
      <MySuggestionList />
    </Page>
  );
}

function MySuggestionList() {
  const { t } = useTranslation();
  const me = useMe().data;
  const mine = useMySuggestions(Boolean(me));
  return (
    <section className="resource-section" aria-labelledby="my-suggestions">
      <h2 id="my-suggestions">{t('resources.suggest.mine')}</h2>
      {mine.isPending && <Loading />}
      {mine.isError && <Alert tone="error" title={errorMessage(mine.error, t)} />}
      {mine.data?.length === 0 && <p className="muted">{t('resources.suggest.none')}</p>}
      {mine.data && mine.data.length > 0 && (
        <ul className="tips">
          {mine.data.map((s) => (
            <Suggestion key={s.id} suggestion={s} timeZone={me?.timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}

const BADGE: Record<MySuggestions[number]['status'], string> = { suggested: 'badge--warning', published: 'badge--open', rejected: 'badge--revoked', archived: '' };

function Suggestion({ suggestion: s, timeZone }: { suggestion: MySuggestions[number]; timeZone?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <li className="tip">
      <p className="tip-meta">
        <strong>{s.status === 'published' ? <Link to={`/resources/${s.id}`}>{s.name}</Link> : s.name}</strong>
        <span className={`badge ${BADGE[s.status]}`}>{t(`resources.suggest.status.${s.status}`)}</span>
      </p>
      <p className="muted">
        {t(`resources.categories.${s.category}`)} · {t('resources.suggest.sentOn', { date: formatDate(s.createdAt, currentLocale(), timeZone) })}
      </p>
      {s.reviewNote && <p>{t('resources.suggest.note', { note: s.reviewNote })}</p>}
    </li>
  );
}
