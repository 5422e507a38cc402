import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { useMe } from '../../features/account/api.ts';
import { type Conversation, type Message, type SentMessage, useConversation, useMarkConversationRead, useOlderMessages, useSendMessage } from '../../features/messaging/api.ts';
import { BlockControl, BlockNotice } from '../../features/messaging/BlockControl.tsx';
import { Composer } from '../../features/messaging/Composer.tsx';
import { MessageItem } from '../../features/messaging/MessageItem.tsx';
import '../../features/messaging/messaging.css';
import { useRealtime } from '../../features/messaging/realtime.tsx';
import { RequestPanel } from '../../features/messaging/RequestPanel.tsx';
import { CrisisPanel } from '../../features/safety/CrisisPanel.tsx';
import { errorMessage } from '../../lib/messages.ts';
import { NotFoundPage } from '../not-found.tsx';

/**
 * One conversation: its messages in order, arriving live over the socket; the message box; and the person's
 * safety tools (block, report a message). When what I send reads as a crisis, crisis help comes first, with focus;
 * the message is sent all the same.
 */
export function ConversationPage() {
  const id = useParams().id ?? '';
  // Another conversation is another page: nothing typed for one carries over.
  return <ConversationView key={id} id={id} />;
}

function ConversationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const page = useConversation(id);
  const timeZone = useMe().data?.timeZone;
  const [crisis, setCrisis] = useState<SentMessage['crisis']>(null);
  const crisisRef = useRef<HTMLHeadingElement>(null);
  const live = useRealtime();
  const [blockChange, setBlockChange] = useState<{ blocked: boolean; n: number } | null>(null);
  const onBlocked = (blocked: boolean) => setBlockChange((b) => ({ blocked, n: (b?.n ?? 0) + 1 }));
  useEffect(() => {
    if (crisis) crisisRef.current?.focus();
  }, [crisis]);
  useMarkRead(page.data?.conversation);
  useScrollToMessage(page.data?.messages.length ?? 0);

  if (page.isPending) return <Loading />;
  if (page.isError) return <Alert tone="error" title={errorMessage(page.error, t)} />;
  if (!page.data) return <NotFoundPage />;
  const { conversation: c, messages, hasMore } = page.data;
  const title = c.other?.displayName ?? c.group?.name ?? t('messaging.conversation.untitled');
  const onSaved = (sent: SentMessage) => setCrisis(sent.crisis);
  const seenSeq = c.kind === 'direct' ? lastSeenOfMine(messages, c.otherReadSeq) : null;

  return (
    <Page title={title} lead={<p>{t(`messaging.basis.${c.kind === 'group' ? 'group' : c.basis}`)}</p>}>
      {crisis && <CrisisPanel crisis={crisis} ref={crisisRef} lead={t('messaging.crisis.lead')} emergencyLead={t('messaging.crisis.emergencyLead')} />}
      <BlockNotice change={blockChange} name={title} />
      {c.status === 'ignored' && !c.requestedByMe && <Alert tone="info" title={t('messaging.conversation.ignored', { name: title })} />}
      {c.status === 'requested' && c.requestedByMe && <Alert tone="info" title={t('messaging.conversation.waiting', { name: title })} />}
      {live === 'closed' && <p className="muted">{t('messaging.conversation.offline')}</p>}
      {hasMore && <OlderMessages conversationId={c.id} before={messages[0]?.seq ?? 1} />}
      <section aria-labelledby="messages-title">
        <h2 id="messages-title" className="visually-hidden">
          {t('messaging.conversation.messagesTitle')}
        </h2>
        {messages.length === 0 ? (
          <p className="muted">{t('messaging.conversation.empty')}</p>
        ) : (
          <div role="log" aria-labelledby="messages-title">
            <ol className="messages">
              {messages.map((m) => (
                <MessageItem key={m.id} message={m} seen={m.seq === seenSeq} timeZone={timeZone} onSaved={onSaved} />
              ))}
            </ol>
          </div>
        )}
      </section>
      {/* A request is read first, then answered; writing back starts only once it is accepted. */}
      {c.status === 'requested' && !c.requestedByMe ? <RequestPanel conversation={c} onBlocked={onBlocked} /> : <Writing conversation={c} title={title} onSaved={onSaved} />}
      {c.kind === 'direct' && c.other && c.status !== 'requested' && (
        <section className="card card--quiet" aria-labelledby="safety-title">
          <h2 id="safety-title">{t('messaging.conversation.safetyTitle')}</h2>
          <p>{t('messaging.conversation.safetyLead')}</p>
          <BlockControl person={c.other} blocked={c.blockedByMe} onChanged={onBlocked} />
        </section>
      )}
      <p className="card-links">
        <Link to="/messages">{t('messaging.conversation.back')}</Link>
      </p>
    </Page>
  );
}

/** The message box, or why there is none. */
function Writing({ conversation: c, title, onSaved }: { conversation: Conversation; title: string; onSaved: (sent: SentMessage) => void }) {
  const { t } = useTranslation();
  const send = useSendMessage(c.id);
  if (c.canWrite) {
    return <Composer label={t('messaging.composer.label', { name: title })} pending={send.isPending} error={send.error} onSend={async (body) => onSaved(await send.mutateAsync(body))} />;
  }
  if (c.status === 'requested') return null;
  return <p className="muted">{t(c.blockedByMe ? 'messaging.conversation.youBlocked' : 'messaging.conversation.cannotWrite', { name: title })}</p>;
}

function OlderMessages({ conversationId, before }: { conversationId: string; before: number }) {
  const { t } = useTranslation();
  const older = useOlderMessages(conversationId);
  return (
    <div className="actions">
      <Button variant="secondary" pending={older.isPending} onClick={() => older.mutate(before)}>
        {t('messaging.conversation.older')}
      </Button>
      {older.isError && <Alert live tone="error" title={errorMessage(older.error, t)} />}
    </div>
  );
}

/** "Seen" goes under the last of my messages the other person has read. */
function lastSeenOfMine(messages: Message[], otherReadSeq: number | null): number | null {
  if (otherReadSeq === null) return null;
  return messages.filter((m) => m.mine && !m.deleted && m.seq <= otherReadSeq).at(-1)?.seq ?? null;
}

/**
 * While the conversation is on screen, what arrives counts as read. A request is not marked read until accepted, so
 * its sender learns nothing from it.
 */
function useMarkRead(c: Conversation | undefined) {
  const mark = useMarkConversationRead(c?.id ?? '');
  const sent = useRef(0);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  const due = c && c.status === 'active' && visible && c.lastSeq > c.lastReadSeq && c.lastSeq > sent.current;
  useEffect(() => {
    if (!due || !c) return;
    sent.current = c.lastSeq;
    mark.mutate(c.lastSeq);
  }, [due, c?.lastSeq]);
}

/** Arriving at #message-N (from a search): once it is on the page, scroll to it and give it focus. */
function useScrollToMessage(loaded: number) {
  const { hash } = useLocation();
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!/^#message-\d+$/.test(hash) || done.current === hash) return;
    const el = document.getElementById(hash.slice(1));
    if (!el) return;
    done.current = hash;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [hash, loaded]);
}
