// Reading contexts in React: through TanStack Query, by name and params, or with params a provider
// higher in the tree fixes (local contexts).

import { createContext, useContext, useMemo } from 'react';
import type { FunctionComponent, ReactNode } from 'react';
import { hashKey, useQuery } from '@tanstack/react-query';
import type { UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import { contextQueryKey } from './cache';
import type { MizanQueryKey } from './cache';
import { asMizanError } from './errors';
import type { MizanError } from './errors';
import { isAbortError } from './isAbortError';
import { useMizanClient } from './react';

/** TanStack `useQuery` options accepted by `useMizanContext` (everything but key and fetch function). */
export type MizanContextOptions<R> = Omit<UseQueryOptions<R, MizanError, R, MizanQueryKey>, 'queryKey' | 'queryFn'>;

/**
 * Reads a context through TanStack Query, cached under `['mizan', name, params]`. Returns the
 * `useQuery` result; `error` is a `MizanError`.
 *
 * @example
 * const { data: user, isPending, error } = useMizanContext<UserView>('currentUser');
 * const greeting = useMizanContext<Greeting>('greet', { name: 'Al' }, { enabled: name !== '' });
 */
export function useMizanContext<R>(
  name: string,
  params?: object,
  options?: MizanContextOptions<R>,
): UseQueryResult<R, MizanError> {
  const client = useMizanClient();
  const queryKey = contextQueryKey(name, params);
  return useQuery<R, MizanError, R, MizanQueryKey>({
    ...options,
    queryKey,
    queryFn: async ({ signal }) => {
      try {
        return await client.context<R>(name, queryKey[2], { signal });
      } catch (error) {
        if (isAbortError(error, signal)) throw error;
        throw asMizanError(error);
      }
    },
  });
}

/** Props of a local context's provider: the context's params, plus children. */
export type LocalContextProviderProps<P extends object> = P & { children?: ReactNode };

/** A context read with params fixed by a provider higher in the tree. */
export interface LocalContext<P extends object, R> {
  /** Context name on the server. */
  readonly name: string;
  /** Puts the params in React context for `use()` below it. */
  readonly Provider: FunctionComponent<LocalContextProviderProps<P>>;
  /** The `useMizanContext` result for the provider's params. Throws outside the provider. */
  readonly use: (options?: MizanContextOptions<R>) => UseQueryResult<R, MizanError>;
  /** The provider's params. Throws outside the provider. */
  readonly useParams: () => P;
}

/**
 * Defines a local context: a provider that takes the context's params as props, and a hook that
 * reads the context for them anywhere below.
 *
 * @example
 * const Greet = defineLocalContext<{ name: string }, Greeting>('greet');
 *
 * <Greet.Provider name="Al"><Banner /></Greet.Provider>
 *
 * function Banner() {
 *   const { data } = Greet.use();
 *   return <h1>{data?.text}</h1>;
 * }
 */
export function defineLocalContext<P extends object, R>(name: string): LocalContext<P, R> {
  const ParamsContext = createContext<P | undefined>(undefined);
  const displayName = name.charAt(0).toUpperCase() + name.slice(1) + 'Provider';
  ParamsContext.displayName = `${displayName}Params`;

  const Provider: FunctionComponent<LocalContextProviderProps<P>> = ({ children, ...params }) => {
    // Same params, same object: consumers do not re-render when the provider's parent does.
    // hashKey is TanStack's own: key order and undefined values do not change it.
    const hash = hashKey([params]);
    const value = useMemo(() => params as unknown as P, [hash]);
    return <ParamsContext.Provider value={value}>{children}</ParamsContext.Provider>;
  };
  Provider.displayName = displayName;

  function useParams(): P {
    const params = useContext(ParamsContext);
    if (params === undefined) {
      throw new Error(`The local context ${name} needs <${displayName}> above it`);
    }
    return params;
  }

  function use(options?: MizanContextOptions<R>): UseQueryResult<R, MizanError> {
    return useMizanContext<R>(name, useParams(), options);
  }

  return { name, Provider, use, useParams };
}
