// The session context and what ends it, framework-agnostic: React's hooks for it are in auth.ts.

import type { Query, QueryClient } from '@tanstack/react-query';
import { contextQueryKey, invalidateMatching, isMizanQueryKey, resetAllContexts } from './cache';
import { isMizanError } from './errors';

/** Who is signed in: the user's name and which of the application's roles it holds. */
export interface Session {
  user: string;
  roles: string[];
}

/** The arguments of `auth.login`. */
export interface Credentials {
  username: string;
  password: string;
}

/** The name of the context that says who is signed in. */
export const SESSION_CONTEXT = 'auth.session';

/**
 * Acts whenever a call or a context read fails with 401: the session ended (it timed out, or the
 * user signed out in another tab). When the cache holds a signed-in `auth.session`, every context is
 * reset (as at sign-out: nothing read for that user stays) and read again; otherwise `auth.session`
 * is refetched, so the page stops claiming a user. Returns the function that stops watching.
 * `MizanProvider` does this for its QueryClient.
 *
 * @example
 * const stop = watchSessionEnd(queryClient);
 */
export function watchSessionEnd(queryClient: QueryClient): () => void {
  const refetch = (error: unknown) => {
    if (!isMizanError(error) || error.status !== 401) return;
    // someone was signed in: what was read for them must not stay on screen
    const session = queryClient.getQueryData<Session | null>(contextQueryKey(SESSION_CONTEXT));
    void (session ? resetAllContexts(queryClient) : invalidateMatching(queryClient, isSessionQuery));
  };
  const stopQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && !isSessionQuery(event.query)) {
      refetch(event.action.error);
    }
  });
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') refetch(event.action.error);
  });
  return () => {
    stopQueries();
    stopMutations();
  };
}

function isSessionQuery(query: Query): boolean {
  const key = query.queryKey;
  return isMizanQueryKey(key) && key[1] === SESSION_CONTEXT;
}
