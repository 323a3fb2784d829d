// The generated channel hook and live invalidation against a real server: run by ChannelsIT with
// MIZAN_BASE_URL and MIZAN_SOCKET_URL set, after it has generated ./generated-channels from the
// channels test WAR's classes. Every frame here crosses the network to Payara Micro and back.
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import WebSocket from 'ws';
import {
  MizanError,
  MizanProvider,
  NotesProvider,
  addNote,
  createMizanClient,
  createMizanSocket,
  newsChannel,
  useChatChannel,
  useNotes,
  type ChannelState,
  type ChatMessage,
  type MizanClient,
  type MizanSocket,
  type News,
  type Topic,
  type WebSocketConstructor,
} from './generated-channels';

const base = process.env['MIZAN_BASE_URL'];
const socketUrl = process.env['MIZAN_SOCKET_URL'];
if (!base || !socketUrl) {
  throw new Error('MIZAN_BASE_URL and MIZAN_SOCKET_URL are not set: this suite runs from ChannelsIT against a deployed WAR');
}

/** Long enough for a loaded build machine; every wait ends as soon as its frame has arrived. */
const FRAME = { timeout: 15_000 };

const authorization = (user: string) => `Basic ${btoa(`${user}:secret`)}`;

/**
 * The `ws` constructor with a signed-in user's BASIC credentials on the handshake. A browser sends
 * the session cookie by itself; in Node, headers go in the `ws` options, which the runtime's
 * one-argument constructor type leaves to a subclass like this one.
 */
function signedIn(user: string): WebSocketConstructor {
  const header = authorization(user);
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { Authorization: header } });
    }
  };
}

const sockets: MizanSocket[] = [];
function socketOf(user: string | null): MizanSocket {
  const socket = createMizanSocket({ url: socketUrl, WebSocket: user === null ? WebSocket : signedIn(user) });
  sockets.push(socket);
  return socket;
}

function clientOf(user: string, log: string[] = []): MizanClient {
  return createMizanClient({
    baseUrl: base,
    headers: { Authorization: authorization(user) },
    fetch: (url, init) => {
      const { pathname, search } = new URL(url);
      if (pathname.includes('/ctx/')) log.push(`fetch ${pathname.slice(pathname.indexOf('/ctx/'))}${search}`);
      return fetch(url, init);
    },
  });
}

function queryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
}

afterEach(() => {
  cleanup();
  for (const socket of sockets.splice(0)) socket.close();
});

/** One user's chat through the generated hook, with its state on the page under the user's name. */
function Chat({ who, room, expose }: { who: string; room: string; expose?: (chat: ChannelState<ChatMessage>) => void }) {
  const chat = useChatChannel({ room });
  expectTypeOf(chat.messages).toEqualTypeOf<ChatMessage[]>();
  expectTypeOf(chat.send).parameter(0).toEqualTypeOf<ChatMessage>();
  expose?.(chat);
  return (
    <section>
      <p data-testid={`${who}-status`}>{chat.status}</p>
      <p data-testid={`${who}-members`}>{chat.members.map((m) => `${m.user ?? 'anonymous'}×${m.sockets}`).join(', ')}</p>
      <ul data-testid={`${who}-messages`}>
        {chat.messages.map((m, i) => (
          <li key={i}>{`${m.author ?? '?'}: ${m.text}`}</li>
        ))}
      </ul>
      {chat.error && <p data-testid={`${who}-error`}>{`${chat.error.status} ${chat.error.code ?? ''}`}</p>}
    </section>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('the generated channel hook against Payara Micro', () => {
  it('joins two users to a room, carries a typed message from one to the other, and shows presence', async () => {
    const room = 'nodechat';
    let annChat: ChannelState<ChatMessage> | undefined;
    render(
      <MizanProvider client={clientOf('ann')} queryClient={queryClient()} socket={socketOf('ann')} hydration={false}>
        <Chat who="ann" room={room} expose={(chat) => (annChat = chat)} />
      </MizanProvider>,
    );
    await waitFor(() => expect(text('ann-members')).toBe('ann×1'), FRAME);

    const sam = render(
      <MizanProvider client={clientOf('sam')} queryClient={queryClient()} socket={socketOf('sam')} hydration={false}>
        <Chat who="sam" room={room} />
      </MizanProvider>,
    );
    await waitFor(() => expect(text('sam-members')).toBe('ann×1, sam×1'), FRAME);
    await waitFor(() => expect(text('ann-members')).toBe('ann×1, sam×1'), FRAME);
    expect(text('ann-status')).toBe('open');

    const message: ChatMessage = { text: 'hello from node', author: null };
    act(() => annChat!.send(message));
    // The author is the handshake's user, filled in by the server's receive().
    await waitFor(() => expect(screen.getByTestId('sam-messages').textContent).toBe('ann: hello from node'), FRAME);
    await waitFor(() => expect(screen.getByTestId('ann-messages').textContent).toBe('ann: hello from node'), FRAME);

    sam.unmount(); // sam's component leaves the room; its socket stays open
    await waitFor(() => expect(text('ann-members')).toBe('ann×1'), FRAME);
  });

  it('invalidates a cached context when another user mutates it, by the pushed frame alone', async () => {
    const log: string[] = [];
    const socket = socketOf('ann');
    socket.onInvalidate((keys) => log.push(`invalidate ${keys.join(', ')}`));
    function Notes() {
      const notes = useNotes();
      expectTypeOf(notes.data).toEqualTypeOf<string[] | undefined>();
      return <ul data-testid="notes">{notes.data?.map((n, i) => <li key={i}>{n}</li>)}</ul>;
    }
    render(
      <MizanProvider client={clientOf('ann', log)} queryClient={queryClient()} socket={socket} hydration={false}>
        <NotesProvider board="general">
          <Notes />
        </NotesProvider>
      </MizanProvider>,
    );
    await waitFor(() => expect(log).toEqual(['fetch /ctx/notes?board=general']), FRAME);
    // A round trip on the socket, so that the server has taken it in before the mutation runs.
    await new Promise<void>((joined) => {
      socket.join<Topic, News>(newsChannel.name, { topic: 'node' }, { onJoined: joined });
    });

    const note = `from sam ${Date.now()}`;
    const answer = await addNote(clientOf('sam'), { board: 'general', text: note });
    expectTypeOf(answer.result).toEqualTypeOf<number>();
    expect(answer.invalidate).toEqual(['notes;board=general']);

    await waitFor(() => expect(screen.getByTestId('notes').textContent, `after ${log.join(', ')}`).toContain(note), FRAME);
    expect(log).toEqual([
      'fetch /ctx/notes?board=general',
      'invalidate notes;board=general',
      'fetch /ctx/notes?board=general',
    ]);
  });

  it('surfaces a refused join as a MizanError with the status and code of the server', async () => {
    let chat: ChannelState<ChatMessage> | undefined;
    render(
      <MizanProvider client={createMizanClient({ baseUrl: base })} queryClient={queryClient()} socket={socketOf(null)} hydration={false}>
        <Chat who="nobody" room="lobby" expose={(c) => (chat = c)} />
      </MizanProvider>,
    );
    await waitFor(() => expect(text('nobody-error')).toBe('401 MIZAN-174'), FRAME);
    expect(chat!.error).toBeInstanceOf(MizanError);
    expect(chat!.error).toMatchObject({ status: 401, code: 'MIZAN-174' });
    expect(chat!.status).toBe('open');
    expect(chat!.members).toEqual([]);
  });
});
