import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  checkIn,
  CheckInBody,
  checkInList,
  copingStrategy,
  copingStrategyBody,
  createTrackBody,
  crisisResources,
  goal,
  goalBody,
  goalPatchBody,
  menteeJourney,
  menteeList,
  recoveryProfile,
  recoveryProfileBody,
  resetBody,
  safetyPlan,
  safetyPlanBody,
  savedCheckIn,
  shareCategory,
  sharing,
  sobrietySummary,
  sobrietyTrack,
  stage,
  updateTrackBody,
} from '../../../contracts/journey.ts';
import { api, apiText, isApiError } from '../../lib/api.ts';
import { currentLocale } from '../../i18n/setup.ts';

export type RecoveryProfile = z.infer<typeof recoveryProfile>;
export type SobrietySummary = z.infer<typeof sobrietySummary>;
export type SobrietyTrack = z.infer<typeof sobrietyTrack>;
export type CheckIn = z.infer<typeof checkIn>;
export type CheckInList = z.infer<typeof checkInList>;
export type SavedCheckIn = z.infer<typeof savedCheckIn>;
export type Goal = z.infer<typeof goal>;
export type CopingStrategy = z.infer<typeof copingStrategy>;
export type SafetyPlan = z.infer<typeof safetyPlan>;
export type Sharing = z.infer<typeof sharing>;
export type CrisisResource = z.infer<typeof crisisResources>['resources'][number];
export type Stage = z.infer<typeof stage>;
export type ShareCategory = z.infer<typeof shareCategory>;
export type MenteeJourney = z.infer<typeof menteeJourney>;

/** Everything of the member's own journey lives under this key, so a change can refresh what depends on it. */
const journeyKey = ['journey'] as const;
const keys = {
  profile: [...journeyKey, 'profile'],
  sobriety: [...journeyKey, 'sobriety'],
  checkIns: (from: string, to: string) => [...journeyKey, 'check-ins', from, to],
  allCheckIns: [...journeyKey, 'check-ins'],
  goals: [...journeyKey, 'goals'],
  toolbox: [...journeyKey, 'toolbox'],
  safetyPlan: [...journeyKey, 'safety-plan'],
  sharing: [...journeyKey, 'sharing'],
} as const;

// ── Recovery profile ──

export const useRecoveryProfile = () => useQuery({ queryKey: keys.profile, queryFn: () => api<RecoveryProfile>('GET', '/api/v1/me/recovery-profile') });

export function useSaveRecoveryProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof recoveryProfileBody>) => api<RecoveryProfile>('PUT', '/api/v1/me/recovery-profile', body),
    onSuccess: (data) => queryClient.setQueryData(keys.profile, data),
  });
}

export function useSetStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: Stage) => api<RecoveryProfile>('POST', '/api/v1/me/stage', { stage: value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.profile }),
  });
}

// ── Sobriety ──

export const useSobriety = () => useQuery({ queryKey: keys.sobriety, queryFn: () => api<SobrietySummary>('GET', '/api/v1/me/sobriety') });

/** Every change to a recovery date answers with the whole summary, which replaces the cached one. */
function useSobrietyMutation<T>(fn: (body: T) => Promise<SobrietySummary>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (summary) => {
      queryClient.setQueryData(keys.sobriety, summary);
      // The chart marks setbacks.
      await queryClient.invalidateQueries({ queryKey: keys.allCheckIns });
    },
  });
}

export const useCreateTrack = () =>
  useSobrietyMutation((body: z.input<typeof createTrackBody>) => api<SobrietySummary>('POST', '/api/v1/me/sobriety/tracks', body));
export const useUpdateTrack = () =>
  useSobrietyMutation(({ id, ...body }: { id: string } & z.input<typeof updateTrackBody>) => api<SobrietySummary>('PATCH', `/api/v1/me/sobriety/tracks/${id}`, body));
export const useRecordSetback = () => useSobrietyMutation((body: z.input<typeof resetBody>) => api<SobrietySummary>('POST', '/api/v1/me/sobriety/reset', body));

// ── Check-ins ──

export function useCheckIns(from: string, to: string) {
  return useQuery({
    queryKey: keys.checkIns(from, to),
    queryFn: () => api<CheckInList>('GET', `/api/v1/me/check-ins?${new URLSearchParams({ from, to })}`),
  });
}

export function useSaveCheckIn(date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckInBody) => api<SavedCheckIn>('PUT', `/api/v1/me/check-ins/${date}`, body),
    // Goals count check-ins and meetings: both may have moved.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.allCheckIns }), queryClient.invalidateQueries({ queryKey: keys.goals })]),
  });
}

/**
 * The server-rendered chart of mood and craving, as a data: URL for an <img>: it is cached and refreshed with the
 * check-ins (a plain src would keep showing the browser's copy after a new check-in), and the CSP allows data: images.
 */
