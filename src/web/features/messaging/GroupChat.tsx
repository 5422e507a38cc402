import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/messages.ts';
import { useConversations, useCreateConversation, useGroupChatSwitch } from './api.ts';

/**
 * A group's chat on its page: the way in for its members, and for its facilitators the on/off switch. Whether it is
 * on is read from the member's own conversation list (a group's chat is listed once it exists, and can be written in
 * only while on); a chat nobody has opened yet is not listed, so turning it on here also opens it once.
 */
export function GroupChat({ groupId, member, canManage }: { groupId: string; member: boolean; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useConversations(member || canManage);
  const open = useCreateConversation();
  const ensure = useCreateConversation();
  const toggle = useGroupChatSwitch(groupId);
  const navigate = useNavigate();
  // The switch shows the change at once while it is saved; a failure puts it back.
  const [wanted, setWanted] = useState<boolean | null>(null);
  if (!member && !canManage) return null;
  const listed = list.data?.conversations.find((c) => c.group?.id === groupId) ?? null;
  const turnedOff = isApiError(open.error, 'conflict');
  const on: boolean | null = toggle.data?.enabled ?? (turnedOff ? false : listed ? listed.canWrite : null);
  return (
    <section className="card" aria-labelledby="group-chat">
      <h2 id="group-chat">{t('messaging.group.title')}</h2>
      <p>{on === true ? t('messaging.group.onLead') : on === false ? t('messaging.group.offLead') : t('messaging.group.lead')}</p>
      {member && on !== false && (
        <div className="actions">
          <Button
            pending={open.isPending}
            onClick={() => (listed ? void navigate(`/messages/${listed.id}`) : open.mutate({ groupId }, { onSuccess: (r) => void navigate(`/messages/${r.conversation.id}`) }))}
          >
            {t('messaging.group.open')}
          </Button>
        </div>
      )}
      {open.isError && !turnedOff && <Alert live tone="error" title={errorMessage(open.error, t)} />}
      {canManage && (
        <div className="field">
          <div className="choice">
            <input
              id={`group-chat-${groupId}`}
              type="checkbox"
              checked={wanted ?? on === true}
              disabled={toggle.isPending}
              onChange={() => {
                const next = !(wanted ?? on === true);
                setWanted(next);
                toggle.mutate(next, {
                  // A facilitator who is a member opens it once, so every member finds it listed.
                  onSuccess: (r) => r.enabled && member && ensure.mutate({ groupId }),
                  onSettled: () => setWanted(null),
                });
              }}
              aria-describedby={`group-chat-${groupId}-hint`}
            />
            <div className="choice-text">
              <label htmlFor={`group-chat-${groupId}`}>{t('messaging.group.switch')}</label>
              <span className="choice-hint" id={`group-chat-${groupId}-hint`}>
                {t('messaging.group.switchHint')}
              </span>
            </div>
          </div>
          <div role="status">{toggle.isSuccess && <p>{t(toggle.data.enabled ? 'messaging.group.turnedOn' : 'messaging.group.turnedOff')}</p>}</div>
          {toggle.isError && <Alert live tone="error" title={errorMessage(toggle.error, t)} />}
        </div>
      )}
    </section>
  );
}
