import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  blockList,
  contactList,
  Conversation,
  conversationList,
  createdConversation,
  Message,
  messagePage,
  messageReportDetail,
  messageReportList,
  messageSearchResult,
  messagingPreferences,
  messagingReach,
  messagingSettings,
  REPORT_REASONS,
  REPORT_RESOLUTIONS,
  sentMessage,
  unreadCount,
} from '../../../contracts/messaging.ts';
import { api, isApiError } from '../../lib/api.ts';
import { mergeMessages } from './cache.ts';
import { ownSocketHeaders } from './own-socket.ts';

export type { Conversation, Message };
export type ConversationList = z.infer<typeof conversationList>;
export type MessagePage = z.infer<typeof messagePage>;
export type SentMessage = z.infer<typeof sentMessage>;
export type CreatedConversation = z.infer<typeof createdConversation>;
export type Contact = z.infer<typeof contactList>['contacts'][number];
export type BlockedPerson = z.infer<typeof blockList>['blocked'][number];
export type SearchHit = z.infer<typeof messageSearchResult>['results'][number];
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];
export type MessageReportList = z.infer<typeof messageReportList>;
export type MessageReportDetail = z.infer<typeof messageReportDetail>;
export type MessagingSettings = z.infer<typeof messagingSettings>;
export type MessagingReach = z.infer<typeof messagingReach>;
export type MessagingPreferences = z.infer<typeof messagingPreferences>;

const base = '/api/v1';
const enc = encodeURIComponent;

/** Everything of messaging under one key: a reconnect or a changed conversation refreshes every view of it at once. */
export const messagingRoot = ['messaging'] as const;
export const messagingKeys = {
  list: [...messagingRoot, 'list'] as const,
  unread: [...messagingRoot, 'unread'] as const,
  /** One conversation with the messages loaded so far (the newest page, plus older pages as the person scrolls back). */
  messages: (id: string) => [...messagingRoot, 'messages', id] as const,
  contacts: [...messagingRoot, 'contacts'] as const,
  blocks: [...messagingRoot, 'blocks'] as const,
  person: (id: string) => [...messagingRoot, 'person', id] as const,
  preferences: [...messagingRoot, 'preferences'] as const,
  search: (q: string) => [...messagingRoot, 'search', q] as const,
  reports: [...messagingRoot, 'reports'] as const,
  report: (id: string) => [...messagingRoot, 'report', id] as const,
  settings: [...messagingRoot, 'settings'] as const,
};

/** The unread count is pushed over the socket; asking again now and then covers a socket that cannot connect. */
const UNREAD_POLL_MS = 120_000;

export const useConversations = (enabled = true) =>
  useQuery({ queryKey: messagingKeys.list, enabled, queryFn: () => api<ConversationList>('GET', `${base}/conversations`) });

export const useUnreadMessages = (enabled = true) =>
  useQuery({
    queryKey: messagingKeys.unread,
    enabled,
    queryFn: () => api<z.infer<typeof unreadCount>>('GET', `${base}/conversations/unread`),
    refetchInterval: UNREAD_POLL_MS,
  });

/** A conversation and its newest page of messages; null when it is not there (or not for this person: 404 either way). */
export const useConversation = (id: string) =>
  useQuery({
    queryKey: messagingKeys.messages(id),
    queryFn: async () => {
      try {
        return await api<MessagePage>('GET', `${base}/conversations/${enc(id)}/messages`);
      } catch (err) {
        if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
        throw err;
      }
    },
  });

/** Earlier messages, merged into the same cache entry so realtime updates and scrolling back share one list. */
export function useOlderMessages(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (before: number) => api<MessagePage>('GET', `${base}/conversations/${enc(id)}/messages?before=${before}`),
    onSuccess: (older) =>
      queryClient.setQueryData<MessagePage | null>(messagingKeys.messages(id), (page) =>
        page ? { ...page, messages: mergeMessages(page.messages, older.messages), hasMore: older.hasMore } : page,
      ),
  });
}

/** Puts a message I just sent or edited into the conversation at once (the socket's copy of it merges by id). */
function useStoreMessage() {
  const queryClient = useQueryClient();
  return (message: Message) => {
    queryClient.setQueryData<MessagePage | null>(messagingKeys.messages(message.conversationId), (page) =>
      page
        ? {
            ...page,
            messages: mergeMessages(page.messages, [message]),
            conversation: { ...page.conversation, lastSeq: Math.max(page.conversation.lastSeq, message.seq), lastReadSeq: Math.max(page.conversation.lastReadSeq, message.seq) },
          }
        : page,
    );
    void queryClient.invalidateQueries({ queryKey: messagingKeys.list });
  };
}

export function useSendMessage(conversationId: string) {
  const store = useStoreMessage();
  return useMutation({
    mutationFn: (body: string) => api<SentMessage>('POST', `${base}/conversations/${enc(conversationId)}/messages`, { body }, ownSocketHeaders()),
    onSuccess: (sent) => store(sent.message),
  });
}

