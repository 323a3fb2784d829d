// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contextQueryKey } from '../src/cache';
import { createMizanClient } from '../src/client';
import { useMizanContext } from '../src/contexts';
import { MizanProvider, useMizanSocket } from '../src/react';
import { createMizanSocket } from '../src/socket';
import type { MizanSocket } from '../src/socket';
import { useChannel } from '../src/useChannel';
import type { ChannelOptions } from '../src/useChannel';
import { FakeChannelServer, flush } from './fakeChannelServer';
import type { FakeServerOptions } from './fakeChannelServer';

interface ChatMessage {
  text: string;
  author?: string | null;
}

const sockets: MizanSocket[] = [];
afterEach(() => {
  cleanup();
  for (const s of sockets.splice(0)) s.close();
});

function setup(options: FakeServerOptions = {}) {
  const server = new FakeChannelServer(options);
  server.user = 'al';
  const socket = createMizanSocket({ url: 'ws://app.test/mizan/ws', WebSocket: server.WebSocket });
  sockets.push(socket);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const client = createMizanClient({ fetch: async () => new Response('{"result": "fetched"}') });
  const wrap = (children: ReactNode, live?: boolean) => (
    <MizanProvider client={client} queryClient={queryClient} socket={socket} hydration={false} live={live}>
      {children}
    </MizanProvider>
  );
  return { server, socket, queryClient, wrap };
}

function Chat({ room, ...options }: { room: string } & ChannelOptions<ChatMessage>) {
  const chat = useChannel<{ room: string }, ChatMessage>('chat', { room }, options);
  return (
    <div>
      <p data-testid="status">{chat.status}</p>
      <ul data-testid="messages">
        {chat.messages.map((m, i) => (
          <li key={i}>{`${m.author ?? '?'}: ${m.text}`}</li>
        ))}
      </ul>
      <p data-testid="members">{chat.members.map((m) => `${m.user ?? 'anonymous'}×${m.sockets}`).join(', ')}</p>
      {chat.error && <p role="alert">{`${chat.error.status} ${chat.error.title}`}</p>}
      <button onClick={() => chat.send({ text: 'hi' })}>say hi</button>
    </div>
  );
}

const texts = () => Array.from(screen.getByTestId('messages').querySelectorAll('li')).map((li) => li.textContent);
const settle = () => act(flush);

