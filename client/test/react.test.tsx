// @vitest-environment jsdom
import { unbatching } from './unbatching';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Component, useState } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUERY_KEY_PREFIX, contextQueryKey } from '../src/cache';
import { createMizanClient } from '../src/client';
import type { FetchLike } from '../src/client';
import { defineLocalContext, useMizanContext } from '../src/contexts';
import { useInvalidateKeys, useMizanMutation } from '../src/mutations';
import { MizanProvider, useMizanClient } from '../src/react';

afterEach(() => {
  cleanup();
  document.head.innerHTML = '';
});

function json(body: unknown, headers: Record<string, string> = {}, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/** An in-memory server speaking the Mizan protocol, counting context fetches by URL. */
function fakeServer() {
  const todos: Record<string, string[]> = { bob: ['milk'], al: ['eggs'] };
  const fetches = new Map<string, number>();
  const calls: { name: string; body: unknown }[] = [];
  let nextId = 1;
  // When set, context answers wait for it: lets a test look at the state in mid-refetch.
  const gate: { wait: Promise<void> | null } = { wait: null };
  const fetch: FetchLike = async (url, init) => {
    const u = new URL(url, 'http://app.test');
    const path = u.pathname;
    if (init.method === 'GET' && path.startsWith('/api/mizan/ctx/')) {
      const target = path.slice('/api/mizan/ctx/'.length) + u.search;
      fetches.set(target, (fetches.get(target) ?? 0) + 1);
      if (gate.wait) await gate.wait;
      const name = path.slice('/api/mizan/ctx/'.length);
      if (name === 'todos') return json({ result: [...(todos[u.searchParams.get('owner') ?? ''] ?? [])] });
      if (name === 'currentUser') return json({ result: { name: 'from server' } });
      if (name === 'greet') return json({ result: { text: `Hello, ${u.searchParams.get('name')}` } });
      return json({ status: 404, title: 'Not Found' }, {}, 404);
    }
    if (init.method === 'POST' && path.startsWith('/api/mizan/call/')) {
      const name = path.slice('/api/mizan/call/'.length);
      const body: unknown = JSON.parse(String(init.body));
      calls.push({ name, body });
      if (name === 'addTodo') {
        const { owner, text } = body as { owner: string; text: string };
        (todos[owner] ??= []).push(text);
        const key = `todos;owner=${owner}`;
        return json({ result: { id: nextId++ }, invalidate: [key] }, { 'X-Mizan-Invalidate': key });
      }
      if (name === 'rename') {
        return json(
          {
            status: 422,
            title: 'Validation failed',
            detail: 'name: must not be blank',
            errors: [{ path: 'name', message: 'must not be blank' }],
          },
          {},
          422,
        );
      }
    }
    return json({ status: 404, title: 'Not Found' }, {}, 404);
  };
  const count = (target: string) => fetches.get(target) ?? 0;
  return { fetch, todos, count, calls, gate };
}

function TodoList({ owner }: { owner: string }) {
  const { data, isPending } = useMizanContext<string[]>('todos', { owner });
  if (isPending) return <p data-testid={`loading-${owner}`}>loading</p>;
  return <ul data-testid={`todos-${owner}`}>{data?.map((t) => <li key={t}>{t}</li>)}</ul>;
}

function CurrentUser() {
  const { data } = useMizanContext<{ name: string }>('currentUser');
  return <p data-testid="user">{data?.name ?? 'nobody'}</p>;
}

function AddTodo({ owner, text }: { owner: string; text: string }) {
  const add = useMizanMutation<{ owner: string; text: string }, { id: number }>('addTodo');
  return (
    <div>
      <button onClick={() => add.mutate({ owner, text })}>add</button>
      <span data-testid="pending">{String(add.isPending)}</span>
      {add.data && <span data-testid="added">{add.data.id}</span>}
      <span data-testid="invalidated">{add.invalidated.join(' | ')}</span>
    </div>
  );
}

function hydrationScript(json: string) {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = 'mizan-hydration';
  script.textContent = json;
  document.head.appendChild(script);
}

function listText(owner: string): string[] {
  return Array.from(screen.getByTestId(`todos-${owner}`).querySelectorAll('li')).map((li) => li.textContent ?? '');
}

describe('MizanProvider + useMizanContext + useMizanMutation', () => {
  it('refetches the context a mutation invalidates, and no other', async () => {
    hydrationScript('{"contexts": {"currentUser": {"name": "Al \\u003c/script\\u003e"}}}');
    const server = fakeServer();
    const client = createMizanClient({ fetch: unbatching(server.fetch) });

    render(
      <MizanProvider client={client}>
        <CurrentUser />
        <TodoList owner="bob" />
        <TodoList owner="al" />
        <AddTodo owner="bob" text="bread" />
      </MizanProvider>,
    );

    // Hydrated: shown on the first render, never fetched.
    expect(screen.getByTestId('user').textContent).toBe('Al </script>');

    await screen.findByTestId('todos-bob');
    await screen.findByTestId('todos-al');
    expect(listText('bob')).toEqual(['milk']);
    expect(listText('al')).toEqual(['eggs']);
    expect(server.count('todos?owner=bob')).toBe(1);
    expect(server.count('todos?owner=al')).toBe(1);
    expect(server.count('currentUser')).toBe(0);

    let open = () => {};
    server.gate.wait = new Promise<void>((resolve) => (open = resolve));
    fireEvent.click(screen.getByText('add'));

    // The call is done and the refetch of todos{owner:bob} has started but not finished:
    // the mutation is still pending and the list still shows the old data.
    await waitFor(() => expect(server.count('todos?owner=bob')).toBe(2));
    expect(server.calls).toHaveLength(1);
    expect(screen.getByTestId('pending').textContent).toBe('true');
    expect(screen.queryByTestId('added')).toBeNull();
    expect(listText('bob')).toEqual(['milk']);

    server.gate.wait = null;
    act(() => open());
    await screen.findByTestId('added');

    // The mutation reports success only once the invalidated context holds the new data.
    expect(listText('bob')).toEqual(['milk', 'bread']);
    expect(screen.getByTestId('invalidated').textContent).toBe('todos;owner=bob');
    expect(screen.getByTestId('pending').textContent).toBe('false');
    expect(server.calls).toEqual([{ name: 'addTodo', body: { owner: 'bob', text: 'bread' } }]);

    expect(server.count('todos?owner=bob')).toBe(2);
    expect(server.count('todos?owner=al')).toBe(1);
    expect(server.count('currentUser')).toBe(0);
    expect(listText('al')).toEqual(['eggs']);

    // Let any stray refetch surface before the final count.
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(server.count('todos?owner=bob')).toBe(2);
    expect(server.count('todos?owner=al')).toBe(1);
  });

  it('exposes a 422 as a MizanError with field errors, and reset clears it', async () => {
    const server = fakeServer();
    function Rename() {
      const rename = useMizanMutation<{ userId: number; name: string }, unknown>('rename');
      return (
        <div>
          <button onClick={() => rename.mutate({ userId: 5, name: '' })}>rename</button>
          <button onClick={() => rename.reset()}>reset</button>
          <span data-testid="status">{rename.error ? String(rename.error.status) : 'none'}</span>
          <span data-testid="field">{rename.error?.fieldError('name') ?? ''}</span>
          <span data-testid="kind">{rename.error?.name ?? ''}</span>
        </div>
      );
    }
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })}>
        <Rename />
      </MizanProvider>,
    );
    fireEvent.click(screen.getByText('rename'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('422'));
    expect(screen.getByTestId('field').textContent).toBe('must not be blank');
    expect(screen.getByTestId('kind').textContent).toBe('MizanError');
    fireEvent.click(screen.getByText('reset'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('none'));
  });

  it('mutateAsync resolves to the result after the refetch; options.onSuccess gets the keys', async () => {
    const server = fakeServer();
    const onSuccess = vi.fn();
    let seenWhenResolved: string[] | undefined;
    let queryClient: QueryClient | undefined;
    function Adder() {
      const add = useMizanMutation<{ owner: string; text: string }, { id: number }>('addTodo', { onSuccess });
      const [id, setId] = useState<number | null>(null);
      return (
        <button
          onClick={async () => {
            const result = await add.mutateAsync({ owner: 'al', text: 'jam' });
            seenWhenResolved = queryClient?.getQueryData(contextQueryKey('todos', { owner: 'al' }));
            setId(result.id);
          }}
        >
          {id === null ? 'go' : `done ${id}`}
        </button>
      );
    }
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} queryClient={queryClient} hydration={false}>
        <TodoList owner="al" />
        <Adder />
      </MizanProvider>,
    );
    await screen.findByTestId('todos-al');
    fireEvent.click(screen.getByText('go'));
    await screen.findByText('done 1');
    expect(seenWhenResolved).toEqual(['eggs', 'jam']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ id: 1 }, { owner: 'al', text: 'jam' }, ['todos;owner=al']);
    expect(server.count('todos?owner=al')).toBe(2);
    expect(queryClient.getMutationCache().findAll({ mutationKey: [QUERY_KEY_PREFIX, 'call', 'addTodo'] })).toHaveLength(1);
    queryClient.clear();
  });

  it('mutate() without arguments sends {}, and per-call callbacks get the result', async () => {
    const server = fakeServer();
    const seen: unknown[] = [];
    function Buttons() {
      const weekly = useMizanMutation<void, unknown>('weekly');
      const add = useMizanMutation<{ owner: string; text: string }, { id: number }>('addTodo');
      return (
        <div>
          <button onClick={() => weekly.mutate(undefined, { onError: (e) => seen.push(e.status) })}>weekly</button>
          <button
            onClick={() =>
              add.mutate(
                { owner: 'bob', text: 'tea' },
                { onSuccess: (result, args) => seen.push(result, args), onSettled: () => seen.push('settled') },
              )
            }
          >
            add
          </button>
        </div>
      );
    }
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} hydration={false}>
        <Buttons />
      </MizanProvider>,
    );
    fireEvent.click(screen.getByText('weekly'));
    await waitFor(() => expect(seen).toEqual([404]));
    fireEvent.click(screen.getByText('add'));
    await waitFor(() => expect(seen).toEqual([404, { id: 1 }, { owner: 'bob', text: 'tea' }, 'settled']));
    expect(server.calls).toEqual([
      { name: 'weekly', body: {} },
      { name: 'addTodo', body: { owner: 'bob', text: 'tea' } },
    ]);
  });

  it('uses baseUrl when no client is given, and an enclosing QueryClientProvider', async () => {
    const urls: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return json({ result: { name: 'Bo' } });
    };
    const outer = new QueryClient();
    try {
      render(
        <QueryClientProvider client={outer}>
          <MizanProvider baseUrl="/shop/api/mizan/">
            <CurrentUser />
          </MizanProvider>
        </QueryClientProvider>,
      );
      await waitFor(() => expect(screen.getByTestId('user').textContent).toBe('Bo'));
      expect(urls).toEqual(['/shop/api/mizan/ctx/currentUser']);
      expect(outer.getQueryData(contextQueryKey('currentUser'))).toEqual({ name: 'Bo' });
    } finally {
      globalThis.fetch = original;
      outer.clear();
    }
  });

  it('hydrates a given QueryClient once, even when the provider re-renders', () => {
    hydrationScript('{"contexts": {"currentUser": {"name": "first"}}}');
    const queryClient = new QueryClient();
    const client = createMizanClient({ fetch: unbatching(fakeServer().fetch) });
    const { rerender } = render(
      <MizanProvider client={client} queryClient={queryClient}>
        <CurrentUser />
      </MizanProvider>,
    );
    expect(screen.getByTestId('user').textContent).toBe('first');
    act(() => queryClient.setQueryData(contextQueryKey('currentUser'), { name: 'changed' }));
    document.head.innerHTML = '';
    hydrationScript('{"contexts": {"currentUser": {"name": "second"}}}');
    rerender(
      <MizanProvider client={client} queryClient={queryClient}>
        <CurrentUser />
      </MizanProvider>,
    );
    expect(screen.getByTestId('user').textContent).toBe('changed');
    queryClient.clear();
  });

  it("seeds only the first QueryClient from the page: a cache made anew later gets no stale data", () => {
    document.head.innerHTML = '';
    hydrationScript('{"contexts": {"currentUser": {"name": "ann at load"}}}');
    const client = createMizanClient({ fetch: unbatching(fakeServer().fetch) });
    const first = new QueryClient();
    const { rerender } = render(
      <MizanProvider client={client} queryClient={first}>
        <CurrentUser />
      </MizanProvider>,
    );
    expect(first.getQueryData(contextQueryKey('currentUser'))).toEqual({ name: 'ann at load' });
    const second = new QueryClient(); // as an app that makes a fresh cache at sign-out
    rerender(
      <MizanProvider client={client} queryClient={second}>
        <CurrentUser />
      </MizanProvider>,
    );
    expect(second.getQueryData(contextQueryKey('currentUser'))).not.toEqual({ name: 'ann at load' });
    first.clear();
    second.clear();
    document.head.innerHTML = '';
  });

  it('useInvalidateKeys applies keys that arrive another way', async () => {
    const server = fakeServer();
    function Refresh() {
      const invalidate = useInvalidateKeys();
      return <button onClick={() => void invalidate(['todos;owner=al'])}>refresh</button>;
    }
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} hydration={false}>
        <TodoList owner="bob" />
        <TodoList owner="al" />
        <Refresh />
      </MizanProvider>,
    );
    await screen.findByTestId('todos-al');
    await screen.findByTestId('todos-bob');
    fireEvent.click(screen.getByText('refresh'));
    await waitFor(() => expect(server.count('todos?owner=al')).toBe(2));
    expect(server.count('todos?owner=bob')).toBe(1);
  });
});

