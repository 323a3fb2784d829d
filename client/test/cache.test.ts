import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  contextQuery,
  contextQueryKey,
  createMizanQueryClient,
  invalidateKeys,
  isMizanQueryKey,
  matchKeys,
} from '../src/cache';
import { createMizanClient } from '../src/client';
import { MizanError } from '../src/errors';

const bobKey = contextQueryKey('todos', { owner: 'bob', listId: 7 });
const alKey = contextQueryKey('todos', { owner: 'al' });
const userKey = contextQueryKey('currentUser', {});

function invalidated(client: QueryClient, key: readonly unknown[]): boolean | undefined {
  return client.getQueryState(key)?.isInvalidated;
}

const clients: QueryClient[] = [];
function newClient(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  clients.push(client);
  return client;
}

afterEach(() => {
  for (const c of clients.splice(0)) c.clear();
});

describe('contextQueryKey', () => {
  it("is ['mizan', name, params] with null/undefined params dropped", () => {
    expect(contextQueryKey('currentUser')).toEqual(['mizan', 'currentUser', {}]);
    expect(contextQueryKey('todos', { owner: 'bob', x: undefined, y: null })).toEqual([
      'mizan',
      'todos',
      { owner: 'bob' },
    ]);
  });

  it('names the same cache entry whatever the param order', () => {
    const client = newClient();
    client.setQueryData(contextQueryKey('todos', { owner: 'bob', listId: 7 }), ['a']);
    expect(client.getQueryData(contextQueryKey('todos', { listId: 7, owner: 'bob' }))).toEqual(['a']);
  });

  it('isMizanQueryKey recognises only context keys', () => {
    expect(isMizanQueryKey(bobKey)).toBe(true);
    expect(isMizanQueryKey(['mizan', 'call', 'updateName'])).toBe(false);
    expect(isMizanQueryKey(['other', 'todos', {}])).toBe(false);
    expect(isMizanQueryKey(['mizan', 'todos', []])).toBe(false);
  });
});

describe('invalidateKeys on a real QueryClient', () => {
  function seeded(): QueryClient {
    const client = newClient();
    client.setQueryData(bobKey, ['bob todo']);
    client.setQueryData(alKey, ['al todo']);
    client.setQueryData(userKey, { name: 'Al' });
    client.setQueryData(['not-mizan', 'todos', { owner: 'bob' }], 'foreign');
    return client;
  }

  it('todos;owner=bob invalidates exactly todos{owner:bob,listId:7}', async () => {
    const client = seeded();
    await invalidateKeys(client, ['todos;owner=bob']);
    expect(invalidated(client, bobKey)).toBe(true);
    expect(invalidated(client, alKey)).toBe(false);
    expect(invalidated(client, userKey)).toBe(false);
    expect(invalidated(client, ['not-mizan', 'todos', { owner: 'bob' }])).toBe(false);
  });

  it('a bare name invalidates every entry of that context', async () => {
    const client = seeded();
    await invalidateKeys(client, ['todos']);
    expect(invalidated(client, bobKey)).toBe(true);
    expect(invalidated(client, alKey)).toBe(true);
    expect(invalidated(client, userKey)).toBe(false);
  });

  it('several keys invalidate the union; unknown keys and no keys touch nothing', async () => {
    const client = seeded();
    await invalidateKeys(client, []);
    await invalidateKeys(client, ['nothing', 'todos;owner=zoe', 'todos;listId=8']);
    expect([bobKey, alKey, userKey].map((k) => invalidated(client, k))).toEqual([false, false, false]);
    await invalidateKeys(client, ['currentUser', 'todos;owner=al']);
    expect([bobKey, alKey, userKey].map((k) => invalidated(client, k))).toEqual([false, true, true]);
  });

  it('matches numeric params written differently by the server', async () => {
    const client = seeded();
    await invalidateKeys(client, ['todos;listId=7.0']);
    expect(invalidated(client, bobKey)).toBe(true);
    expect(invalidated(client, alKey)).toBe(false);
  });

  it('refetches the matching active entry, and only that one', async () => {
    const client = newClient();
    const calls: Record<string, number> = { bob: 0, al: 0, user: 0 };
    const observe = (key: readonly unknown[], id: string) => {
      const observer = new QueryObserver(client, {
        queryKey: key,
        queryFn: async () => {
          calls[id] = (calls[id] ?? 0) + 1;
          return `${id}#${calls[id]}`;
        },
      });
      return observer.subscribe(() => undefined);
    };
    const unsubscribe = [observe(bobKey, 'bob'), observe(alKey, 'al'), observe(userKey, 'user')];
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual({ bob: 1, al: 1, user: 1 });

    await invalidateKeys(client, ['todos;owner=bob']);
    expect(calls).toEqual({ bob: 2, al: 1, user: 1 });
    expect(client.getQueryData(bobKey)).toBe('bob#2');
    expect(invalidated(client, bobKey)).toBe(false); // refetched, fresh again
    unsubscribe.forEach((u) => u());
  });
});

