// React bindings: the provider, context hooks, mutations that refresh exactly what they changed,
// and local (parameterised) contexts. Channels are in useChannel.ts.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { FunctionComponent, ReactElement, ReactNode } from 'react';
import {
  QueryClientContext,
  QueryClientProvider,
  hashKey,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { QueryClient, UseQueryOptions, UseQueryResult } from '@tanstack/react-query';
import { QUERY_KEY_PREFIX, contextQueryKey, createMizanQueryClient, invalidateKeys } from './cache';
import type { MizanQueryKey } from './cache';
import { createMizanClient } from './client';
import type { CallResult, MizanClient } from './client';
import { MizanError, isMizanError } from './errors';
import { hydrateQueryClient, readHydration } from './hydration';
import type { HydratedContexts } from './hydration';
import { isAbortError } from './isAbortError';
import { enableLiveInvalidation } from './live';
import { watchSessionEnd } from './session';
import type { MizanSocket } from './socket';

const MizanClientContext = createContext<MizanClient | null>(null);
MizanClientContext.displayName = 'MizanClientContext';

const MizanSocketContext = createContext<MizanSocket | null>(null);
MizanSocketContext.displayName = 'MizanSocketContext';

// QueryClients already seeded from the page: hydration happens once per cache, not per render.
const hydratedClients = new WeakSet<QueryClient>();

function asMizanError(error: unknown): MizanError {
  if (isMizanError(error)) return error;
  return new MizanError({
    status: 0,
    title: 'Request failed',
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

/** Props of `MizanProvider`. */
export interface MizanProviderProps {
  /** Base URL of the Mizan endpoints. Default `/api/mizan`. Ignored when `client` is given. */
  baseUrl?: string | undefined;
  /** A client made with `createMizanClient` (custom fetch or headers). */
  client?: MizanClient | undefined;
  /**
   * The QueryClient to use. Default: the one from an enclosing `QueryClientProvider`, else a new
   * one from `createMizanQueryClient()`.
   */
  queryClient?: QueryClient | undefined;
  /**
   * Global contexts to seed the cache with. Default: read from the page's
   * `<script id="mizan-hydration">`. `false` skips hydration.
   */
  hydration?: HydratedContexts | false | undefined;
  /**
   * The page's socket, from `createMizanSocket()`, for `useChannel` (and generated channel hooks).
   * Default: the socket of an enclosing `MizanProvider`, else none.
   */
  socket?: MizanSocket | undefined;
  /**
   * Apply the invalidation keys the server pushes over `socket` to the cache (and refetch every
   * context after a reconnect). Default `true` when `socket` is given; subscribing opens the socket.
   */
  live?: boolean | undefined;
  children?: ReactNode | undefined;
}

/**
 * Provides the Mizan client and a TanStack QueryClient to the tree, and seeds the cache once from
 * the page's hydration script. Wrap your app in it once. Given a socket, it also provides it to
 * channel hooks and applies live invalidation.
 *
 * @example
 * const socket = createMizanSocket();
 * createRoot(document.getElementById('root')!).render(
 *   <MizanProvider baseUrl="/api/mizan" socket={socket}>
 *     <App />
 *   </MizanProvider>,
 * );
 */
export function MizanProvider(props: MizanProviderProps): ReactElement {
  const { baseUrl, client, queryClient, hydration, socket, live, children } = props;
  const outer = useContext(QueryClientContext);
  const outerSocket = useContext(MizanSocketContext);
  const own = useRef<QueryClient | null>(null);
  let cache = queryClient ?? outer;
  if (!cache) {
    own.current ??= createMizanQueryClient();
    cache = own.current;
  }
  if (hydration !== false && !hydratedClients.has(cache)) {
    hydratedClients.add(cache);
    hydrateQueryClient(cache, hydration ?? readHydration());
  }
  const mizan = useMemo(() => client ?? createMizanClient({ baseUrl }), [client, baseUrl]);
  useEffect(() => {
    if (!socket || live === false) return undefined;
    return enableLiveInvalidation(socket, cache);
  }, [socket, live, cache]);
  useEffect(() => watchSessionEnd(cache), [cache]);
  return (
    <QueryClientProvider client={cache}>
      <MizanClientContext.Provider value={mizan}>
        <MizanSocketContext.Provider value={socket ?? outerSocket}>{children}</MizanSocketContext.Provider>
      </MizanClientContext.Provider>
    </QueryClientProvider>
  );
}

/** The socket of the nearest `MizanProvider` that was given one, or `null` when none was. */
export function useOptionalMizanSocket(): MizanSocket | null {
  return useContext(MizanSocketContext);
}

/**
 * The socket of the nearest `MizanProvider` that was given one, for joins outside `useChannel`.
 *
 * @example
 * const socket = useMizanSocket();
 * const online = useSyncExternalStore(socket.onStatus, () => socket.status === 'open');
 */
export function useMizanSocket(): MizanSocket {
  const socket = useContext(MizanSocketContext);
  if (!socket) {
    throw new Error(
      'useMizanSocket() needs a socket: create one and give it to the provider, ' +
        '<MizanProvider socket={createMizanSocket()}>.',
    );
  }
  return socket;
}

/**
 * The client of the nearest `MizanProvider`, for calls outside the hooks.
 *
 * @example
 * const mizan = useMizanClient();
 * const onExport = async () => download((await mizan.call<Report>('weekly')).result);
 */
export function useMizanClient(): MizanClient {
  const client = useContext(MizanClientContext);
  if (!client) {
    throw new Error('useMizanClient() needs a <MizanProvider> above it in the tree.');
  }
  return client;
}

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
  options?: MizanMutationOptions<A, R>,
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
      if (options?.awaitInvalidation !== false) await refreshed;
      await options?.onSuccess?.(data.result, args, data.invalidate);
    },
    onError: async (error, args) => {
      await options?.onError?.(error, args);
    },
    onSettled: async (data, error, args) => {
      await options?.onSettled?.(data?.result, error, args);
    },
  });

  const { mutate: rawMutate, mutateAsync: rawMutateAsync } = mutation;
  const mutate = useCallback(
    (args: A, callbacks?: MizanMutateCallbacks<A, R>) => {
      if (!callbacks) {
        rawMutate(args);
        return;
      }
      rawMutate(args, {
        onSuccess: (data, vars) => callbacks.onSuccess?.(data.result, vars),
        onError: (error, vars) => callbacks.onError?.(error, vars),
        onSettled: (data, error, vars) => callbacks.onSettled?.(data?.result, error, vars),
      });
    },
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

function providerName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1) + 'Provider';
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
  const displayName = providerName(name);
  ParamsContext.displayName = `${displayName}Params`;

  const Provider: FunctionComponent<LocalContextProviderProps<P>> = (props) => {
    const { children, ...rest } = props;
    const params = rest as unknown as P;
    // Same params, same object: consumers do not re-render when the provider's parent does.
    // hashKey is TanStack's own: key order and undefined values do not change it.
    const hash = hashKey([params]);
    const value = useMemo(() => params, [hash]);
    return <ParamsContext.Provider value={value}>{children}</ParamsContext.Provider>;
  };
  Provider.displayName = displayName;

  function useParams(): P {
    const params = useContext(ParamsContext);
    if (params === undefined) {
      throw new Error(
        `The local context "${name}" was read outside its provider: wrap the component in <${displayName} ...params>.`,
      );
    }
    return params;
  }

  function use(options?: MizanContextOptions<R>): UseQueryResult<R, MizanError> {
    const params = useParams();
    return useMizanContext<R>(name, params, options);
  }

  return { name, Provider, use, useParams };
}
