// Calls from React: mutations that apply the invalidation keys of each call to the query cache, so
// exactly the contexts it changed are refetched.

import { useCallback } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QUERY_KEY_PREFIX, invalidateKeys } from './cache';
import type { CallResult } from './client';
import { asMizanError } from './errors';
import type { MizanError } from './errors';
import { useMizanClient } from './react';

/** Callbacks of `useMizanMutation`, run after the invalidated contexts were refreshed. */
export interface MizanMutationOptions<A, R> {
  onSuccess?: ((result: R, args: A, invalidated: string[]) => unknown) | undefined;
  onError?: ((error: MizanError, args: A) => unknown) | undefined;
  onSettled?: ((result: R | undefined, error: MizanError | null, args: A) => unknown) | undefined;
  /**
   * Keep `isPending` true until the refetches of invalidated contexts have settled, so the UI never
   * shows the old data after a successful call. Default `true`.
   */
  awaitInvalidation?: boolean | undefined;
}

/** Per-call callbacks of `mutate`. */
export interface MizanMutateCallbacks<A, R> {
  onSuccess?: ((result: R, args: A) => void) | undefined;
  onError?: ((error: MizanError, args: A) => void) | undefined;
  onSettled?: ((result: R | undefined, error: MizanError | null, args: A) => void) | undefined;
}

/** What `useMizanMutation` returns. */
export interface MizanMutation<A, R> {
  /** Calls the function; errors land in `error` (and `onError`), never thrown. */
  mutate: (args: A, callbacks?: MizanMutateCallbacks<A, R>) => void;
  /** Calls the function and resolves to its result; rejects with a `MizanError`. */
  mutateAsync: (args: A) => Promise<R>;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: MizanError | null;
  /** Result of the last successful call. */
  data: R | undefined;
  /** Invalidation keys of the last successful call. */
  invalidated: string[];
  /** Arguments of the last call. */
  variables: A | undefined;
  reset: () => void;
}

const NO_KEYS: string[] = [];

/**
 * Calls a server function and applies the invalidation keys of each successful call to the query
 * cache, so exactly the contexts it changed are refetched.
 *
 * @example
 * const rename = useMizanMutation<{ userId: number; name: string }, UserView>('updateName');
 * rename.mutate({ userId: 5, name: 'Al' });
 * if (rename.error?.fieldError('name')) showError(rename.error.fieldError('name'));
 */
export function useMizanMutation<A = void, R = unknown>(
  name: string,
  options: MizanMutationOptions<A, R> = {},
): MizanMutation<A, R> {
  const client = useMizanClient();
  const queryClient = useQueryClient();
  const mutation = useMutation<CallResult<R>, MizanError, A>({
    mutationKey: [QUERY_KEY_PREFIX, 'call', name],
    mutationFn: async (args) => {
      try {
        return await client.call<R>(name, args);
      } catch (error) {
        throw asMizanError(error);
      }
    },
    onSuccess: async (data, args) => {
      const refreshed = invalidateKeys(queryClient, data.invalidate);
      if (options.awaitInvalidation !== false) await refreshed;
      await options.onSuccess?.(data.result, args, data.invalidate);
    },
    // TanStack Query awaits what these return
    onError: (error, args) => options.onError?.(error, args),
    onSettled: (data, error, args) => options.onSettled?.(data?.result, error, args),
  });

  const { mutate: rawMutate, mutateAsync: rawMutateAsync } = mutation;
  const mutate = useCallback(
    (args: A, callbacks?: MizanMutateCallbacks<A, R>) =>
      callbacks
        ? rawMutate(args, {
            onSuccess: (data, vars) => callbacks.onSuccess?.(data.result, vars),
            onError: (error, vars) => callbacks.onError?.(error, vars),
            onSettled: (data, error, vars) => callbacks.onSettled?.(data?.result, error, vars),
          })
        : rawMutate(args),
    [rawMutate],
  );
  const mutateAsync = useCallback(async (args: A) => (await rawMutateAsync(args)).result, [rawMutateAsync]);

  return {
    mutate,
    mutateAsync,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    isError: mutation.isError,
    error: mutation.error,
    data: mutation.data?.result,
    invalidated: mutation.data?.invalidate ?? NO_KEYS,
    variables: mutation.variables,
    reset: mutation.reset,
  };
}

/**
 * A function that applies invalidation keys to the query cache (for keys that arrive another way,
 * such as a view-path response header or a live push).
 *
 * @example
 * const invalidate = useInvalidateKeys();
 * const res = await fetch('/app/profile', { method: 'POST', body });
 * await invalidate(parseInvalidateHeader(res.headers.get('X-Mizan-Invalidate')));
 */
export function useInvalidateKeys(): (keys: readonly string[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback((keys: readonly string[]) => invalidateKeys(queryClient, keys), [queryClient]);
}
