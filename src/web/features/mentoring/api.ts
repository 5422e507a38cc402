import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  agreement,
  agreementTerms,
  caseload,
  caseloadEntry,
  concern,
  concernBody,
  concernList,
  contact,
  contactBody,
  contactList,
  declineBody,
  endBody,
  feedbackBody,
  menteeRequest,
  MenteeRequestBody,
  MentorProfile,
  MentorProfileBody,
  Mentorship,
  mentorshipList,
  myRequest,
  pauseBody,
  Reason,
  Suggestion,
  suggestionList,
} from '../../../contracts/mentoring.ts';
import type { markReadBody, Notification, notificationList } from '../../../contracts/notifications.ts';
import { api, isApiError } from '../../lib/api.ts';

export type { MentorProfile, Mentorship, Reason, Suggestion };
export type MenteeRequest = z.infer<typeof menteeRequest>;
export type Agreement = z.infer<typeof agreement>;
export type AgreementVersion = NonNullable<Agreement['current']>;
export type AgreementTerms = z.infer<typeof agreementTerms>;
export type Contact = z.infer<typeof contact>;
export type Caseload = z.infer<typeof caseload>;
export type CaseloadEntry = z.infer<typeof caseloadEntry>;
export type Concern = z.infer<typeof concern>;
export type NotificationList = z.infer<typeof notificationList>;
export type { Notification };

/** Everything mentoring lives under one key: any change in a relationship refreshes every view of it. */
const root = ['mentoring'] as const;
const keys = {
  profile: [...root, 'profile'],
  request: [...root, 'request'],
  suggestions: [...root, 'suggestions'],
  mentorships: [...root, 'mentorships'],
  mentorship: (id: string) => [...root, 'mentorships', id],
  agreement: (id: string) => [...root, 'mentorships', id, 'agreement'],
  contacts: (id: string) => [...root, 'mentorships', id, 'contacts'],
  caseload: [...root, 'caseload'],
  concerns: [...root, 'concerns'],
  notifications: ['notifications'] as const,
};

/** The app's inbox is asked again this often while a page is open. */
export const NOTIFICATIONS_POLL_MS = 60_000;

/** A 404 (nothing there, or not theirs) read as "nothing". */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (err) {
    if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
    throw err;
  }
}

/** After any change: every mentoring view, the mentor's list of mentees (journey) and the inbox may have moved. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: root }),
      queryClient.invalidateQueries({ queryKey: ['mentees'] }),
      queryClient.invalidateQueries({ queryKey: keys.notifications }),
    ]);
}

function useMentoringMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const refresh = useRefreshAll();
  return useMutation({ mutationFn: fn, onSuccess: async () => void (await refresh()) });
}

/**
 * Runs a mutation, then `then` with its answer, even when the component that started it is gone by then: a change
 * often replaces the very buttons that made it (TanStack Query drops `mutate`'s own callbacks on unmount). A failure
 * stays on the mutation's state, where the component shows it.
 */
export function act<A, R>(mutation: { mutateAsync: (arg: A) => Promise<R> }, arg: A, then: (result: R) => void) {
  mutation.mutateAsync(arg).then(then, () => undefined);
}

// ── Mentor profile (peer supporters) ──

export const useMentorProfile = (enabled = true) =>
  useQuery({ queryKey: keys.profile, enabled, queryFn: () => orNull(api<MentorProfile>('GET', '/api/v1/mentoring/profile')) });

export function useSaveMentorProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MentorProfileBody) => api<MentorProfile>('PUT', '/api/v1/mentoring/profile', body),
    onSuccess: async (data) => {
      queryClient.setQueryData(keys.profile, data);
      await queryClient.invalidateQueries({ queryKey: keys.caseload });
    },
  });
}

// ── The mentee's request and suggestions ──

export const useMyRequest = (enabled = true) =>
  useQuery({ queryKey: keys.request, enabled, queryFn: async () => (await api<z.infer<typeof myRequest>>('GET', '/api/v1/mentoring/request')).request });

export const useSaveRequest = () => useMentoringMutation((body: MenteeRequestBody) => api<MenteeRequest>('PUT', '/api/v1/mentoring/request', body));
export const useWithdrawRequest = () => useMentoringMutation(() => api<void>('DELETE', '/api/v1/mentoring/request'));

