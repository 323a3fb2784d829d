// React bindings: the provider, and the client and socket it gives the tree. Reading contexts is in
// contexts.tsx, calls in mutations.ts, channels in useChannel.ts.

import { createContext, useContext, useEffect, useMemo, useRef } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { createMizanQueryClient } from './cache';
import { createMizanClient } from './client';
import type { MizanClient } from './client';
import { HYDRATION_ELEMENT_ID, hydrateQueryClient, readHydration } from './hydration';
import type { HydratedContexts } from './hydration';
import { enableLiveInvalidation } from './live';
import { watchSessionEnd } from './session';
import type { MizanSocket } from './socket';

const MizanClientContext = createContext<MizanClient | null>(null);
MizanClientContext.displayName = 'MizanClientContext';

const MizanSocketContext = createContext<MizanSocket | null>(null);
MizanSocketContext.displayName = 'MizanSocketContext';

// QueryClients already seeded from the page: hydration happens once per cache, not per render.
const hydratedClients = new WeakSet<QueryClient>();
const hydratedPages = new WeakSet<object>();

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
   * `<script id="mizan-hydration">`, into the first QueryClient only (a cache made anew later, at
   * sign-out for one, would get data of the page's first load). `false` skips hydration.
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
export function MizanProvider({
  baseUrl,
  client,
  queryClient,
  hydration,
  socket,
  live,
  children,
}: MizanProviderProps): ReactElement {
  const outer = useContext(QueryClientContext);
  const outerSocket = useContext(MizanSocketContext);
  const own = useRef<QueryClient | null>(null);
  const cache = queryClient ?? outer ?? (own.current ??= createMizanQueryClient());
  if (hydration !== false && !hydratedClients.has(cache)) {
    hydratedClients.add(cache);
    const page = hydration ? undefined : globalThis.document?.getElementById(HYDRATION_ELEMENT_ID);
    if (hydration) {
      hydrateQueryClient(cache, hydration);
    } else if (page && !hydratedPages.has(page)) {
      hydratedPages.add(page);
      hydrateQueryClient(cache, readHydration());
    }
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
    throw new Error('useMizanSocket() needs <MizanProvider socket={createMizanSocket()}> above it');
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
    throw new Error('useMizanClient() needs <MizanProvider> above it');
  }
  return client;
}
