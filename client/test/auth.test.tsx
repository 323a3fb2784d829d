// @vitest-environment jsdom
import { unbatching } from './unbatching';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLogin, useLogout, useSession } from '../src/auth';
import { contextQueryKey } from '../src/cache';
import { createMizanClient } from '../src/client';
import type { FetchLike } from '../src/client';
import { useMizanContext } from '../src/contexts';
import { MizanProvider } from '../src/react';
import { createMizanSocket } from '../src/socket';
import { FakeChannelServer, flush } from './fakeChannelServer';

afterEach(() => cleanup());

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** A server with one user, ann/right, whose session is a cookie the fake keeps. */
function fakeServer() {
  let user: string | null = null;
  const reads = new Map<string, number>();
  const fetch: FetchLike = async (url, init) => {
    const path = new URL(url, 'http://app.test').pathname;
    if (init.method === 'GET') {
      const name = path.slice('/api/mizan/ctx/'.length);
      reads.set(name, (reads.get(name) ?? 0) + 1);
      if (name === 'auth.session') return json({ result: user ? { user, roles: ['user'] } : null });
      if (name === 'inbox') {
        return user
          ? json({ result: `${user}'s inbox` })
          : json({ status: 401, title: 'Unauthorized', detail: 'Sign in', code: 'MIZAN-140' }, 401);
      }
    }
    const name = path.slice('/api/mizan/call/'.length);
    if (name === 'auth.login') {
      const { username, password } = JSON.parse(String(init.body)) as { username: string; password: string };
      if (password !== 'right') {
        return json(
          {
            status: 401,
            title: 'Unauthorized',
            detail: 'The user name or password is wrong',
            code: 'MIZAN-143',
            errors: [{ path: 'password', message: 'The user name or password is wrong' }],
          },
          401,
        );
      }
      user = username;
      return json({ result: { user, roles: ['user'] }, invalidate: [] });
    }
    if (name === 'auth.logout') {
      user = null;
      return json({ result: null, invalidate: [] });
    }
    return json({ status: 404, title: 'Not Found' }, 404);
  };
  return {
    fetch,
    reads,
    endSession: () => {
      user = null;
    },
  };
}

function SignIn() {
  const session = useSession();
  const login = useLogin();
  const logout = useLogout();
  const [password, setPassword] = useState('');
  return (
    <div>
      <p data-testid="who">{session.data ? session.data.user : 'nobody'}</p>
      <input aria-label="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button onClick={() => login.mutate({ username: 'ann', password })}>in</button>
      <button onClick={() => logout.mutate()}>out</button>
      {login.error && <p role="alert">{login.error.fieldError('password')}</p>}
    </div>
  );
}

function Inbox() {
  const inbox = useMizanContext<string>('inbox', {}, { retry: false });
  return <p data-testid="inbox">{inbox.data ?? inbox.error?.status ?? '...'}</p>;
}

