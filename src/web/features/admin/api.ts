import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditList, createdInvite, createInviteBody, inviteList, RegistrationMode, settings, userList } from '../../../contracts/admin.ts';
import type { Role } from '../../../contracts/common.ts';
import { api } from '../../lib/api.ts';
import { instanceKey } from '../instance/api.ts';

type UserList = z.infer<typeof userList>;
export type AdminUser = UserList['users'][number];
export type Invite = z.infer<typeof inviteList>['invites'][number];
export type CreatedInvite = z.infer<typeof createdInvite>;
export type AuditEntry = z.infer<typeof auditList>['entries'][number];

export const PAGE_SIZE = 25;

export function useUsers(filter: { q: string; role: Role | ''; offset: number }) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(filter.offset) });
  if (filter.q) params.set('q', filter.q);
  if (filter.role) params.set('role', filter.role);
  return useQuery({
    queryKey: ['admin', 'users', filter],
    queryFn: () => api<UserList>('GET', `/api/v1/admin/users?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useSetRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: Role[] }) => api<AdminUser>('PUT', `/api/v1/admin/users/${id}/roles`, { roles }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export const useInvites = () =>
  useQuery({ queryKey: ['admin', 'invites'], queryFn: () => api<z.infer<typeof inviteList>>('GET', '/api/v1/admin/invites') });

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createInviteBody>) => api<CreatedInvite>('POST', '/api/v1/admin/invites', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/v1/admin/invites/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export const useSettings = () =>
  useQuery({ queryKey: ['admin', 'settings'], queryFn: () => api<z.infer<typeof settings>>('GET', '/api/v1/admin/settings') });

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (registrationMode: RegistrationMode) => api<z.infer<typeof settings>>('PATCH', '/api/v1/admin/settings', { registrationMode }),
    onSuccess: async (data) => {
      queryClient.setQueryData(['admin', 'settings'], data);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'audit'] });
      await queryClient.invalidateQueries({ queryKey: instanceKey });
    },
  });
}

export function useAuditLog(offset: number) {
  return useQuery({
    queryKey: ['admin', 'audit', offset],
    queryFn: () => api<z.infer<typeof auditList>>('GET', `/api/v1/admin/audit-log?limit=${PAGE_SIZE}&offset=${offset}`),
    placeholderData: keepPreviousData,
  });
}