class Catch extends Component<{ children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.message === null ? this.props.children : <p data-testid="caught">{this.state.message}</p>;
  }
}

function quietly<T>(fn: () => T): T {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}

describe('defineLocalContext', () => {
  const Greet = defineLocalContext<{ name: string }, { text: string }>('greet');

  function Banner() {
    const { data } = Greet.use();
    const { name } = Greet.useParams();
    return <h1 data-testid="banner">{data ? `${data.text} (${name})` : 'loading'}</h1>;
  }

  it('reads the context for the params of its Provider', async () => {
    const server = fakeServer();
    const client = createMizanClient({ fetch: unbatching(server.fetch) });
    const { rerender } = render(
      <MizanProvider client={client} hydration={false}>
        <Greet.Provider name="Al">
          <Banner />
        </Greet.Provider>
      </MizanProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('banner').textContent).toBe('Hello, Al (Al)'));
    expect(server.count('greet?name=Al')).toBe(1);

    rerender(
      <MizanProvider client={client} hydration={false}>
        <Greet.Provider name="Bo & Co">
          <Banner />
        </Greet.Provider>
      </MizanProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('banner').textContent).toBe('Hello, Bo & Co (Bo & Co)'));
    expect(server.count('greet?name=Bo%20%26%20Co')).toBe(1);
    expect(Greet.name).toBe('greet');
    expect(Greet.Provider.displayName).toBe('GreetProvider');
  });

  it('gives the same params object while the params stay equal', () => {
    const Todos = defineLocalContext<{ owner: string; listId?: number | undefined }, string[]>('todos');
    const seen: object[] = [];
    function Probe() {
      seen.push(Todos.useParams());
      return null;
    }
    const client = createMizanClient({ fetch: unbatching(fakeServer().fetch) });
    const tree = (params: { owner: string; listId?: number | undefined }) => (
      <MizanProvider client={client} hydration={false}>
        <Todos.Provider {...params}>
          <Probe />
        </Todos.Provider>
      </MizanProvider>
    );
    const { rerender } = render(tree({ owner: 'bob', listId: 7 }));
    rerender(tree({ listId: 7, owner: 'bob' }));
    rerender(tree({ owner: 'bob', listId: 7 }));
    rerender(tree({ owner: 'bob', listId: 8 }));
    rerender(tree({ owner: 'bob', listId: undefined }));
    rerender(tree({ owner: 'bob' }));
    expect(seen).toHaveLength(6);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
    expect(seen[3]).not.toBe(seen[0]);
    expect(seen[3]).toEqual({ owner: 'bob', listId: 8 });
    expect(seen[5]).toBe(seen[4]);
  });

  it('throws a clear error outside its Provider', () => {
    const server = fakeServer();
    quietly(() =>
      render(
        <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} hydration={false}>
          <Catch>
            <Banner />
          </Catch>
        </MizanProvider>,
      ),
    );
    expect(screen.getByTestId('caught').textContent).toBe(
      'The local context greet needs <GreetProvider> above it',
    );
  });
});

describe('useMizanClient', () => {
  it('throws a clear error outside MizanProvider', () => {
    function Orphan() {
      useMizanClient();
      return null;
    }
    quietly(() =>
      render(
        <Catch>
          <Orphan />
        </Catch>,
      ),
    );
    expect(screen.getByTestId('caught').textContent).toBe('useMizanClient() needs <MizanProvider> above it');
  });
});
