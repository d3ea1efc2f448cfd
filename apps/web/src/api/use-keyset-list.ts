import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';

/** A keyset-paginated list endpoint as one growing array with "load more". */
export function useKeysetList<T>(path: string, filters: Record<string, unknown>, limit = 50) {
  const query = useInfiniteQuery({
    queryKey: [path, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api<{ items: T[]; nextCursor: string | null }>(path, {
        query: { ...filters, limit, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
