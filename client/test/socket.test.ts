import { afterEach, describe, expect, it, vi } from 'vitest';
import { MizanError } from '../src/errors';
import type { PresenceMember } from '../src/presence';
import { createMizanSocket } from '../src/socket';
import type { ChannelHandlers } from '../src/channelJoins';
import type { MizanSocket, SocketStatus } from '../src/socket';
import { FakeChannelServer, flush } from './fakeChannelServer';
import type { FakeServerOptions } from './fakeChannelServer';

const URL = 'ws://app.test/mizan/ws';
const sockets: MizanSocket[] = [];

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setup(options: FakeServerOptions = {}) {
  const server = new FakeChannelServer(options);
  const socket = createMizanSocket({ url: URL, WebSocket: server.WebSocket });
  sockets.push(socket);
  return { server, socket };
}

/** Handlers that record what they are given. */
function recorder<M>() {
  const seen = { messages: [] as M[], errors: [] as MizanError[], presence: [] as PresenceMember[][], joined: 0 };
  const handlers: ChannelHandlers<M> = {
    onMessage: (m) => seen.messages.push(m),
    onError: (e) => seen.errors.push(e),
    onPresence: (p) => seen.presence.push(p),
    onJoined: () => seen.joined++,
  };
  return { seen, handlers };
}

function last<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

interface Chat {
  text: string;
  author?: string | null;
}

describe('opening', () => {
  it('opens nothing until the first join, then one socket for every join', async () => {
    const { server, socket } = setup();
    expect(socket.status).toBe('idle');
    expect(server.connections).toHaveLength(0);

    socket.join('chat', { room: 'a' }, {});
    expect(socket.status).toBe('connecting');
    socket.join('chat', { room: 'b' }, {});
    await flush();

    expect(socket.status).toBe('open');
    expect(server.connections).toHaveLength(1);
    expect(server.last.url).toBe(URL);
    expect(server.last.sent('join')).toEqual([
      { op: 'join', ref: '1', channel: 'chat', params: { room: 'a' } },
      { op: 'join', ref: '2', channel: 'chat', params: { room: 'b' } },
    ]);
  });

  it('opens when live invalidation subscribes', async () => {
    const { server, socket } = setup();
    const keys: string[][] = [];
    socket.onInvalidate((k) => keys.push(k));
    await flush();
    expect(socket.status).toBe('open');

    server.invalidate(['notes;board=general', 'currentUser']);
    await flush();
    expect(keys).toEqual([['notes;board=general', 'currentUser']]);
  });

  it('reports each status change', async () => {
    vi.useFakeTimers();
    const { server, socket } = setup();
    const seen: SocketStatus[] = [];
    const stop = socket.onStatus((s) => seen.push(s));
    socket.join('chat', {}, {});
    await flush();
    server.last.drop();
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    await flush();
    socket.close();
    expect(seen).toEqual(['connecting', 'open', 'reconnecting', 'open', 'closed']);
    stop();
  });

  it('takes the page origin when no url is given, with ws: or wss:', async () => {
    const server = new FakeChannelServer();
    vi.stubGlobal('location', new globalThis.URL('https://shop.test/app/orders?x=1'));
    const byDefault = createMizanSocket({ WebSocket: server.WebSocket });
    const relative = createMizanSocket({ url: '/app/mizan/ws', WebSocket: server.WebSocket });
    sockets.push(byDefault, relative);
    byDefault.join('chat', {}, {});
    relative.join('chat', {}, {});
    expect(server.connections.map((c) => c.url)).toEqual([
      'wss://shop.test/mizan/ws',
      'wss://shop.test/app/mizan/ws',
    ]);
  });

  it('says what to pass when there is no page or no WebSocket', () => {
    const server = new FakeChannelServer();
    expect(() => createMizanSocket({ WebSocket: server.WebSocket }).join('chat', {}, {})).toThrow(/pass one/);
    vi.stubGlobal('WebSocket', undefined);
    const socket = createMizanSocket({ url: URL });
    expect(() => socket.join('chat', {}, {})).toThrow(/createMizanSocket\(\{ url, WebSocket \}\)/);
    expect(socket.status).toBe('idle');
  });
});

