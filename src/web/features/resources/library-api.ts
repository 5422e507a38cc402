import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type { CopingLibraryStrategy, copingLibraryInput, copingLibraryList, COPING_WHEN } from '../../../contracts/resources.ts';
import { api, isApiError } from '../../lib/api.ts';
import type { CopingStrategy } from '../journey/api.ts';

export type { CopingLibraryStrategy };
export type CopingWhen = (typeof COPING_WHEN)[number];
type LibraryList = z.infer<typeof copingLibraryList>;

const base = '/api/v1/coping-strategies';
const enc = encodeURIComponent;

/** Everything of the library lives under one key, so marking or saving a strategy refreshes every view of it. */
const root = ['coping-library'] as const;
const keys = {
  list: (q: LibraryQuery) => [...root, 'list', q.locale, q.when ?? '', q.q ?? ''],
  mine: [...root, 'mine'],
  one: (id: string) => [...root, 'one', id],
};
/** The member's own toolbox (features/journey/api.ts keeps it under this key). */
const toolboxKey = ['journey', 'toolbox'];

export interface LibraryQuery {
  locale: Locale;
  when?: CopingWhen | undefined;
  q?: string | undefined;
}

/** Approved strategies in one language, narrowed by when they help and by words. */
export function useLibrary(query: LibraryQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: async () => {
      const params = new URLSearchParams({ locale: query.locale });
      if (query.when) params.set('when', query.when);
      if (query.q) params.set('q', query.q);
      return (await api<LibraryList>('GET', `${base}?${params}`)).strategies;
    },
  });
}

/** The reader's own strategies in any status (waiting for review, shared, not approved). */
export function useMyLibraryStrategies(enabled: boolean) {
  return useQuery({
    queryKey: keys.mine,
    enabled,
    // Only the author's own, whatever the language they wrote it in.
    queryFn: async () => (await api<LibraryList>('GET', `${base}?mine=true`)).strategies.filter((s) => s.mine),
  });
}

/** One strategy; null when it is not there for this reader (the server never says which). */
export function useLibraryStrategy(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async () => {
      try {
        return await api<CopingLibraryStrategy>('GET', `${base}/${enc(id)}`);
      } catch (err) {
        if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
        throw err;
      }
    },
  });
}

/** Changes one strategy wherever it is cached: lists, the reader's own and the single view. */
function patchCached(queryClient: QueryClient, id: string, change: (s: CopingLibraryStrategy) => CopingLibraryStrategy) {
  queryClient.setQueriesData<CopingLibraryStrategy[] | CopingLibraryStrategy | null>({ queryKey: root }, (data) => {
    if (Array.isArray(data)) return data.map((s) => (s.id === id ? change(s) : s));
    return data && data.id === id ? change(data) : data;
  });
}

export function useWriteStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof copingLibraryInput>) => api<CopingLibraryStrategy>('POST', base, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

export function useDeleteLibraryStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `${base}/${enc(id)}`),
    // Not refetched now: the page showing it is about to leave, and would flash "not found" first.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root, refetchType: 'none' }),
  });
}

/** "This helped me": the toggle and its count follow the tap at once; an error puts them back. */
export function useSetHelped() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, helped }: { id: string; helped: boolean }) => api<unknown>('PUT', `${base}/${enc(id)}/helped`, { helped }),
    onMutate: async ({ id, helped }) => {
      await queryClient.cancelQueries({ queryKey: root });
      patchCached(queryClient, id, (s) =>
        s.helpedByMe === helped ? s : { ...s, helpedByMe: helped, helpedCount: Math.max(0, s.helpedCount + (helped ? 1 : -1)) },
      );
    },
    onError: (_err, { id, helped }) =>
      patchCached(queryClient, id, (s) => (s.helpedByMe !== helped ? s : { ...s, helpedByMe: !helped, helpedCount: Math.max(0, s.helpedCount + (helped ? -1 : 1)) })),
    // The server's count includes other members' taps meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: root }),
  });
}

/** Saves a copy to the member's toolbox (the server answers with the existing copy when it is already there). */
export function useSaveToToolbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ strategy: CopingStrategy }>('POST', `${base}/${enc(id)}/save`),
    onSuccess: async (_data, id) => {
      patchCached(queryClient, id, (s) => ({ ...s, saved: true }));
      await queryClient.invalidateQueries({ queryKey: toolboxKey });
    },
  });
}

export type SendKind = 'resource' | 'strategy';

/** A mentor sends a directory entry or a strategy to one of their mentees (the mentee gets a notification). */
export function useSendToMentee() {
  return useMutation({
    mutationFn: ({ kind, id, menteeId }: { kind: SendKind; id: string; menteeId: string }) =>
      api<void>('POST', `${kind === 'resource' ? '/api/v1/resources' : base}/${enc(id)}/send`, { menteeId }),
  });
}

/** The library shows the reader's language first and the other one on request. */
export const otherLocale = (locale: Locale): Locale => (locale === 'en' ? 'es' : 'en');
