import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { endpointPath, type Endpoint, type EndpointInput, type EndpointResponse } from '@yiyang/contracts';
import { api } from './client';

export interface CallOptions {
  /** For an endpoint marked idempotent: the key of this submission (`useSubmissionKey`). */
  idempotencyKey?: string;
}

/** Calls an endpoint through `request()` (language, idempotency key, ApiError on an error answer). */
export function call<E extends Endpoint>(
  endpoint: E,
  input: EndpointInput<E>,
  options: CallOptions = {},
): Promise<EndpointResponse<E>> {
  const { params, query, body } = input as { params?: object; query?: object; body?: unknown };
  return api<EndpointResponse<E>>(endpointPath(endpoint, params as Record<string, unknown>), {
    method: endpoint.method,
    query: query as Record<string, unknown> | undefined,
    body,
    idempotencyKey: options.idempotencyKey,
  });
}

/**
 * The query key of a read: the path with its parameters filled in, then the query if any. The
 * path comes first so that live updates (`live-event-queries.ts`) and writes find the reads by
 * path prefix, as they do for keys written by hand.
 */
export function endpointKey<E extends Endpoint>(endpoint: E, input: EndpointInput<E>): QueryKey {
  const { params, query } = input as { params?: Record<string, unknown>; query?: object };
  const path = endpointPath(endpoint, params);
  return query === undefined ? [path] : [path, query];
}

/** A read of an endpoint, cached under `endpointKey`. */
export function useEndpointQuery<E extends Endpoint>(
  endpoint: E,
  input: EndpointInput<E>,
  options: Omit<UseQueryOptions<EndpointResponse<E>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery({
    queryKey: endpointKey(endpoint, input),
    queryFn: () => call(endpoint, input),
    ...options,
  });
}

type PageItem<E extends Endpoint> = EndpointResponse<E> extends { items: (infer T)[] } ? T : never;

/** A keyset-paginated list endpoint as one growing array with "load more" (`useKeysetList`). */
export function useEndpointList<E extends Endpoint>(endpoint: E, input: EndpointInput<E>, limit = 50) {
  const { params, query } = input as { params?: Record<string, unknown>; query?: object };
  const path = endpointPath(endpoint, params);
  const list = useInfiniteQuery({
    queryKey: [path, query ?? {}],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(endpoint, {
        ...input,
        query: { ...query, limit, cursor: pageParam },
      } as EndpointInput<E>) as Promise<{ items: PageItem<E>[]; nextCursor: string | null }>,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...list, items: list.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** Whether a read at `read` may show what a write at `written` changed: the same path, above or below it. */
export function pathsOverlap(read: string, written: string): boolean {
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);
  return within(read, written) || within(written, read);
}

/**
 * A write to an endpoint. On success the cached reads at its path, above it (the list) and below
 * it are marked stale, so a page need not refetch by hand; live updates do the same for others'
 * writes.
 */
export function useEndpointMutation<E extends Endpoint>(endpoint: E) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EndpointInput<E> & CallOptions) => call(endpoint, input, input),
    onSuccess: async (_answer, input) => {
      const written = endpointPath(endpoint, (input as { params?: Record<string, unknown> }).params);
      await client.invalidateQueries({
        predicate: (query) =>
          typeof query.queryKey[0] === 'string' && pathsOverlap(query.queryKey[0], written),
      });
    },
  });
}
