import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useCreateConversation } from './api.ts';

/** "Message {name}" where a relationship is (a mentorship): opens our conversation, starting it if there is none yet. */
export function MessageButton({ person, variant = 'secondary' }: { person: { id: string; displayName: string }; variant?: 'primary' | 'secondary' }) {
  const { t } = useTranslation();
  const create = useCreateConversation();
  const navigate = useNavigate();
  return (
    <>
      <Button
        variant={variant}
        pending={create.isPending}
        onClick={() => create.mutate({ participants: [person.id] }, { onSuccess: (r) => void navigate(`/messages/${r.conversation.id}`) })}
      >
        {t('messaging.contacts.write', { name: person.displayName })}
      </Button>
      {create.isError && <Alert live tone="error" title={errorMessage(create.error, t)} />}
    </>
  );
}