describe('useChannel', () => {
  it('joins on mount, shows messages, presence and status, sends, and leaves on unmount', async () => {
    const { server, wrap } = setup({ presence: ['chat'] });
    const view = render(wrap(<Chat room="lobby" />));
    expect(screen.getByTestId('status').textContent).toBe('connecting');
    await settle();

    expect(screen.getByTestId('status').textContent).toBe('open');
    expect(server.last.sent('join')).toEqual([{ op: 'join', ref: '1', channel: 'chat', params: { room: 'lobby' } }]);
    expect(screen.getByTestId('members').textContent).toBe('al×1');

    fireEvent.click(screen.getByText('say hi'));
    server.broadcast('chat', { room: 'lobby' }, { text: 'welcome', author: 'bot' });
    await settle();
    expect(texts()).toEqual(['al: hi', 'bot: welcome']);

    server.user = null;
    const other = createMizanSocket({ url: 'ws://app.test/mizan/ws', WebSocket: server.WebSocket });
    sockets.push(other);
    other.join('chat', { room: 'lobby' }, {});
    await settle();
    expect(screen.getByTestId('members').textContent).toBe('al×1, anonymous×1');

    view.unmount();
    await flush();
    expect(server.connections[0]?.sent('leave')).toEqual([{ op: 'leave', ref: '1' }]);
  });

  it('rejoins when the params change by value, not when only the object is new', async () => {
    const { server, wrap } = setup();
    const view = render(wrap(<Chat room="lobby" />));
    await settle();
    server.broadcast('chat', { room: 'lobby' }, { text: 'in the lobby' });
    await settle();

    view.rerender(wrap(<Chat room="lobby" />));
    await settle();
    expect(server.last.sent('join')).toHaveLength(1);
    expect(texts()).toEqual(['?: in the lobby']);

    view.rerender(wrap(<Chat room="kitchen" />));
    await settle();
    expect(server.last.received.map((f) => [f['op'], f['ref']])).toEqual([
      ['join', '1'],
      ['leave', '1'],
      ['join', '2'],
    ]);
    expect(texts()).toEqual([]);
    server.broadcast('chat', { room: 'kitchen' }, { text: 'soup' });
    server.broadcast('chat', { room: 'lobby' }, { text: 'not here' });
    await settle();
    expect(texts()).toEqual(['?: soup']);
  });

  it('keeps the latest messages and calls onMessage for each', async () => {
    const { server, wrap } = setup();
    const onMessage = vi.fn();
    render(wrap(<Chat room="lobby" keep={2} onMessage={onMessage} />));
    await settle();
    for (const text of ['one', 'two', 'three']) server.broadcast('chat', { room: 'lobby' }, { text });
    await settle();
    expect(texts()).toEqual(['?: two', '?: three']);
    expect(onMessage.mock.calls.map(([m]) => (m as ChatMessage).text)).toEqual(['one', 'two', 'three']);
  });

  it('shows a refused join as its error', async () => {
    const { wrap } = setup({ authorize: () => ({ status: 403, title: 'Forbidden' }) });
    render(wrap(<Chat room="staff" />));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('403 Forbidden');
  });

  it('does not join while disabled', async () => {
    const { server, socket, wrap } = setup();
    let send: ((m: ChatMessage) => void) | undefined;
    function Toggle() {
      const [on, setOn] = useState(false);
      send = useChannel<{ room: string }, ChatMessage>('chat', { room: 'lobby' }, { enabled: on }).send;
      return <button onClick={() => setOn(true)}>enable</button>;
    }
    render(wrap(<Toggle />, false));
    await settle();
    expect(socket.status).toBe('idle');
    expect(() => send?.({ text: 'hi' })).toThrow(/needs the channel joined/);

    fireEvent.click(screen.getByText('enable'));
    await settle();
    expect(server.last.sent('join')).toHaveLength(1);
  });

  it('holds one join under StrictMode', async () => {
    const { server, wrap } = setup();
    render(<StrictMode>{wrap(<Chat room="lobby" />)}</StrictMode>);
    await settle();
    server.broadcast('chat', { room: 'lobby' }, { text: 'once' });
    await settle();
    expect(texts()).toEqual(['?: once']);
  });
});

describe('MizanProvider with a socket', () => {
  function Todos() {
    const { data } = useMizanContext<string>('todos', { owner: 'bob' });
    return <p data-testid="todos">{data}</p>;
  }

  it('applies pushed invalidations to the cache (live, the default)', async () => {
    const { server, socket, queryClient, wrap } = setup();
    queryClient.setQueryData(contextQueryKey('todos', { owner: 'bob' }), 'cached');
    queryClient.setQueryData(contextQueryKey('todos', { owner: 'al' }), 'cached');
    render(wrap(<Todos />));
    await settle();
    expect(socket.status).toBe('open');
    expect(screen.getByTestId('todos').textContent).toBe('cached');

    server.invalidate(['todos;owner=bob']);
    await settle();
    await screen.findByText('fetched');
    expect(queryClient.getQueryState(contextQueryKey('todos', { owner: 'al' }))?.isInvalidated).toBe(false);
  });

  it('live={false} leaves the socket alone', async () => {
    const { socket, wrap } = setup();
    render(wrap(<p>no channels</p>, false));
    await settle();
    expect(socket.status).toBe('idle');
  });

  it('useMizanSocket says how to provide a socket', () => {
    function Probe() {
      useMizanSocket();
      return null;
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<MizanProvider hydration={false}><Probe /></MizanProvider>)).toThrow(
      /<MizanProvider socket=\{createMizanSocket\(\)\}>/,
    );
    vi.restoreAllMocks();
  });
});