export const useSuggestions = (enabled: boolean) =>
  useQuery({
    queryKey: keys.suggestions,
    enabled,
    queryFn: async () => (await api<z.infer<typeof suggestionList>>('GET', '/api/v1/mentoring/suggestions')).suggestions,
    // Places fill up and mentors stop accepting: never show an old list.
    staleTime: 0,
  });

export const useAskMentor = () => useMentoringMutation((mentorId: string) => api<Mentorship>('POST', '/api/v1/mentorships', { mentorId }));

// ── Relationships ──

export const useMentorships = (enabled = true) =>
  useQuery({ queryKey: keys.mentorships, enabled, queryFn: async () => (await api<z.infer<typeof mentorshipList>>('GET', '/api/v1/mentorships')).mentorships });

export const useMentorship = (id: string) => useQuery({ queryKey: keys.mentorship(id), queryFn: () => orNull(api<Mentorship>('GET', `/api/v1/mentorships/${encodeURIComponent(id)}`)) });

const path = (id: string, rest = '') => `/api/v1/mentorships/${encodeURIComponent(id)}${rest}`;

export const useAccept = () => useMentoringMutation((id: string) => api<Mentorship>('POST', path(id, '/accept')));
export const useDecline = () =>
  useMentoringMutation(({ id, ...body }: { id: string } & z.input<typeof declineBody>) => api<Mentorship>('POST', path(id, '/decline'), body));
export const useCancelAsk = () => useMentoringMutation((id: string) => api<Mentorship>('POST', path(id, '/cancel')));
export const usePause = (id: string) => useMentoringMutation((body: z.input<typeof pauseBody>) => api<Mentorship>('POST', path(id, '/pause'), body));
export const useResume = (id: string) => useMentoringMutation((body: z.input<typeof pauseBody>) => api<Mentorship>('POST', path(id, '/resume'), body));
export const useEnd = (id: string) => useMentoringMutation((body: z.input<typeof endBody>) => api<Mentorship>('POST', path(id, '/end'), body));

// ── Agreement ──

export const useAgreement = (id: string, enabled: boolean) =>
  useQuery({ queryKey: keys.agreement(id), enabled, queryFn: () => orNull(api<Agreement>('GET', path(id, '/agreement'))) });
export const useProposeAgreement = (id: string) => useMentoringMutation((terms: AgreementTerms) => api<Agreement>('PUT', path(id, '/agreement'), terms));
export const useSignAgreement = (id: string) => useMentoringMutation((version: number) => api<Mentorship>('POST', path(id, '/agreement/sign'), { version }));

// ── Contact log and feedback ──

export const useContacts = (id: string, enabled: boolean) =>
  useQuery({ queryKey: keys.contacts(id), enabled, queryFn: async () => api<z.infer<typeof contactList>>('GET', path(id, '/contacts')) });
export const useLogContact = (id: string) => useMentoringMutation((body: z.input<typeof contactBody>) => api<Contact>('POST', path(id, '/contacts'), body));
export const useRateContact = (id: string) =>
  useMentoringMutation(({ contactId, ...body }: { contactId: string } & z.input<typeof feedbackBody>) =>
    api<Contact>('PUT', path(id, `/contacts/${encodeURIComponent(contactId)}/feedback`), body),
  );

// ── Caseload and concerns (peer supporters) ──

export const useCaseload = () => useQuery({ queryKey: keys.caseload, queryFn: () => api<Caseload>('GET', '/api/v1/mentoring/caseload') });

export const useMyConcerns = (enabled: boolean) =>
  useQuery({ queryKey: keys.concerns, enabled, queryFn: async () => (await api<z.infer<typeof concernList>>('GET', '/api/v1/mentoring/concerns?status=all')).concerns });
export const useRaiseConcern = (id: string) => useMentoringMutation((body: z.input<typeof concernBody>) => api<Concern>('POST', path(id, '/concerns'), body));

// ── Notifications ──

/** The inbox; the nav's unread count reads the same query, so it is asked again every minute on every page. */
export const useNotifications = (enabled = true) =>
  useQuery({
    queryKey: keys.notifications,
    enabled,
    queryFn: () => api<NotificationList>('GET', '/api/v1/me/notifications'),
    refetchInterval: NOTIFICATIONS_POLL_MS,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof markReadBody>) => api<void>('POST', '/api/v1/me/notifications/read', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.notifications }),
  });
}
