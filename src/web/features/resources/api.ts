import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  mySuggestions,
  Resource,
  resourceImportBody,
  resourceImportReport,
  resourceInput,
  resourceSearchResult,
  resourceSettings,
  resourceSettingsBody,
  ResourceSummary,
  resourceTip,
  resourceWorkList,
  reviewDecisionBody,
  tipBody,
} from '../../../contracts/resources.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { api, isApiError } from '../../lib/api.ts';

export type { Resource, ResourceSummary };
export type ResourceTip = z.infer<typeof resourceTip>;
export type SearchResult = z.infer<typeof resourceSearchResult>;
export type MySuggestions = z.infer<typeof mySuggestions>['suggestions'];
export type WorkList = z.infer<typeof resourceWorkList>;
export type ResourceSettings = z.infer<typeof resourceSettings>;
export type ImportReport = z.infer<typeof resourceImportReport>;
export type ResourceBody = z.output<typeof resourceInput>;
export type Decision = z.input<typeof reviewDecisionBody>;

const base = '/api/v1/resources';
const enc = encodeURIComponent;

/**
 * Everything of the directory lives under one key: a tip, a decision or an edit refreshes every view of it (the
 * entry, the search, the work list, the member's suggestions). The server answers in the reader's language, so
 * readings are keyed by it too.
 */
const root = ['resources'] as const;
const keys = {
  search: (query: string) => [...root, 'search', currentLocale(), query],
  entry: (id: string) => [...root, 'entry', currentLocale(), id],
  mine: [...root, 'suggestions', 'mine'],
  review: [...root, 'review'],
  settings: [...root, 'settings'],
};

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: root });
}

// ── Reading ──

/** The directory search; `query` is the API's query string (the page's filters, plus the "near me" position). */
export const useResourceSearch = (query: string) =>
  useQuery({
    queryKey: keys.search(query),
    queryFn: () => api<SearchResult>('GET', `${base}${query ? `?${query}` : ''}`),
    // The last results stay on screen while new filters load, so the list does not flash empty.
    placeholderData: keepPreviousData,
  });

/** One entry; null when it is not there for this reader (the server never says which). */
export const useResource = (id: string) =>
  useQuery({
    queryKey: keys.entry(id),
    queryFn: async () => {
      try {
        return await api<Resource>('GET', `${base}/${enc(id)}`);
      } catch (err) {
        if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
        throw err;
      }
    },
  });

export const useMySuggestions = (enabled: boolean) =>
  useQuery({ queryKey: keys.mine, enabled, queryFn: async () => (await api<z.infer<typeof mySuggestions>>('GET', `${base}/suggestions/mine`)).suggestions });

/** The reviewers' work list; null for anyone else (the server answers 404). */
export const useWorkList = (enabled: boolean) =>
  useQuery({
    queryKey: keys.review,
    enabled,
    queryFn: async () => {
      try {
        return await api<WorkList>('GET', `${base}/review`);
      } catch (err) {
        if (isApiError(err, 'not_found')) return null;
        throw err;
      }
    },
  });

// ── Members: tips, reviews and suggestions ──

export function useAddTip(resourceId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.output<typeof tipBody>) => api<ResourceTip>('POST', `${base}/${enc(resourceId)}/tips`, body),
    onSuccess: async () => void (await refresh()),
  });
}

export function useDeleteTip() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (tipId: string) => api<void>('DELETE', `${base}/tips/${enc(tipId)}`), onSuccess: async () => void (await refresh()) });
}

export function useSuggestResource() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ResourceBody) => api<{ id: string; status: string }>('POST', `${base}/suggestions`, body),
    onSuccess: async () => void (await refresh()),
  });
}

// ── Reviewers: decisions ──

/** A decision takes the item off the work list at once; the refetch that follows confirms it. */
function useDecision(path: (id: string) => string, list: keyof Pick<WorkList, 'suggestions' | 'tips' | 'strategies'>, alsoRefresh: readonly string[][] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Decision) => api<unknown>('POST', path(id), body),
    onSuccess: async (_, { id }) => {
      queryClient.setQueryData<WorkList | null>(keys.review, (w) => w && { ...w, [list]: w[list].filter((item) => item.id !== id) });
      await Promise.all([root, ...alsoRefresh].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export const useReviewTip = () => useDecision((id) => `${base}/tips/${enc(id)}/review`, 'tips');
export const useReviewSuggestion = () => useDecision((id) => `${base}/${enc(id)}/review`, 'suggestions');
/** Members' strategies are reviewed here too; the library's own pages read them under their own key. */
export const useReviewStrategy = () => useDecision((id) => `/api/v1/coping-strategies/${enc(id)}/review`, 'strategies', [['coping-library']]);

// ── Coordinators: entries, settings, import ──

export function useSaveResource(id?: string) {
  const refresh = useRefresh();
  return useMutation({
    // A change is sent whole: the server merges it with the entry and checks the result as a new entry.
    mutationFn: (body: ResourceBody) => (id ? api<Resource>('PATCH', `${base}/${enc(id)}`, body) : api<Resource>('POST', base, body)),
    onSuccess: async () => void (await refresh()),
  });
}

export function useVerifyResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>('POST', `${base}/${enc(id)}/verify`, {}),
    onSuccess: async (_, id) => {
      queryClient.setQueryData<WorkList | null>(keys.review, (w) => w && { ...w, reverify: w.reverify.filter((r) => r.id !== id) });
      await queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

export function useArchiveResource() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api<void>('DELETE', `${base}/${enc(id)}`), onSuccess: async () => void (await refresh()) });
}

export const useResourceSettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api<ResourceSettings>('GET', '/api/v1/admin/resources/settings') });

export function useSaveResourceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof resourceSettingsBody>) => api<ResourceSettings>('PATCH', '/api/v1/admin/resources/settings', body),
    onSuccess: async (settings) => {
      queryClient.setQueryData(keys.settings, settings);
      // The re-verification period changes which entries are flagged.
      await queryClient.invalidateQueries({ queryKey: root });
    },
  });
}

export function useImportResources() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof resourceImportBody>) => api<ImportReport>('POST', '/api/v1/admin/resources/import', body),
    onSuccess: async (report) => {
      if (!report.dryRun) await refresh();
    },
  });
}

// ── Files (plain links: the browser downloads or opens them) ──

export const exportHref = (format: 'csv' | 'json') => `/api/v1/admin/resources/export?format=${format}`;

/** The printable sheet with the search's category and words, in the reader's language. */
export function sheetHref(filters: { q?: string; category?: string }): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  params.set('locale', currentLocale());
  return `${base}/sheet.pdf?${params}`;
}