describe('invalidateKeys during a first fetch', () => {
  /** An observed entry whose fetches answer only when the test says, with the server's value then. */
  function slowEntry(client: QueryClient) {
    let server = 'before';
    const answers: (() => void)[] = [];
    let fetches = 0;
    const observer = new QueryObserver(client, {
      queryKey: bobKey,
      queryFn: () => {
        fetches++;
        const read = server; // what the server read when the request reached it
        return new Promise<string>((resolve) => answers.push(() => resolve(read)));
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    return {
      change: (value: string) => (server = value),
      answer: () => answers.shift()!(),
      fetches: () => fetches,
      unsubscribe,
    };
  }

  it('fetches again after a first fetch that was on its way when the key came, so the earlier read does not stay', async () => {
    const client = newClient();
    const entry = slowEntry(client);
    expect(entry.fetches()).toBe(1);
    entry.change('after'); // a mutation lands while the first read is on its way

    const settled = invalidateKeys(client, ['todos;owner=bob']);
    entry.answer(); // the first read answers with what it saw: 'before'
    await vi.waitFor(() => expect(entry.fetches()).toBe(2));
    entry.answer();
    await settled;

    expect(client.getQueryData(bobKey)).toBe('after');
    expect(invalidated(client, bobKey)).toBe(false);
    entry.unsubscribe();
  });

  it('fetches once when the entry already had data: the refetch restarts it', async () => {
    const client = newClient();
    const entry = slowEntry(client);
    entry.answer();
    await vi.waitFor(() => expect(client.getQueryData(bobKey)).toBe('before'));

    entry.change('after');
    const settled = invalidateKeys(client, ['todos;owner=bob']);
    await vi.waitFor(() => expect(entry.fetches()).toBe(2));
    entry.answer();
    await settled;

    expect(client.getQueryData(bobKey)).toBe('after');
    expect(entry.fetches()).toBe(2);
    entry.unsubscribe();
  });
});

describe('matchKeys', () => {
  it('works with other QueryClient operations', () => {
    const client = newClient();
    client.setQueryData(bobKey, 1);
    client.setQueryData(alKey, 2);
    client.removeQueries({ predicate: matchKeys(['todos;owner=al']) });
    expect(client.getQueryData(alKey)).toBeUndefined();
    expect(client.getQueryData(bobKey)).toBe(1);
  });
});

describe('contextQuery', () => {
  it('fetches through the client under the context key', async () => {
    const urls: string[] = [];
    const mizan = createMizanClient({
      fetch: async (url) => {
        urls.push(url);
        return new Response(JSON.stringify({ result: { text: 'Hello, Al' } }), {
          headers: { 'Content-Type': 'application/json' },
        });
      },
    });
    const client = newClient();
    const data = await client.fetchQuery(contextQuery<{ text: string }>(mizan, 'greet', { name: 'Al', x: null }));
    expect(data).toEqual({ text: 'Hello, Al' });
    expect(urls).toEqual(['/api/mizan/ctx/greet?name=Al']);
    expect(client.getQueryData(contextQueryKey('greet', { name: 'Al' }))).toEqual({ text: 'Hello, Al' });
  });
});

describe('createMizanQueryClient', () => {
  it('waits before a retry as long as the failure asks, else backs off', () => {
    const client = createMizanQueryClient();
    const delay = client.getDefaultOptions().queries?.retryDelay;
    expect(typeof delay).toBe('function');
    if (typeof delay !== 'function') return;
    const busy = new MizanError({ status: 503, title: 'Service Unavailable', retryAfter: 4 });
    expect(delay(0, busy)).toBe(4000);
    expect(delay(0, new MizanError({ status: 503, title: 'Service Unavailable' }))).toBe(1000);
    expect(delay(2, new Error('x'))).toBe(4000);
    expect(delay(10, new Error('x'))).toBe(30_000);
  });

  it('does not retry 4xx errors but retries others', () => {
    const client = createMizanQueryClient();
    clients.push(client);
    const retry = client.getDefaultOptions().queries?.retry;
    expect(typeof retry).toBe('function');
    if (typeof retry !== 'function') return;
    expect(retry(0, new MizanError({ status: 404, title: 'Not Found' }))).toBe(false);
    expect(retry(0, new MizanError({ status: 503, title: 'Unavailable' }))).toBe(true);
    expect(retry(0, new MizanError({ status: 0, title: 'Network error' }))).toBe(true);
    expect(retry(3, new MizanError({ status: 503, title: 'Unavailable' }))).toBe(false);
    // asked to wait longer than the backoff would: the error shows, with its retryAfter
    expect(retry(0, new MizanError({ status: 503, title: 'Unavailable', retryAfter: 30 }))).toBe(true);
    expect(retry(0, new MizanError({ status: 503, title: 'Unavailable', retryAfter: 31 }))).toBe(false);
    expect(client.getDefaultOptions().queries?.staleTime).toBe(30_000);
  });

  it('lets the caller override the defaults', () => {
    const client = createMizanQueryClient({ defaultOptions: { queries: { staleTime: 0, retry: false } } });
    clients.push(client);
    expect(client.getDefaultOptions().queries?.staleTime).toBe(0);
    expect(client.getDefaultOptions().queries?.retry).toBe(false);
  });
});