describe('joins', () => {
  it('confirms a join and routes messages by ref', async () => {
    const { server, socket } = setup();
    const lobby = recorder<Chat>();
    const kitchen = recorder<Chat>();
    socket.join('chat', { room: 'lobby' }, lobby.handlers);
    socket.join('chat', { room: 'kitchen' }, kitchen.handlers);
    await flush();
    expect([lobby.seen.joined, kitchen.seen.joined]).toEqual([1, 1]);

    server.broadcast('chat', { room: 'kitchen' }, { text: 'soup is ready' });
    server.broadcast('chat', { room: 'lobby' }, { text: 'welcome' });
    await flush();
    expect(lobby.seen.messages).toEqual([{ text: 'welcome' }]);
    expect(kitchen.seen.messages).toEqual([{ text: 'soup is ready' }]);
  });

  it('queues sends until the join is confirmed, then sends them in order', async () => {
    const { server, socket } = setup({ autoOpen: false });
    const chat = socket.join<{ room: string }, Chat>('chat', { room: 'lobby' }, {});
    chat.send({ text: 'one' });
    chat.send({ text: 'two' });
    await flush();
    expect(server.last.received).toEqual([]);

    server.last.accept();
    await flush();
    expect(server.last.received.map((f) => f['op'])).toEqual(['join', 'send', 'send']);
    expect(server.last.sent('send').map((f) => f['data'])).toEqual([{ text: 'one' }, { text: 'two' }]);

    chat.send({ text: 'three' });
    expect(server.last.sent('send')).toHaveLength(3);
  });

  it('fails queued sends with the error of a refused join', async () => {
    const { server, socket } = setup({
      authorize: (_channel, params) =>
        (params as { room: string }).room === 'staff'
          ? { status: 403, title: 'Forbidden', detail: 'Staff only', code: 'CHAT_STAFF' }
          : undefined,
    });
    const { seen, handlers } = recorder<Chat>();
    const chat = socket.join('chat', { room: 'staff' }, handlers);
    chat.send({ text: 'let me in' });
    await flush();

    expect(seen.joined).toBe(0);
    expect(seen.errors).toHaveLength(1);
    const [error] = seen.errors;
    expect(error).toBeInstanceOf(MizanError);
    expect([error?.status, error?.title, error?.detail, error?.code]).toEqual([403, 'Forbidden', 'Staff only', 'CHAT_STAFF']);
    expect(server.last.sent('send')).toEqual([]);

    chat.send({ text: 'again' });
    expect(seen.errors).toEqual([error, error]);
    expect(server.last.sent('send')).toEqual([]);
  });

  it('reports a refused message as a MizanError and keeps the join', async () => {
    const { server, socket } = setup({
      validate: (_channel, data) =>
        (data as Chat).text === ''
          ? {
              status: 422,
              title: 'Unprocessable Content',
              code: 'MIZAN-137',
              errors: [{ path: 'message.text', message: 'must not be blank' }],
            }
          : undefined,
    });
    const { seen, handlers } = recorder<Chat>();
    const chat = socket.join('chat', { room: 'lobby' }, handlers);
    await flush();
    chat.send({ text: '' });
    await flush();
    expect(seen.errors[0]?.status).toBe(422);
    expect(seen.errors[0]?.fieldError('message.text')).toBe('must not be blank');

    chat.send({ text: 'hello' });
    await flush();
    expect(seen.messages).toEqual([{ text: 'hello', author: null }]);
    expect(server.last.sent('send')).toHaveLength(2);
  });

  it('ignores frames it cannot read and errors without a ref', async () => {
    const { server, socket } = setup();
    const { seen, handlers } = recorder<Chat>();
    socket.join('chat', {}, handlers);
    await flush();
    server.last.push('not json');
    server.last.push({ op: 'message', ref: '99', data: { text: 'for nobody' } });
    server.last.push({ op: 'error', status: 400, title: 'Bad Request' });
    server.last.push({ op: 'message', ref: '1', data: { text: 'still here' } });
    await flush();
    expect(seen.messages).toEqual([{ text: 'still here' }]);
    expect(seen.errors).toEqual([]);
  });

  it('a handler that throws does not keep the message from other joins', async () => {
    vi.useFakeTimers();
    const { server, socket } = setup();
    const { seen, handlers } = recorder<Chat>();
    socket.join<object, Chat>('chat', {}, {
      onMessage: () => {
        throw new Error('boom');
      },
    });
    socket.join('chat', {}, handlers);
    await flush();
    server.broadcast('chat', {}, { text: 'hello' });
    await flush();
    expect(seen.messages).toEqual([{ text: 'hello' }]);
    // The error is not swallowed: it is rethrown on its own, where the page reports it.
    expect(() => vi.runOnlyPendingTimers()).toThrow('boom');
  });

  it('leaves: sends leave once and calls no handler afterwards', async () => {
    const { server, socket } = setup();
    const { seen, handlers } = recorder<Chat>();
    const chat = socket.join('chat', { room: 'lobby' }, handlers);
    await flush();
    chat.leave();
    chat.leave();
    server.broadcast('chat', { room: 'lobby' }, { text: 'gone?' });
    await flush();
    expect(server.last.sent('leave')).toEqual([{ op: 'leave', ref: '1' }]);
    expect(last(server.last.pushed)).toEqual({ op: 'left', ref: '1' });
    expect(seen.messages).toEqual([]);
    chat.send({ text: 'after leaving' });
    expect(server.last.sent('send')).toEqual([]);
  });

  it('a join left before the socket opened is never sent', async () => {
    const { server, socket } = setup({ autoOpen: false });
    socket.join('chat', { room: 'a' }, {}).leave();
    socket.join('chat', { room: 'b' }, {});
    server.last.accept();
    await flush();
    expect(server.last.received).toEqual([{ op: 'join', ref: '1', channel: 'chat', params: { room: 'b' } }]);
  });

  it('keeps presence from the state frame and the diffs that follow', async () => {
    const server = new FakeChannelServer({ presence: ['chat'] });
    const connect = (user: string | null) => {
      server.user = user;
      const s = createMizanSocket({ url: URL, WebSocket: server.WebSocket });
      sockets.push(s);
      return s;
    };
    const al = recorder<Chat>();
    const alSocket = connect('al');
    alSocket.join('chat', { room: 'lobby' }, al.handlers);
    await flush();
    expect(al.seen.presence).toEqual([[{ user: 'al', sockets: 1 }]]);

    const bob = recorder<Chat>();
    const bobChat = connect('bob').join('chat', { room: 'lobby' }, bob.handlers);
    connect(null).join('chat', { room: 'lobby' }, {});
    await flush();
    expect(bob.seen.presence[0]).toEqual([
      { user: 'al', sockets: 1 },
      { user: 'bob', sockets: 1 },
    ]);
    expect(last(al.seen.presence)).toEqual([
      { user: 'al', sockets: 1 },
      { user: 'bob', sockets: 1 },
      { user: null, sockets: 1 },
    ]);

    bobChat.leave();
    await flush();
    expect(last(al.seen.presence)).toEqual([
      { user: 'al', sockets: 1 },
      { user: null, sockets: 1 },
    ]);
  });
});