export function useEditMessage() {
  const store = useStoreMessage();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => api<SentMessage>('PATCH', `${base}/messages/${enc(id)}`, { body }, ownSocketHeaders()),
    onSuccess: (sent) => store(sent.message),
  });
}

export function useDeleteMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `${base}/messages/${enc(id)}`),
    onSuccess: (_, id) =>
      queryClient.setQueryData<MessagePage | null>(messagingKeys.messages(conversationId), (page) =>
        page ? { ...page, messages: page.messages.map((m) => (m.id === id ? { ...m, deleted: true, body: '', html: '' } : m)) } : page,
      ),
  });
}

export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { participants?: string[]; groupId?: string; message?: string }) => api<CreatedConversation>('POST', `${base}/conversations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagingRoot }),
  });
}

/** Tells the server how far I have read; the unread counts follow. */
export function useMarkConversationRead(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => api<void>('POST', `${base}/conversations/${enc(conversationId)}/read`, { seq }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: messagingKeys.unread });
      void queryClient.invalidateQueries({ queryKey: messagingKeys.list });
    },
  });
}

export function useDecideRequest(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: 'accept' | 'ignore') => api<Conversation>('POST', `${base}/conversations/${enc(conversationId)}/request`, { decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagingRoot }),
  });
}

export const useReportMessage = () =>
  useMutation({
    mutationFn: ({ messageId, ...body }: { messageId: string; reason: ReportReason; note: string }) =>
      api<{ id: string }>('POST', `${base}/messages/${enc(messageId)}/report`, body),
  });

export const useContacts = () => useQuery({ queryKey: messagingKeys.contacts, queryFn: async () => (await api<z.infer<typeof contactList>>('GET', `${base}/messaging/contacts`)).contacts });

export const useBlocks = () => useQuery({ queryKey: messagingKeys.blocks, queryFn: async () => (await api<z.infer<typeof blockList>>('GET', `${base}/messaging/blocks`)).blocked });

export function useBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, blocked }: { userId: string; blocked: boolean }) =>
      blocked ? api<void>('POST', `${base}/messaging/blocks`, { userId }) : api<void>('DELETE', `${base}/messaging/blocks/${enc(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagingRoot }),
  });
}

/** Before writing to someone: their name, our conversation if any, and whether I can start one. */
export const useReach = (userId: string, enabled = true) =>
  useQuery({ queryKey: messagingKeys.person(userId), enabled, queryFn: () => api<MessagingReach>('GET', `${base}/messaging/people/${enc(userId)}`) });

export const useMessagingPreferences = () =>
  useQuery({ queryKey: messagingKeys.preferences, queryFn: () => api<MessagingPreferences>('GET', `${base}/messaging/preferences`) });

export function useSetMessagingPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessagingPreferences) => api<MessagingPreferences>('PUT', `${base}/messaging/preferences`, body),
    onSuccess: (saved) => queryClient.setQueryData(messagingKeys.preferences, saved),
  });
}

export const useMessageSearch = (q: string) =>
  useQuery({
    queryKey: messagingKeys.search(q),
    enabled: q.trim().length >= 2,
    queryFn: async () => (await api<z.infer<typeof messageSearchResult>>('GET', `${base}/messages/search?q=${enc(q)}`)).results,
  });

export function useGroupChatSwitch(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => api<{ enabled: boolean }>('PUT', `${base}/groups/${enc(groupId)}/chat`, { enabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messagingRoot }),
  });
}

// ── Moderation and coordination ──

export const useMessageReports = (enabled = true) =>
  useQuery({ queryKey: messagingKeys.reports, enabled, queryFn: async () => (await api<MessageReportList>('GET', `${base}/moderation/message-reports?status=open`)).reports });

/** Opening a report is recorded in the audit log, so it is asked for only when a moderator opens it. */
export const useMessageReport = (id: string | null) =>
  useQuery({ queryKey: messagingKeys.report(id ?? ''), enabled: Boolean(id), queryFn: () => api<MessageReportDetail>('GET', `${base}/moderation/message-reports/${enc(id!)}`) });

export function useResolveReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { resolution: ReportResolution; note: string }) => api<MessageReportDetail>('POST', `${base}/moderation/message-reports/${enc(id)}/resolve`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(messagingKeys.report(id), detail);
      void queryClient.invalidateQueries({ queryKey: messagingKeys.reports });
    },
  });
}

export const useMessagingSettings = () => useQuery({ queryKey: messagingKeys.settings, queryFn: () => api<MessagingSettings>('GET', `${base}/admin/messaging/settings`) });

export function useSaveMessagingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessagingSettings) => api<MessagingSettings>('PUT', `${base}/admin/messaging/settings`, body),
    onSuccess: (saved) => queryClient.setQueryData(messagingKeys.settings, saved),
  });
}

export const exportHref = `${base}/me/messages/export`;
