import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '@yiyang/domain';
import type { SessionUserDto } from '@yiyang/contracts';
import { api, ApiError } from './client';

export const ME_KEY = ['auth', 'me'];

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api<SessionUserDto>('/api/v1/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useCan() {
  const { data } = useMe();
  return (permission: Permission) => !!data?.permissions.includes(permission);
}

export function useSessionActions() {
  const client = useQueryClient();
  return {
    async login(username: string, password: string) {
      const me = await api<SessionUserDto>('/api/v1/auth/login', {
        method: 'POST',
        body: { username, password },
      });
      client.setQueryData(ME_KEY, me);
      return me;
    },
    async logout() {
      await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
    setMe(me: SessionUserDto) {
      client.setQueryData(ME_KEY, me);
    },
  };
}
