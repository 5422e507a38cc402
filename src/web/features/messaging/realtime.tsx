import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { CLOSE_CODES, type ServerFrame } from '../../../contracts/realtime.ts';
import { meKey, useMe } from '../account/api.ts';
import { type MessagePage, messagingKeys, messagingRoot } from './api.ts';
import { mergeMessages } from './cache.ts';
import { setOwnSocket } from './own-socket.ts';

/**
 * One socket per tab at /api/v1/realtime while someone is signed in (docs/realtime.md). Messages are stored before
 * they are pushed, so the socket only makes things quicker: after a reconnect the app asks for what it missed with
 * `resume` (the last event id is kept in sessionStorage, per tab) and refreshes its conversations over HTTP as well.
 */

export type RealtimeStatus = 'connecting' | 'open' | 'closed';
const RealtimeContext = createContext<RealtimeStatus>('closed');

/** Whether the live connection is up (a page can say "reconnecting…" when it is not). */
export const useRealtime = () => useContext(RealtimeContext);

const LAST_EVENT_KEY = 'kindred.realtime.last';
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/** Event ids already applied, so the same event from a replay and from the live stream is applied once. */
const SEEN_MAX = 500;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useMe().data;
  const [status, setStatus] = useState<RealtimeStatus>('closed');
  const myId = me?.id ?? null;

  useEffect(() => {
    if (!myId) return;
    return connect(queryClient, myId, setStatus);
  }, [myId, queryClient]);

  return <RealtimeContext value={status}>{children}</RealtimeContext>;
}

function connect(queryClient: QueryClient, myId: string, setStatus: (s: RealtimeStatus) => void): () => void {
  let socket: WebSocket | null = null;
  let timer: number | undefined;
  let attempt = 0;
  let stopped = false;
  let everOpened = false;
  const seen: string[] = [];

  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: messagingRoot });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };

  const open = () => {
    setStatus('connecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/realtime`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (e) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(e.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'hello') {
        setOwnSocket(frame.socketId);
        const after = sessionStorage.getItem(LAST_EVENT_KEY);
        ws.send(JSON.stringify(after ? { type: 'resume', after } : { type: 'resume' }));
        // Anything could have happened while this tab had no socket: HTTP answers what resume cannot.
        if (everOpened) refreshAll();
        everOpened = true;
        attempt = 0;
        setStatus('open');
        return;
      }
      if (frame.type === 'resync') {
        if (frame.latest) sessionStorage.setItem(LAST_EVENT_KEY, frame.latest);
        else sessionStorage.removeItem(LAST_EVENT_KEY);
        refreshAll();
        return;
      }
      if (!('id' in frame)) return;
      if (seen.includes(frame.id)) return;
      seen.push(frame.id);
      if (seen.length > SEEN_MAX) seen.shift();
      sessionStorage.setItem(LAST_EVENT_KEY, frame.id);
      applyEvent(queryClient, myId, frame);
    };
    ws.onclose = (e) => {
      if (socket === ws) {
        socket = null;
        setOwnSocket(null);
      }
      setStatus('closed');
      if (stopped) return;
      if (e.code === CLOSE_CODES.signedOut) {
        // The session ended elsewhere: asking who is signed in brings the sign-in page; no reconnecting.
        void queryClient.invalidateQueries({ queryKey: meKey });
        return;
      }
      const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
      attempt += 1;
      // A little randomness so many phones waking together do not all knock at once.
      timer = window.setTimeout(open, wait * (0.8 + Math.random() * 0.4));
    };
  };

  // A phone back from sleep or a tab back online: try at once rather than waiting out the backoff.
  const wake = () => {
    if (stopped || socket || document.visibilityState !== 'visible') return;
    window.clearTimeout(timer);
    open();
  };
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', wake);
  open();

  return () => {
    stopped = true;
    setOwnSocket(null);
    window.clearTimeout(timer);
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('online', wake);
    socket?.close(1000);
    setStatus('closed');
  };
}

type EventFrame = Extract<ServerFrame, { id: string }>;

/** One event into the query cache: message frames merge by seq, the rest ask again for what they changed. */
function applyEvent(queryClient: QueryClient, myId: string, frame: EventFrame) {
  switch (frame.type) {
    case 'message.created':
    case 'message.updated': {
      const { message } = frame;
      queryClient.setQueryData<MessagePage | null>(messagingKeys.messages(frame.conversationId), (page) =>
        page
          ? {
              ...page,
              messages: mergeMessages(page.messages, [message]),
              conversation: {
                ...page.conversation,
                lastSeq: Math.max(page.conversation.lastSeq, message.seq),
                lastReadSeq: message.mine ? Math.max(page.conversation.lastReadSeq, message.seq) : page.conversation.lastReadSeq,
              },
            }
          : page,
      );
      void queryClient.invalidateQueries({ queryKey: messagingKeys.list });
      void queryClient.invalidateQueries({ queryKey: messagingKeys.unread });
      return;
    }
    case 'conversation.read': {
      queryClient.setQueryData<MessagePage | null>(messagingKeys.messages(frame.conversationId), (page) => {
        if (!page) return page;
        const c = page.conversation;
        return {
          ...page,
          conversation:
            frame.userId === myId
              ? { ...c, lastReadSeq: Math.max(c.lastReadSeq, frame.seq) }
              : { ...c, otherReadSeq: Math.max(c.otherReadSeq ?? 0, frame.seq) },
        };
      });
      if (frame.userId === myId) {
        void queryClient.invalidateQueries({ queryKey: messagingKeys.unread });
        void queryClient.invalidateQueries({ queryKey: messagingKeys.list });
      }
      return;
    }
    case 'conversation.updated':
      void queryClient.invalidateQueries({ queryKey: messagingRoot });
      return;
    case 'notification.created':
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      return;
  }
}