describe('reconnecting', () => {
  it('reconnects after a drop with backoff, rejoins with fresh refs and calls the reconnect listeners', async () => {
    vi.useFakeTimers();
    const { server, socket } = setup();
    const lobby = recorder<Chat>();
    const kitchen = recorder<Chat>();
    let reconnects = 0;
    let resyncs = 0;
    socket.onReconnect(() => reconnects++);
    socket.onResync(() => resyncs++);
    const lobbyChat = socket.join('chat', { room: 'lobby' }, lobby.handlers);
    socket.join('chat', { room: 'kitchen' }, kitchen.handlers);
    await flush();
    const first = server.last;

    first.drop();
    await flush();
    expect(socket.status).toBe('reconnecting');
    lobbyChat.send({ text: 'sent while offline' });
    await vi.advanceTimersByTimeAsync(249);
    expect(server.connections).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(251);
    await flush();

    expect(server.connections).toHaveLength(2);
    const second = server.last;
    expect(socket.status).toBe('open');
    expect(second.sent('join')).toEqual([
      { op: 'join', ref: '3', channel: 'chat', params: { room: 'lobby' } },
      { op: 'join', ref: '4', channel: 'chat', params: { room: 'kitchen' } },
    ]);
    expect(second.sent('send')).toEqual([{ op: 'send', ref: '3', data: { text: 'sent while offline' } }]);
    expect(reconnects).toBe(1);
    expect(resyncs).toBe(1);
    expect([lobby.seen.joined, kitchen.seen.joined]).toEqual([2, 2]);

    second.push({ op: 'resync' });
    await flush();
    expect([reconnects, resyncs]).toEqual([1, 2]);
    expect(socket.status).toBe('open');

    server.broadcast('chat', { room: 'kitchen' }, { text: 'back' });
    await flush();
    expect(kitchen.seen.messages).toEqual([{ text: 'back' }]);
    expect(lobby.seen.messages).toEqual([{ text: 'sent while offline', author: null }]);
  });

  it('waits longer after each failed attempt, up to the maximum, and starts over once open', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const server = new FakeChannelServer({ autoOpen: false });
    const socket = createMizanSocket({ url: URL, WebSocket: server.WebSocket, backoff: { initialMs: 100, maxMs: 400 } });
    sockets.push(socket);
    socket.join('chat', {}, {});
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = server.connections.length;
      server.last.refuse();
      await flush();
      let waited = 0;
      while (server.connections.length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([100, 200, 400, 400, 400]);

    server.last.accept();
    await flush();
    await vi.advanceTimersByTimeAsync(10_000); // open long enough to count as a working connection
    server.last.drop();
    await flush();
    await vi.advanceTimersByTimeAsync(100);
    expect(server.connections).toHaveLength(7);
    vi.restoreAllMocks();
  });

  it('keeps backing off from a server that accepts each connection and closes it at once', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const server = new FakeChannelServer({ autoOpen: false });
    const socket = createMizanSocket({ url: URL, WebSocket: server.WebSocket, backoff: { initialMs: 100, maxMs: 400 } });
    sockets.push(socket);
    socket.join('chat', {}, {});
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = server.connections.length;
      server.last.accept();
      await flush();
      server.last.drop(); // as a server that closes with 1008 or 1013 right after the handshake
      await flush();
      let waited = 0;
      while (server.connections.length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([100, 200, 400, 400]);
    vi.restoreAllMocks();
  });

  it('a first connection that only opened after failed attempts counts as a reconnect', async () => {
    vi.useFakeTimers();
    const server = new FakeChannelServer({ autoOpen: false });
    const socket = createMizanSocket({ url: URL, WebSocket: server.WebSocket });
    sockets.push(socket);
    let reconnects = 0;
    socket.onReconnect(() => reconnects++);
    socket.join('chat', {}, {});
    server.last.refuse();
    await flush();
    expect(socket.status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    server.last.accept();
    await flush();
    expect(reconnects).toBe(1);
  });

  it('does not rejoin a join the server refused', async () => {
    vi.useFakeTimers();
    const { server, socket } = setup({ authorize: (channel) => (channel === 'staff' ? { status: 403, title: 'Forbidden' } : undefined) });
    socket.join('staff', {}, {});
    socket.join('chat', {}, {});
    await flush();
    server.last.drop();
    await vi.advanceTimersByTimeAsync(500);
    await flush();
    expect(server.last.sent('join').map((f) => f['channel'])).toEqual(['chat']);
  });

  it('never reconnects after close(), and joins on a closed socket fail', async () => {
    vi.useFakeTimers();
    const { server, socket } = setup();
    const { seen, handlers } = recorder<Chat>();
    socket.join('chat', {}, handlers);
    await flush();
    server.last.drop();
    await flush();
    socket.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.connections).toHaveLength(1);
    expect(socket.status).toBe('closed');

    const late = recorder<Chat>();
    socket.join('chat', {}, late.handlers).send({ text: 'anyone?' });
    expect(late.seen.errors.map((e) => e.status)).toEqual([0, 0]);
    expect(server.connections).toHaveLength(1);
    expect(seen.messages).toEqual([]);
  });

  it('close() on an open socket closes it normally and stays closed', async () => {
    vi.useFakeTimers();
    const { server, socket } = setup();
    socket.join('chat', {}, {});
    await flush();
    socket.close();
    await flush();
    expect(server.last.closedByClient?.code).toBe(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.connections).toHaveLength(1);
    expect(socket.status).toBe('closed');
  });
});
