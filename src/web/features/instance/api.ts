import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me, setupBody } from '../../../contracts/accounts.ts';
import type { InstanceInfo } from '../../../contracts/instance.ts';
import { api } from '../../lib/api.ts';
import { meKey } from '../account/api.ts';

export const instanceKey = ['instance'] as const;

export function useInstance() {
  return useQuery({ queryKey: instanceKey, queryFn: () => api<InstanceInfo>('GET', '/api/v1/instance'), staleTime: 60_000 });
}

/** Creates the first coordinator; the server signs them in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof setupBody>) => api<Me>('POST', '/api/v1/setup', body),
    onSuccess: async (me) => {
      queryClient.setQueryData(meKey, me);
      await queryClient.invalidateQueries({ queryKey: instanceKey });
    },
  });
}
