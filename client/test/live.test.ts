import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contextQueryKey } from '../src/cache';
import { enableLiveInvalidation } from '../src/live';
import { createMizanSocket } from '../src/socket';
import type { MizanSocket } from '../src/socket';
import { FakeChannelServer, flush } from './fakeChannelServer';

const bobKey = contextQueryKey('todos', { owner: 'bob', listId: 7 });
const alKey = contextQueryKey('todos', { owner: 'al' });
const userKey = contextQueryKey('currentUser');
const otherKey = ['weather', 'today'];

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.useRealTimers();
});

function setup() {
  const server = new FakeChannelServer();
  const socket: MizanSocket = createMizanSocket({ url: 'ws://app.test/mizan/ws', WebSocket: server.WebSocket });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const key of [bobKey, alKey, userKey, otherKey]) queryClient.setQueryData(key, 'cached');
  cleanups.push(() => socket.close(), () => queryClient.clear());
  const invalidated = () =>
    [bobKey, alKey, userKey, otherKey].filter((k) => queryClient.getQueryState(k)?.isInvalidated).map((k) => k[1]);
  const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
  return { server, socket, queryClient, invalidated, stale };
}

describe('enableLiveInvalidation', () => {
  it('opens the socket and applies pushed keys by the rule of the X-Mizan-Invalidate header', async () => {
    const { server, socket, queryClient, stale } = setup();
    cleanups.push(enableLiveInvalidation(socket, queryClient));
    await flush();
    expect(socket.status).toBe('open');

    server.invalidate(['todos;owner=bob']);
    await flush();
    expect([stale(bobKey), stale(alKey), stale(userKey), stale(otherKey)]).toEqual([true, false, false, false]);

    server.invalidate(['currentUser', 'todos;listId=8']);
    await flush();
    expect([stale(bobKey), stale(alKey), stale(userKey), stale(otherKey)]).toEqual([true, false, true, false]);
  });

  it('refetches the active entries a push covers', async () => {
    const { server, socket, queryClient } = setup();
    let fetches = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: alKey,
      queryFn: () => `fetch ${++fetches}`,
    });
    const unsubscribe = observer.subscribe(() => {});
    cleanups.push(unsubscribe, enableLiveInvalidation(socket, queryClient));
    await flush();

    server.invalidate(['todos;owner=al']);
    await vi.waitFor(() => expect(queryClient.getQueryData(alKey)).toBe('fetch 1'));
  });

  it('invalidates every Mizan context after a reconnect, and nothing else', async () => {
    vi.useFakeTimers();
    const { server, socket, queryClient, invalidated } = setup();
    cleanups.push(enableLiveInvalidation(socket, queryClient));
    await flush();
    server.last.drop();
    await flush();
    expect(invalidated()).toEqual([]);

    await vi.advanceTimersByTimeAsync(500);
    await flush();
    expect(socket.status).toBe('open');
    expect(invalidated()).toEqual(['todos', 'todos', 'currentUser']);
  });

  it('invalidates every Mizan context when the server says it missed pushes, and keeps the socket', async () => {
    const { server, socket, queryClient, invalidated } = setup();
    cleanups.push(enableLiveInvalidation(socket, queryClient));
    await flush();
    const connection = server.last;
    connection.push({ op: 'resync' });
    await flush();
    expect(invalidated()).toEqual(['todos', 'todos', 'currentUser']);
    expect(server.last).toBe(connection);
    expect(socket.status).toBe('open');
  });

  it('stops when its cleanup runs', async () => {
    const { server, socket, queryClient, invalidated } = setup();
    const stop = enableLiveInvalidation(socket, queryClient);
    await flush();
    stop();
    server.invalidate(['todos', 'currentUser']);
    await flush();
    expect(invalidated()).toEqual([]);
  });
});
