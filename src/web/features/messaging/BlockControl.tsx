import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDelete } from '../../components/ConfirmDelete.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { useBlock } from './api.ts';

/**
 * Block or unblock a person, asked once first. Blocking stops their messages and requests; they are not told (they
 * see the same "not possible" as for any conversation they cannot have). The change often removes this control
 * (a blocked request leaves the list), so the caller says what happened, through `onChanged`.
 */
export function BlockControl({ person, blocked, onChanged }: { person: { id: string; displayName: string }; blocked: boolean; onChanged: (blocked: boolean) => void }) {
  const { t } = useTranslation();
  const block = useBlock();
  const [asking, setAsking] = useState(false);
  const name = person.displayName;
  const change = (next: boolean) =>
    block.mutate(
      { userId: person.id, blocked: next },
      {
        onSuccess: () => {
          setAsking(false);
          onChanged(next);
        },
      },
    );
  return (
    <div className="block-control">
      {block.isError && <Alert live tone="error" title={errorMessage(block.error, t)} />}
      {blocked ? (
        <Button variant="secondary" pending={block.isPending} onClick={() => change(false)}>
          {t('messaging.block.unblock', { name })}
        </Button>
      ) : asking ? (
        <ConfirmDelete
          question={t('messaging.block.question', { name })}
          yes={t('messaging.block.yes', { name })}
          no={t('messaging.block.no')}
          pending={block.isPending}
          onConfirm={() => change(true)}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t('messaging.block.block', { name })}
        </Button>
      )}
    </div>
  );
}

/** What a block or unblock did, said where the person is (announced, and given focus so the keyboard has a place). */
export function BlockNotice({ change, name }: { change: { blocked: boolean; n: number } | null; name: string }) {
  const { t } = useTranslation();
  if (!change) return null;
  return (
    <Alert live key={change.n} tone="success" title={t(change.blocked ? 'messaging.block.done' : 'messaging.block.undone', { name })} />
  );
}
