import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  Category,
  categoryList,
  CommunityAuthor,
  guidelines,
  moderationNotice,
  noticeList,
  Post,
  postSaved,
  ReactionKind,
  reactionSummary,
  replyBody,
  reportBody,
  searchResult,
  searchResults,
  Standing,
  TopicDetail,
  topicBody,
  topicList,
  topicSummary,
} from '../../../contracts/community.ts';
import { api, isApiError } from '../../lib/api.ts';

export type { Category, CommunityAuthor, Post, ReactionKind, Standing, TopicDetail };
export type TopicSummary = z.infer<typeof topicSummary>;
export type TopicList = z.infer<typeof topicList>;
export type PostSaved = z.infer<typeof postSaved>;
export type Guidelines = z.infer<typeof guidelines>;
export type Notice = z.infer<typeof moderationNotice>;
export type SearchResult = z.infer<typeof searchResult>;
export type ReplyBlockedBy = TopicDetail['replyBlockedBy'];

const base = '/api/v1/community';
const enc = encodeURIComponent;

/** Everything of the forum lives under one key: a post, a reaction or an accepted guideline refreshes every view of it. */
const root = ['community'] as const;
const keys = {
  categories: [...root, 'categories'],
  topics: (slug: string) => [...root, 'topics', slug],
  topic: (id: string) => [...root, 'topic', id],
  post: (id: string) => [...root, 'post', id],
  standing: [...root, 'standing'],
  guidelines: (locale: string) => [...root, 'guidelines', locale],
  search: (q: string, categoryId: string) => [...root, 'search', q, categoryId],
  notices: [...root, 'notices'],
};

/** A 404 (not there, or not for this reader) read as "nothing", so the page can say so. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
    throw err;
  }
}

function useRefreshCommunity() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: root });
}

// ── Reading ──

export const useCategories = () =>
  useQuery({ queryKey: keys.categories, queryFn: async () => (await api<z.infer<typeof categoryList>>('GET', `${base}/categories`)).categories });

/** A category's topics, pinned first, a page at a time (the server's keyset cursor). Null when there is no such category. */
export const useTopics = (slug: string) =>
  useInfiniteQuery({
    queryKey: keys.topics(slug),
    initialPageParam: '',
    queryFn: ({ pageParam }) => orNull(api<TopicList>('GET', `${base}/categories/${enc(slug)}/topics${pageParam ? `?cursor=${enc(pageParam)}` : ''}`)),
    getNextPageParam: (last) => last?.nextCursor ?? undefined,
  });

/** A topic and its posts, a page at a time (`after` the last number read). Null when not found or not for this reader. */
export const useTopic = (id: string) =>
  useInfiniteQuery({
    queryKey: keys.topic(id),
    initialPageParam: 0,
    queryFn: ({ pageParam }) => orNull(api<TopicDetail>('GET', `${base}/topics/${enc(id)}${pageParam ? `?after=${pageParam}` : ''}`)),
    getNextPageParam: (last) => (last?.hasMore ? last.posts.at(-1)?.number : undefined),
  });

/** One post, to go from a notification to its place in the topic. */
export const usePost = (id: string) => useQuery({ queryKey: keys.post(id), queryFn: () => orNull(api<Post>('GET', `${base}/posts/${enc(id)}`)), staleTime: 0 });

/** The reader's standing (trust level, guidelines, suspension); only with a session. */
export const useStanding = (enabled: boolean) => useQuery({ queryKey: keys.standing, enabled, queryFn: () => api<Standing>('GET', `${base}/me`) });

/** The guidelines in the language the reader is using now. */
export function useGuidelines() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  return useQuery({ queryKey: keys.guidelines(locale), queryFn: () => api<Guidelines>('GET', `${base}/guidelines?locale=${enc(locale)}`) });
}

export const useSearch = (q: string, categoryId: string) =>
  useQuery({
    queryKey: keys.search(q, categoryId),
    enabled: q.trim().length >= 2,
    queryFn: async () => {
      const params = new URLSearchParams({ q: q.trim(), ...(categoryId ? { categoryId } : {}) });
      return (await api<z.infer<typeof searchResults>>('GET', `${base}/search?${params}`)).results;
    },
  });

export const useNotices = () => useQuery({ queryKey: keys.notices, queryFn: async () => (await api<z.infer<typeof noticeList>>('GET', `${base}/notices`)).notices });

// ── Writing ──

export function useAcceptGuidelines() {
  const refresh = useRefreshCommunity();
  return useMutation({ mutationFn: (version: number) => api<void>('POST', `${base}/guidelines/accept`, { version }), onSuccess: async () => void (await refresh()) });
}

export function useCreateTopic() {
  const refresh = useRefreshCommunity();
  return useMutation({ mutationFn: (body: z.input<typeof topicBody>) => api<PostSaved>('POST', `${base}/topics`, body), onSuccess: async () => void (await refresh()) });
}

export function useReply(topicId: string) {
  const refresh = useRefreshCommunity();
  return useMutation({
    mutationFn: (body: z.input<typeof replyBody>) => api<PostSaved>('POST', `${base}/topics/${enc(topicId)}/replies`, body),
    onSuccess: async () => void (await refresh()),
  });
}

export function useEditPost() {
  const refresh = useRefreshCommunity();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => api<Post>('PATCH', `${base}/posts/${enc(id)}`, { body }),
    onSuccess: async () => void (await refresh()),
  });
}

export function useEditTitle() {
  const refresh = useRefreshCommunity();
  return useMutation({
    mutationFn: ({ topicId, title }: { topicId: string; title: string }) => api<TopicSummary>('PATCH', `${base}/topics/${enc(topicId)}`, { title }),
    onSuccess: async () => void (await refresh()),
  });
}

export function useDeletePost() {
  const refresh = useRefreshCommunity();
  return useMutation({ mutationFn: (id: string) => api<void>('DELETE', `${base}/posts/${enc(id)}`), onSuccess: async () => void (await refresh()) });
}

/**
 * Adds or takes back one reaction. The answer (counts and the reader's own kinds) is written into the cached topic
 * in place: reloading two hundred posts for one tap would be wasteful.
 */
export function useReact(topicId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, kind, on }: { postId: string; kind: ReactionKind; on: boolean }) =>
      api<z.infer<typeof reactionSummary>>(on ? 'PUT' : 'DELETE', `${base}/posts/${enc(postId)}/reactions/${enc(kind)}`),
    onSuccess: (summary, { postId }) =>
      queryClient.setQueryData<InfiniteData<TopicDetail | null>>(keys.topic(topicId), (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => page && { ...page, posts: page.posts.map((p) => (p.id === postId ? { ...p, ...summary } : p)) }),
        },
      ),
  });
}

export const useReport = () => useMutation({ mutationFn: (body: z.input<typeof reportBody>) => api<{ id: string }>('POST', `${base}/reports`, body) });
