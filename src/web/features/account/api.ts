import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { changePasswordBody, Me, SignUpBody, updateMeBody } from '../../../contracts/accounts.ts';
import { api, isApiError } from '../../lib/api.ts';

export const meKey = ['me'] as const;

/** The signed-in person, or null when signed out (the API answers 401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/api/v1/me');
      } catch (err) {
        if (isApiError(err, 'unauthenticated')) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Me>('POST', '/api/v1/auth/sign-in', body),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

/**
 * Signs out, then loads the home page afresh: nothing the person saw (query cache, form state) survives in
 * memory for whoever uses this device next, and no page that needs a session gets to react in between.
 */
export const useSignOut = () =>
  useMutation({
    mutationFn: () => api<void>('POST', '/api/v1/auth/sign-out'),
    onSuccess: () => window.location.assign('/'),
  });

export const useSignUp = () =>
  useMutation({ mutationFn: (body: SignUpBody) => api<{ status: 'accepted' }>('POST', '/api/v1/auth/sign-up', body) });

export const useVerifyEmail = () =>
  useMutation({ mutationFn: (token: string) => api<{ status: 'accepted' }>('POST', '/api/v1/auth/verify-email', { token }) });

export const useResendVerification = () =>
  useMutation({ mutationFn: (email: string) => api<{ status: 'accepted' }>('POST', '/api/v1/auth/resend-verification', { email }) });

export const useRequestPasswordReset = () =>
  useMutation({ mutationFn: (email: string) => api<{ status: 'accepted' }>('POST', '/api/v1/auth/request-password-reset', { email }) });

export const useResetPassword = () =>
  useMutation({ mutationFn: (body: { token: string; password: string }) => api<void>('POST', '/api/v1/auth/reset-password', body) });

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateMeBody>) => api<Me>('PATCH', '/api/v1/me', body),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

export const useChangePassword = () =>
  useMutation({ mutationFn: (body: z.input<typeof changePasswordBody>) => api<void>('POST', '/api/v1/me/password', body) });

/** Checks an invitation link before the sign-up form is shown; null when it is not (or no longer) usable. */
export function useInviteCheck(token: string | null) {
  return useQuery({
    queryKey: ['invite', token],
    enabled: token !== null,
    retry: false,
    queryFn: async () => {
      try {
        return await api<{ valid: true; email: string | null }>('GET', `/api/v1/invites/${encodeURIComponent(token!)}`);
      } catch (err) {
        if (isApiError(err, 'not_found') || isApiError(err, 'validation_failed')) return null;
        throw err;
      }
    },
  });
}
