// Live invalidation: the keys the server pushes over the socket, applied to the query cache.

import type { QueryClient } from '@tanstack/react-query';
import { invalidateAllContexts, invalidateKeys } from './cache';
import type { MizanSocket } from './socket';

/**
 * Applies the socket's `invalidate` frames to the query cache, with the same matching rule as the
 * `X-Mizan-Invalidate` header, so a change made in another tab (or by a webhook) refetches what
 * this page shows. After a reconnect, or when the server says it missed pushes (a `resync` frame:
 * it could not hear the other nodes for a while), every Mizan context is invalidated: what was pushed
 * meanwhile is lost. Subscribing opens the socket. Returns the function that stops it.
 * `MizanProvider` calls it when given a socket.
 *
 * @example
 * const socket = createMizanSocket();
 * const stop = enableLiveInvalidation(socket, queryClient);
 * // later, e.g. on logout:
 * stop();
 */
export function enableLiveInvalidation(socket: MizanSocket, queryClient: QueryClient): () => void {
  const stopInvalidate = socket.onInvalidate((keys) => {
    void invalidateKeys(queryClient, keys);
  });
  const stopResync = socket.onResync(() => {
    void invalidateAllContexts(queryClient);
  });
  return () => {
    stopInvalidate();
    stopResync();
  };
}