describe('signing in and out', () => {
  it('shows a wrong password on its field, then signs in, refetches what the page holds and reopens the socket', async () => {
    const server = fakeServer();
    const channels = new FakeChannelServer();
    const socket = createMizanSocket({ url: 'ws://app.test/mizan/ws', WebSocket: channels.WebSocket });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} queryClient={queryClient} socket={socket}>
        <SignIn />
        <Inbox />
      </MizanProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe('401'));
    expect(screen.getByTestId('who').textContent).toBe('nobody');
    await flush();
    expect(channels.connections).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByText('in'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The user name or password is wrong'));

    fireEvent.change(screen.getByLabelText('password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByText('in'));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('ann'));
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe("ann's inbox"));
    await flush();
    expect(channels.connections).toHaveLength(2);
    expect(channels.connections[0]!.state).not.toBe('open');
    expect(socket.status).toBe('open');

    fireEvent.click(screen.getByText('out'));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('nobody'));
    await flush();
    expect(channels.connections).toHaveLength(3);
    socket.close();
  });

  it("drops what was read for the user at sign-out: neither the page nor a later mount shows ann's data", async () => {
    const server = fakeServer();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    function Page() {
      const [inboxShown, setInboxShown] = useState(true);
      return (
        <>
          <SignIn />
          {inboxShown && <Inbox />}
          <button onClick={() => setInboxShown((shown) => !shown)}>toggle</button>
        </>
      );
    }
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} queryClient={queryClient} hydration={false}>
        <Page />
      </MizanProvider>,
    );
    fireEvent.change(screen.getByLabelText('password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByText('in'));
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe("ann's inbox"));

    fireEvent.click(screen.getByText('out'));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('nobody'));
    // on screen: the inbox is read again and fails, without ann's inbox next to the error
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe('401'));
    expect(queryClient.getQueryData(contextQueryKey('inbox'))).toBeUndefined();

    // off screen: a value read for ann is not kept for the next mount
    fireEvent.change(screen.getByLabelText('password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByText('in'));
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe("ann's inbox"));
    fireEvent.click(screen.getByText('toggle'));
    fireEvent.click(screen.getByText('out'));
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('nobody'));
    expect(queryClient.getQueryData(contextQueryKey('inbox'))).toBeUndefined();
    fireEvent.click(screen.getByText('toggle'));
    expect(screen.getByTestId('inbox').textContent).toBe('...');
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe('401'));
  });

  it('drops every context when a read answers 401 while the cache holds a signed-in user', async () => {
    const server = fakeServer(); // whose session has ended: nobody is signed in there
    // fresh for ever: the session in the cache is ann's until something says otherwise
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    queryClient.setQueryData(contextQueryKey('auth.session'), { user: 'ann', roles: ['user'] });
    queryClient.setQueryData(contextQueryKey('orders'), "ann's orders");
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} queryClient={queryClient} hydration={false}>
        <SignIn />
      </MizanProvider>,
    );
    await act(async () => {
      await queryClient.fetchQuery({
        queryKey: contextQueryKey('inbox'),
        queryFn: () => createMizanClient({ fetch: unbatching(server.fetch) }).context('inbox', {}),
      }).catch(() => undefined);
    });
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('nobody'));
    expect(queryClient.getQueryData(contextQueryKey('orders'))).toBeUndefined();
  });

  it('refetches the session when any read answers 401: a session that ended elsewhere stops showing a user', async () => {
    const server = fakeServer();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(contextQueryKey('auth.session'), { user: 'ann', roles: ['user'] });
    render(
      <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} queryClient={queryClient} hydration={false}>
        <SignIn />
      </MizanProvider>,
    );
    expect(screen.getByTestId('who').textContent).toBe('ann');
    const before = server.reads.get('auth.session') ?? 0;
    await act(async () => {
      await queryClient.fetchQuery({
        queryKey: contextQueryKey('inbox'),
        queryFn: () => createMizanClient({ fetch: unbatching(server.fetch) }).context('inbox', {}),
      }).catch(() => undefined);
    });
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('nobody'));
    expect(server.reads.get('auth.session')).toBeGreaterThan(before);
  });
});

describe('socket.reconnect', () => {
  it('opens a new connection at once and rejoins, and does nothing before the first open or after close', async () => {
    const channels = new FakeChannelServer();
    const socket = createMizanSocket({ url: 'ws://app.test/mizan/ws', WebSocket: channels.WebSocket });
    socket.reconnect();
    expect(channels.connections).toHaveLength(0);
    let resyncs = 0;
    socket.onResync(() => resyncs++);
    socket.join('chat', { room: 'lobby' }, {});
    await flush();
    socket.reconnect();
    await flush();
    expect(channels.connections).toHaveLength(2);
    expect(channels.last.sent('join')).toEqual([{ op: 'join', ref: '2', channel: 'chat', params: { room: 'lobby' } }]);
    expect(resyncs).toBe(1);
    socket.close();
    socket.reconnect();
    expect(channels.connections).toHaveLength(2);
  });
});