export function useChart(days: 30 | 90) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...keys.allCheckIns, 'chart', days, locale],
    queryFn: async () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await apiText(`/api/v1/me/check-ins/chart.svg?days=${days}`, 'image/svg+xml'))}`,
  });
}

// ── Goals ──

export const useGoals = () => useQuery({ queryKey: keys.goals, queryFn: async () => (await api<{ goals: Goal[] }>('GET', '/api/v1/me/goals')).goals });

function useGoalMutation<T>(fn: (arg: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.goals }) });
}

export const useCreateGoal = () => useGoalMutation((body: z.input<typeof goalBody>) => api<Goal>('POST', '/api/v1/me/goals', body));
export const useUpdateGoal = () => useGoalMutation(({ id, ...body }: { id: string } & z.input<typeof goalPatchBody>) => api<Goal>('PATCH', `/api/v1/me/goals/${id}`, body));
export const useDeleteGoal = () => useGoalMutation((id: string) => api<void>('DELETE', `/api/v1/me/goals/${id}`));
export const useAddGoalEntry = () =>
  useGoalMutation(({ id, date, amount }: { id: string; date: string; amount: number }) => api<Goal>('POST', `/api/v1/me/goals/${id}/entries`, { date, amount }));

// ── Coping toolbox ──

export const useToolbox = () =>
  useQuery({ queryKey: keys.toolbox, queryFn: async () => (await api<{ strategies: CopingStrategy[] }>('GET', '/api/v1/me/coping-strategies')).strategies });

function useToolboxMutation<T>(fn: (arg: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.toolbox }) });
}

type StrategyBody = z.input<typeof copingStrategyBody>;
export const useAddStrategy = () => useToolboxMutation((body: StrategyBody) => api<CopingStrategy>('POST', '/api/v1/me/coping-strategies', body));
export const useUpdateStrategy = () =>
  useToolboxMutation(({ id, ...body }: { id: string } & StrategyBody) => api<CopingStrategy>('PUT', `/api/v1/me/coping-strategies/${id}`, body));
export const useDeleteStrategy = () => useToolboxMutation((id: string) => api<void>('DELETE', `/api/v1/me/coping-strategies/${id}`));
export function useReorderStrategies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api<{ strategies: CopingStrategy[] }>('PUT', '/api/v1/me/coping-strategies/order', { ids }),
    onSuccess: (data) => queryClient.setQueryData(keys.toolbox, data.strategies),
  });
}

// ── Safety plan ──

export const useSafetyPlan = () => useQuery({ queryKey: keys.safetyPlan, queryFn: () => api<SafetyPlan>('GET', '/api/v1/me/safety-plan') });

export function useSaveSafetyPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof safetyPlanBody>) => api<SafetyPlan>('PUT', '/api/v1/me/safety-plan', body),
    onSuccess: (data) => queryClient.setQueryData(keys.safetyPlan, data),
  });
}

// ── Sharing ──

export const useSharing = () => useQuery({ queryKey: keys.sharing, queryFn: () => api<Sharing>('GET', '/api/v1/me/sharing') });

/** The checkbox follows the tap at once; the server's answer (with the history) replaces it, or an error undoes it. */
export function useSetSharing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ category, mentor }: { category: ShareCategory; mentor: boolean }) => api<Sharing>('PUT', `/api/v1/me/sharing/${category}`, { mentor }),
    onMutate: async ({ category, mentor }) => {
      await queryClient.cancelQueries({ queryKey: keys.sharing });
      const before = queryClient.getQueryData<Sharing>(keys.sharing);
      if (before) queryClient.setQueryData<Sharing>(keys.sharing, { ...before, mentor: { ...before.mentor, [category]: mentor } });
      return { before };
    },
    onError: (_err, _vars, context) => {
      if (context?.before) queryClient.setQueryData(keys.sharing, context.before);
    },
    onSuccess: (data) => queryClient.setQueryData(keys.sharing, data),
  });
}

// ── Crisis resources: public, in the reader's language ──

export function useCrisisResources() {
  const locale = currentLocale();
  return useQuery({
    queryKey: ['crisis-resources', locale],
    queryFn: async () => (await api<{ resources: CrisisResource[] }>('GET', '/api/v1/crisis-resources')).resources,
    staleTime: 60 * 60_000,
  });
}

/** Loads what a hard moment needs before it happens, so the support shows at once instead of behind a spinner. */
export function usePrefetchSupport() {
  useCrisisResources();
  useToolbox();
  useSafetyPlan();
}

// ── The mentor's view: only what each mentee shares, read fresh every time ──

export const useMentees = (enabled = true) =>
  useQuery({ queryKey: ['mentees'], enabled, queryFn: async () => (await api<z.infer<typeof menteeList>>('GET', '/api/v1/mentees')).mentees });

export function useMenteeJourney(id: string) {
  return useQuery({
    queryKey: ['mentees', id, 'journey'],
    queryFn: async () => {
      try {
        return await api<MenteeJourney>('GET', `/api/v1/mentees/${encodeURIComponent(id)}/journey`);
      } catch (err) {
        // Not (or no longer) their mentor, or an id that is not one: the same "not found".
        if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
        throw err;
      }
    },
    // Consent can be revoked at any moment: never show an old copy.
    staleTime: 0,
    gcTime: 0,
  });
}
