import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { type Contact, useContacts, useCreateConversation } from './api.ts';

/** The people I may write to without a request (my mentor or mentees, my groups' facilitators, coordinators, who is on call). */
export function StartConversation() {
  const { t } = useTranslation();
  const contacts = useContacts();
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('messaging.contacts.title')}</h2>
      <p className="muted">{t('messaging.contacts.lead')}</p>
      {contacts.isPending && <Loading />}
      {contacts.isError && <Alert tone="error" title={errorMessage(contacts.error, t)} />}
      {contacts.data &&
        (contacts.data.length === 0 ? (
          <p>{t('messaging.contacts.none')}</p>
        ) : (
          <ul className="contacts">
            {contacts.data.map((c) => (
              <ContactRow key={`${c.person.id}-${c.basis}`} contact={c} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function ContactRow({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  const create = useCreateConversation();
  const navigate = useNavigate();
  const name = c.person.displayName;
  return (
    <li className="contact">
      <span>
        {name} <span className="muted">· {t(`messaging.basis.${c.basis}`)}</span>
      </span>
      {c.conversationId ? (
        <Link to={`/messages/${c.conversationId}`} className="button button--secondary">
          {t('messaging.contacts.open', { name })}
        </Link>
      ) : (
        <Button
          variant="secondary"
          pending={create.isPending}
          onClick={() => create.mutate({ participants: [c.person.id] }, { onSuccess: (r) => void navigate(`/messages/${r.conversation.id}`) })}
        >
          {t('messaging.contacts.write', { name })}
        </Button>
      )}
      {create.isError && <Alert live tone="error" title={errorMessage(create.error, t)} />}
    </li>
  );
}
