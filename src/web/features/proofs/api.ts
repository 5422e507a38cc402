import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attendanceProof, attendanceProofList, proofBody, proofEntry, proofVerification } from '../../../contracts/meetings.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { api } from '../../lib/api.ts';

export type AttendanceProof = z.infer<typeof attendanceProof>;
export type ProofEntry = z.infer<typeof proofEntry>;
export type ProofVerification = z.infer<typeof proofVerification>;

const keys = {
  all: ['attendance-proofs'] as const,
  one: (id: string) => ['attendance-proofs', id] as const,
  verification: (code: string) => ['proof-verification', code] as const,
};

export const useProofs = () =>
  useQuery({ queryKey: keys.all, queryFn: async () => (await api<z.infer<typeof attendanceProofList>>('GET', '/api/v1/me/attendance-proofs')).proofs });

export const useProof = (id: string) => useQuery({ queryKey: keys.one(id), queryFn: () => api<AttendanceProof>('GET', `/api/v1/me/attendance-proofs/${id}`) });

export function useIssueProof() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof proofBody>) => api<AttendanceProof>('POST', '/api/v1/me/attendance-proofs', body),
    onSuccess: (proof) => {
      queryClient.setQueryData(keys.one(proof.id), proof);
      return queryClient.invalidateQueries({ queryKey: keys.all, exact: true });
    },
  });
}

export function useRevokeProof() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/me/attendance-proofs/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** A plain link (the browser downloads it with the session cookie), in the language the page is shown in. */
export const proofPdfUrl = (id: string) => `/api/v1/me/attendance-proofs/${id}/pdf?lang=${currentLocale()}`;

/** Anyone's lookup; a 404 means unknown or revoked, which the page words alike. */
export const useVerification = (code: string) =>
  useQuery({ queryKey: keys.verification(code), queryFn: () => api<ProofVerification>('GET', `/api/v1/attendance-proofs/${encodeURIComponent(code)}`) });
