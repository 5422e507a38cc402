import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Locale } from '../../../contracts/common.ts';
import type {
  adminCrisisResources,
  crisisResourcesBody,
  crisisSharing,
  escalationActionBody,
  escalationDetail,
  escalationList,
  escalationOutcome,
  escalationStats,
  mySos,
  onCallList,
  onCallShift,
  onCallShiftBody,
  responder,
  responderList,
  safetySettings,
  safetySettingsBody,
  sosBody,
} from '../../../contracts/safety.ts';
import { api } from '../../lib/api.ts';

export type MySos = z.infer<typeof mySos>;
export type EscalationSummary = z.infer<typeof escalationList>['escalations'][number];
export type EscalationDetail = z.infer<typeof escalationDetail>;
export type EscalationOutcome = z.infer<typeof escalationOutcome>;
export type OnCallShift = z.infer<typeof onCallShift>;
export type Responder = z.infer<typeof responder>;
export type SafetySettings = z.infer<typeof safetySettings>;
export type EscalationStats = z.infer<typeof escalationStats>;
export type AdminCrisisResources = z.infer<typeof adminCrisisResources>;

const keys = {
  sos: ['safety', 'sos'] as const,
  crisisSharing: ['safety', 'crisis-sharing'] as const,
  escalations: ['escalations'] as const,
  onCall: ['admin', 'on-call'] as const,
  responders: ['admin', 'responders'] as const,
  settings: ['admin', 'safety-settings'] as const,
  stats: (from: string, to: string) => ['admin', 'escalation-stats', from, to] as const,
  crisisLines: (locale: Locale) => ['admin', 'crisis-resources', locale] as const,
};

/** Each read is audited on the server, so while an SOS is open it is asked again every 10 seconds and no faster. */
export const SOS_POLL_MS = 10_000;

// ── The member's SOS ──

export const useMySos = () =>
  useQuery({
    queryKey: keys.sos,
    queryFn: () => api<MySos | null>('GET', '/api/v1/me/sos'),
    refetchInterval: (query) => (query.state.data ? SOS_POLL_MS : false),
  });

export function useRaiseSos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof sosBody>) => api<MySos>('POST', '/api/v1/sos', body),
    onSuccess: (sos) => queryClient.setQueryData(keys.sos, sos),
  });
}

export function useCancelSos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/api/v1/me/sos'),
    onSuccess: () => queryClient.setQueryData(keys.sos, null),
  });
}

export const useCrisisSharing = () => useQuery({ queryKey: keys.crisisSharing, queryFn: () => api<z.infer<typeof crisisSharing>>('GET', '/api/v1/me/sharing/crisis') });

export function useSetCrisisSharing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (safetyPlan: boolean) => api<z.infer<typeof crisisSharing>>('PUT', '/api/v1/me/sharing/crisis', { safetyPlan }),
    onSuccess: (data) => queryClient.setQueryData(keys.crisisSharing, data),
  });
}

// ── Responders ──

export const useEscalations = () =>
  useQuery({ queryKey: keys.escalations, queryFn: async () => (await api<z.infer<typeof escalationList>>('GET', '/api/v1/escalations')).escalations });

export const useEscalation = (id: string) =>
  useQuery({ queryKey: [...keys.escalations, id], queryFn: () => api<EscalationDetail>('GET', `/api/v1/escalations/${id}`) });

/** Every responder action answers with the escalation as it now stands; the inbox is refreshed too. */
function useEscalationAction<T>(id: string, fn: (arg: T) => Promise<EscalationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (detail) => {
      queryClient.setQueryData([...keys.escalations, id], detail);
      await queryClient.invalidateQueries({ queryKey: keys.escalations, exact: true });
    },
  });
}

export const useAcknowledge = (id: string) => useEscalationAction(id, () => api<EscalationDetail>('POST', `/api/v1/escalations/${id}/acknowledge`));
export const useLogAction = (id: string) =>
  useEscalationAction(id, (body: z.input<typeof escalationActionBody>) => api<EscalationDetail>('POST', `/api/v1/escalations/${id}/actions`, body));
export const useCloseEscalation = (id: string) =>
  useEscalationAction(id, (outcome: EscalationOutcome) => api<EscalationDetail>('POST', `/api/v1/escalations/${id}/close`, { outcome }));

// ── Coordinators ──

export const useOnCall = () => useQuery({ queryKey: keys.onCall, queryFn: async () => (await api<z.infer<typeof onCallList>>('GET', '/api/v1/admin/on-call')).shifts });

export function useAddShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof onCallShiftBody>) => api<OnCallShift>('POST', '/api/v1/admin/on-call', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.onCall }),
  });
}

export function useRemoveShift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/admin/on-call/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.onCall }),
  });
}

export const useResponders = () =>
  useQuery({ queryKey: keys.responders, queryFn: async () => (await api<z.infer<typeof responderList>>('GET', '/api/v1/admin/responders')).responders });

export function useSetCertified() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, certified }: { userId: string; certified: boolean }) => api<Responder>('PUT', `/api/v1/admin/responders/${userId}`, { certified }),
    // Shifts show whether their person is certified.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.responders }), queryClient.invalidateQueries({ queryKey: keys.onCall })]),
  });
}

export const useSafetySettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api<SafetySettings>('GET', '/api/v1/admin/safety-settings') });

export function useSaveSafetySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof safetySettingsBody>) => api<SafetySettings>('PUT', '/api/v1/admin/safety-settings', body),
    onSuccess: (data) => queryClient.setQueryData(keys.settings, data),
  });
}

export const useEscalationStats = (from: string, to: string) =>
  useQuery({
    queryKey: keys.stats(from, to),
    queryFn: () => api<EscalationStats>('GET', `/api/v1/admin/escalations/stats?${new URLSearchParams({ from, to })}`),
  });

export const useAdminCrisisResources = (locale: Locale) =>
  useQuery({ queryKey: keys.crisisLines(locale), queryFn: () => api<AdminCrisisResources>('GET', `/api/v1/admin/crisis-resources?locale=${locale}`) });

/** Replaces a language's lines (an empty list: back to the defaults); what members read is refreshed too. */
export function useSaveCrisisResources(locale: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof crisisResourcesBody>) => api<AdminCrisisResources>('PUT', `/api/v1/admin/crisis-resources/${locale}`, body),
    onSuccess: async (data) => {
      queryClient.setQueryData(keys.crisisLines(locale), data);
      await queryClient.invalidateQueries({ queryKey: ['crisis-resources'] });
    },
  });
}
