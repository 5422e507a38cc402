import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  concern,
  concernCloseBody,
  concernList,
  feedbackSummary,
  introductionsBody,
  introductionsResult,
  mentorAdminBody,
  MentoringSettings,
  mentoringSettingsBody,
  MentorProfile,
  mentorList,
  MenteeRequest,
  Proposal,
  requestList,
} from '../../../contracts/mentoring.ts';
import { api } from '../../lib/api.ts';

/** The coordinators' side of mentoring: the waiting pool, program-wide matching, mentors, settings, feedback, concerns. */

export type { MenteeRequest, MentoringSettings, MentorProfile, Proposal };
export type ProposalPair = Proposal['pairs'][number];
export type IntroductionsResult = z.infer<typeof introductionsResult>;
export type FeedbackSummary = z.infer<typeof feedbackSummary>;
export type MentorFeedback = FeedbackSummary['mentors'][number];
export type Concern = z.infer<typeof concern>;
export type ConcernFilter = 'open' | 'all';

const keys = {
  all: ['admin', 'mentoring'] as const,
  requests: ['admin', 'mentoring', 'requests'] as const,
  mentors: ['admin', 'mentoring', 'mentors'] as const,
  settings: ['admin', 'mentoring', 'settings'] as const,
  feedback: ['admin', 'mentoring', 'feedback'] as const,
  concerns: ['admin', 'mentoring', 'concerns'] as const,
};

// ── The waiting pool and program-wide matching ──

export const useMentoringRequests = () =>
  useQuery({ queryKey: keys.requests, queryFn: async () => (await api<z.infer<typeof requestList>>('GET', '/api/v1/mentoring/requests')).requests });

/** A proposal is computed on request (it reads the whole pool), so it is a mutation, never cached or refetched. */
export const useProposeMatches = () => useMutation({ mutationFn: () => api<Proposal>('POST', '/api/v1/mentoring/proposal', {}) });

export function useSendIntroductions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof introductionsBody>) => api<IntroductionsResult>('POST', '/api/v1/mentoring/introductions', body),
    // Requests are now pending and mentors' places are taken.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

// ── Mentors ──

export const useMentors = () =>
  useQuery({ queryKey: keys.mentors, queryFn: async () => (await api<z.infer<typeof mentorList>>('GET', '/api/v1/mentoring/mentors')).mentors });

export function useUpdateMentor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & z.input<typeof mentorAdminBody>) => api<MentorProfile>('PATCH', `/api/v1/mentoring/mentors/${id}`, body),
    onSuccess: (profile) => {
      queryClient.setQueryData<MentorProfile[]>(keys.mentors, (list) => list?.map((m) => (m.userId === profile.userId ? profile : m)));
    },
  });
}

// ── Settings ──

export const useMentoringSettings = () => useQuery({ queryKey: keys.settings, queryFn: () => api<MentoringSettings>('GET', '/api/v1/mentoring/settings') });

export function useSaveMentoringSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof mentoringSettingsBody>) => api<MentoringSettings>('PATCH', '/api/v1/mentoring/settings', body),
    onSuccess: (settings) => queryClient.setQueryData(keys.settings, settings),
  });
}

// ── Feedback ──

export const useFeedbackSummary = () => useQuery({ queryKey: keys.feedback, queryFn: () => api<FeedbackSummary>('GET', '/api/v1/mentoring/feedback') });

// ── Concerns ──

export const useConcerns = (status: ConcernFilter) =>
  useQuery({
    queryKey: [...keys.concerns, status],
    queryFn: async () => (await api<z.infer<typeof concernList>>('GET', `/api/v1/mentoring/concerns?status=${status}`)).concerns,
  });

function useConcernAction<T>(fn: (arg: T) => Promise<Concern>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.concerns }) });
}

export const useAcknowledgeConcern = () => useConcernAction((id: string) => api<Concern>('POST', `/api/v1/mentoring/concerns/${id}/acknowledge`));
export const useCloseConcern = () =>
  useConcernAction(({ id, ...body }: { id: string } & z.input<typeof concernCloseBody>) => api<Concern>('POST', `/api/v1/mentoring/concerns/${id}/close`, body));
