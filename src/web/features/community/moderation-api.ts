import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  banBody,
  Category,
  categoryBody,
  categoryList,
  categoryPatch,
  lockTopicBody,
  memberModeration,
  ModerationSettings,
  moderatorEditBody,
  queueItem,
  queueList,
  resolveQueueBody,
  setTrustBody,
  suspendBody,
  warnBody,
} from '../../../contracts/community.ts';
import { api } from '../../lib/api.ts';

/** The moderators' and coordinators' side of the forum: the queue and its actions, people's standing, categories, rules. */

export type { Category, ModerationSettings };
export type QueueItem = z.infer<typeof queueItem>;
export type QueueList = z.infer<typeof queueList>;
export type QueueStatus = 'open' | 'resolved';
export type MemberModeration = z.infer<typeof memberModeration>;
export type ModerationHistoryEntry = MemberModeration['actions'][number];
export type ResolveAction = z.input<typeof resolveQueueBody>['action'];

const base = '/api/v1/community/moderation';

/** Every key starts with 'community', so one invalidation after an action refreshes the forum's pages as well. */
const keys = {
  community: ['community'] as const,
  queue: (status: QueueStatus) => ['community', 'moderation', 'queue', status] as const,
  person: (id: string) => ['community', 'moderation', 'people', id] as const,
  settings: ['community', 'moderation', 'settings'] as const,
  categories: ['community', 'moderation', 'categories'] as const,
};

// ── The queue ──

/** The open list is also what the navigation counts (`open`), so both share one cached answer. */
export const useModerationQueue = (status: QueueStatus, enabled = true) =>
  useQuery({
    queryKey: keys.queue(status),
    queryFn: () => api<QueueList>('GET', `${base}/queue?status=${status}`),
    enabled,
    staleTime: 60_000,
  });

/** A moderation action changes the queue, the topic, the person's standing: refresh everything under 'community'. */
function useModerationAction<T>(fn: (arg: T) => Promise<unknown>, onDone?: (arg: T) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_, arg) => {
      onDone?.(arg);
      return queryClient.invalidateQueries({ queryKey: keys.community });
    },
  });
}

export function useResolveQueueItem() {
  const queryClient = useQueryClient();
  // The item leaves the open list at once; the refetch that follows confirms it.
  const drop = ({ id }: { id: string }) =>
    queryClient.setQueryData<QueueList>(keys.queue('open'), (list) =>
      list && list.items.some((i) => i.id === id) ? { items: list.items.filter((i) => i.id !== id), open: Math.max(0, list.open - 1) } : list,
    );
  return useModerationAction(
    ({ id, ...body }: { id: string } & z.input<typeof resolveQueueBody>) => api<unknown>('POST', `${base}/queue/${id}/resolve`, body),
    drop,
  );
}

export const useHidePost = () => useModerationAction(({ postId, reason }: { postId: string; reason: string }) => api<unknown>('POST', `${base}/posts/${postId}/hide`, { reason }));
export const useUnhidePost = () => useModerationAction((postId: string) => api<unknown>('POST', `${base}/posts/${postId}/unhide`));
export const useModeratorEdit = () =>
  useModerationAction(({ postId, ...body }: { postId: string } & z.input<typeof moderatorEditBody>) => api<unknown>('POST', `${base}/posts/${postId}/edit`, body));
export const useLockTopic = () =>
  useModerationAction(({ topicId, ...body }: { topicId: string } & z.input<typeof lockTopicBody>) => api<unknown>('POST', `${base}/topics/${topicId}/lock`, body));

// ── People ──

export const usePersonModeration = (id: string) =>
  useQuery({ queryKey: keys.person(id), queryFn: () => api<MemberModeration>('GET', `${base}/people/${id}`), enabled: id !== '' });

const person = (id: string) => `${base}/people/${id}`;
export const useWarn = () => useModerationAction(({ userId, ...body }: { userId: string } & z.input<typeof warnBody>) => api<unknown>('POST', `${person(userId)}/warn`, body));
export const useSuspend = () =>
  useModerationAction(({ userId, ...body }: { userId: string } & z.input<typeof suspendBody>) => api<unknown>('POST', `${person(userId)}/suspend`, body));
export const useUnsuspend = () => useModerationAction((userId: string) => api<unknown>('POST', `${person(userId)}/unsuspend`));
export const useBan = () => useModerationAction(({ userId, ...body }: { userId: string } & z.input<typeof banBody>) => api<unknown>('POST', `${person(userId)}/ban`, body));
export const useUnban = () => useModerationAction((userId: string) => api<unknown>('POST', `${person(userId)}/unban`));
export const useSetTrust = () =>
  useModerationAction(({ userId, ...body }: { userId: string } & z.input<typeof setTrustBody>) => api<unknown>('PUT', `${person(userId)}/trust`, body));

// ── Automatic rules (coordinators) ──

export const useModerationSettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api<ModerationSettings>('GET', `${base}/settings`) });

export function useSaveModerationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModerationSettings) => api<ModerationSettings>('PUT', `${base}/settings`, body),
    onSuccess: (settings) => queryClient.setQueryData(keys.settings, settings),
  });
}

// ── Categories (coordinators; moderators' list includes archived ones) ──

export const useAdminCategories = () =>
  useQuery({ queryKey: keys.categories, queryFn: async () => (await api<z.infer<typeof categoryList>>('GET', '/api/v1/community/categories')).categories });

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (arg: { id: null; body: z.output<typeof categoryBody> } | { id: string; body: z.output<typeof categoryPatch> }) =>
      arg.id === null ? api<Category>('POST', '/api/v1/community/categories', arg.body) : api<Category>('PATCH', `/api/v1/community/categories/${arg.id}`, arg.body),
    // Readers' category lists change too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.community }),
  });
}
