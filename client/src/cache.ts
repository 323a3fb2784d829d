// Contexts in the TanStack Query cache, and invalidation keys applied to it.

import { QueryClient } from '@tanstack/react-query';
import type { Query, QueryClientConfig, QueryKey, QueryFunctionContext } from '@tanstack/react-query';
import type { MizanClient } from './client';
import { isMizanError } from './errors';
import { isRecord } from './isRecord';
import { keyMatches, parseKey } from './keys';
import type { ParsedKey } from './keys';

/** First element of every Mizan query key (contexts) and mutation key (calls). */
export const QUERY_KEY_PREFIX = 'mizan';

/** Query key of a context entry: `['mizan', name, params]`. */
export type MizanQueryKey = readonly [typeof QUERY_KEY_PREFIX, string, Readonly<Record<string, unknown>>];

/**
 * The query key under which a context is cached. Params with `null`/`undefined` values are dropped,
 * so `{}` and `{ q: undefined }` name the same entry (as they do on the wire).
 *
 * @example
 * contextQueryKey('currentUser');               // ['mizan', 'currentUser', {}]
 * contextQueryKey('todos', { owner: 'bob' });   // ['mizan', 'todos', { owner: 'bob' }]
 * queryClient.getQueryData(contextQueryKey('currentUser'));
 */
export function contextQueryKey(name: string, params: object = {}): MizanQueryKey {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params) as [string, unknown][]) {
    if (v !== null && v !== undefined) clean[k] = v;
  }
  return [QUERY_KEY_PREFIX, name, clean];
}

/**
 * Whether a query key is one of Mizan's context keys.
 *
 * @example
 * queryClient.getQueryCache().findAll({ predicate: (q) => isMizanQueryKey(q.queryKey) });
 */
export function isMizanQueryKey(key: QueryKey): key is MizanQueryKey {
  return key.length === 3 && key[0] === QUERY_KEY_PREFIX && typeof key[1] === 'string' && isRecord(key[2]);
}

/**
 * Query options (key and fetch function) for a context, for `useQuery`, `prefetchQuery`,
 * `ensureQueryData` or a router loader.
 *
 * @example
 * await queryClient.prefetchQuery(contextQuery(mizan, 'greet', { name: 'Al' }));
 * const { data } = useQuery(contextQuery<Greeting>(mizan, 'greet', { name }));
 */
export function contextQuery<R>(
  client: MizanClient,
  name: string,
  params: object = {},
): { queryKey: MizanQueryKey; queryFn: (ctx: QueryFunctionContext<MizanQueryKey>) => Promise<R> } {
  const queryKey = contextQueryKey(name, params);
  return {
    queryKey,
    queryFn: ({ signal }) => client.context<R>(name, queryKey[2], { signal }),
  };
}

/**
 * A predicate for `invalidateQueries`/`refetchQueries`/`removeQueries` that selects exactly the
 * context entries covered by the given keys.
 *
 * @example
 * queryClient.removeQueries({ predicate: matchKeys(['currentUser']) });
 */
export function matchKeys(keys: readonly (string | ParsedKey)[]): (query: Query) => boolean {
  const parsed = keys.map((k) => (typeof k === 'string' ? parseKey(k) : k));
  return (query) => {
    const key = query.queryKey;
    if (!isMizanQueryKey(key)) return false;
    return parsed.some((p) => keyMatches(p, key[1], key[2]));
  };
}

/**
 * Applies invalidation keys to the query cache: exactly the matching context entries are marked
 * stale and the active ones refetched. Resolves when those refetches have settled.
 *
 * @example
 * const { result, invalidate } = await mizan.call('updateName', { userId: 5, name: 'Al' });
 * await invalidateKeys(queryClient, invalidate); // e.g. ["currentUser", "userProfile;userId=5"]
 */
export function invalidateKeys(queryClient: QueryClient, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return invalidateMatching(queryClient, matchKeys(keys));
}

/**
 * `invalidateQueries` for the entries `predicate` selects, including those whose first fetch is on
 * its way. TanStack Query lets such a fetch stand for the refetch (it restarts only a query that
 * already has data: TanStack/query#8530), so an answer read before the change would settle as
 * current: a context still loading when a mutation, a pushed key or a sign-in lands would show
 * what it was before. Those entries are invalidated once more when their first fetch has settled.
 */
export async function invalidateMatching(queryClient: QueryClient, predicate: (query: Query) => boolean): Promise<void> {
  const firstFetches = new Map<Query, Promise<unknown> | undefined>();
  for (const query of queryClient.getQueryCache().findAll({ predicate, fetchStatus: 'fetching' })) {
    if (query.state.data === undefined) firstFetches.set(query, query.promise);
  }
  await queryClient.invalidateQueries({ predicate });
  if (firstFetches.size === 0) return;
  await Promise.allSettled(firstFetches.values());
  await queryClient.invalidateQueries({ predicate: (query) => firstFetches.has(query) });
}

/** Invalidates every Mizan context in the cache, as `invalidateMatching` does: after pushes were missed. */
export function invalidateAllContexts(queryClient: QueryClient): Promise<void> {
  return invalidateMatching(queryClient, (query) => isMizanQueryKey(query.queryKey));
}

/**
 * Creates a QueryClient with defaults that suit Mizan: contexts are kept fresh by invalidation, so
 * data stays fresh for 30 s (hydrated data is not fetched again on mount), and client errors (4xx)
 * are not retried. `MizanProvider` uses it when no QueryClient is given.
 *
 * @example
 * const queryClient = createMizanQueryClient();
 * <MizanProvider queryClient={queryClient}>...</MizanProvider>
 */
/**
 * Forgets every Mizan context in the cache, for a change of caller: the values read for the caller
 * before are dropped (not kept on screen until the refetch, nor shown again when a component mounts),
 * a read under way is cancelled, and the contexts on screen are read again.
 */
export function resetAllContexts(queryClient: QueryClient): Promise<void> {
  return queryClient.resetQueries({ predicate: (query) => isMizanQueryKey(query.queryKey) });
}

export function createMizanQueryClient(config: QueryClientConfig = {}): QueryClient {
  const queries = config.defaultOptions?.queries;
  return new QueryClient({
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        staleTime: 30_000,
        // not a 4xx, three times at most, and not when the server asks to wait longer than the backoff would
        retry: (failureCount: number, error: unknown) =>
          !(isMizanError(error) && ((error.status >= 400 && error.status < 500) || (error.retryAfter ?? 0) > 30)) &&
          failureCount < 3,
        // as long as the server asks (a 503's Retry-After), else TanStack Query's own backoff
        retryDelay: (failureCount: number, error: unknown) =>
          isMizanError(error) && error.retryAfter !== undefined
            ? error.retryAfter * 1000
            : Math.min(1000 * 2 ** failureCount, 30_000),
        ...queries,
      },
    },
  });
}
