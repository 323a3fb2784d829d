import { useEffect, useState, type FormEvent } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import {
  MizanForm,
  contactForm,
  useInbox,
  useLogin,
  useLogout,
  useSession,
  chatMessageSchema,
  GreetProvider,
  NotesProvider,
  useAddNote,
  useClearBoard,
  useCurrentUser,
  useGreet,
  useNotes,
  useChatChannel,
  useUpdateName,
} from './mizan';

/** The demo page: every call below goes through code generated from the server's @Client methods. */
export function App() {
  return (
    <main>
      <Header />
      <Profile />
      <Greeting />
      <Boards />
      <Chat />
      <Contact />
      <Inbox />
    </main>
  );
}

/**
 * Signing in and out through Mizan's auth.* functions: the session is a global context embedded in
 * the page; signing in or out refetches every context and reopens the socket as the new user.
 */
function Header() {
  const user = useCurrentUser();
  const me = user.data ?? null;
  const logout = useLogout();
  return (
    <header>
      <h1>Mizan demo</h1>
      {me ? (
        <p>
          <span data-testid="signed-in">
            Signed in as <b>{me.displayName}</b>
            {me.staff ? ' (staff)' : ''}
          </span>{' '}
          <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Sign out
          </button>
        </p>
      ) : (
        <SignIn />
      )}
    </header>
  );
}

function SignIn() {
  const session = useSession();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  if (session.data) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password }, { onSuccess: () => setPassword('') });
  };
  // a wrong password is a 401 with a field error; too many tries a 429 whose detail says when to retry
  const problem = login.error ? login.error.fieldError('password') ?? login.error.detail ?? login.error.title : null;
  return (
    <form onSubmit={submit} aria-label="sign in" className="sign-in">
      <label>
        User name
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="username"
          required
          aria-invalid={problem ? true : undefined}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
          aria-invalid={problem ? true : undefined}
        />
      </label>
      <button type="submit" disabled={login.isPending} data-testid="sign-in">
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : (
        <p className="muted hint">
          Try <code>ada</code> / <code>lovelace</code> (staff) or <code>bob</code> / <code>builder</code>.
        </p>
      )}
    </form>
  );
}

/** Renaming oneself: the response's key (currentUser) refetches the header's context. */
function Profile() {
  const user = useCurrentUser();
  if (!user.data) {
    return null;
  }
  return (
    <section>
      <h2>Your name</h2>
      <Rename current={user.data.displayName} />
    </section>
  );
}

function Rename({ current }: { current: string }) {
  const [name, setName] = useState(current);
  const rename = useUpdateName();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ displayName: name });
  };
  return (
    <form onSubmit={submit} aria-label="rename">
      <input
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (rename.error) rename.reset();
        }}
        aria-label="display name"
      />
      <button type="submit" disabled={rename.isPending}>
        Rename
      </button>
      {rename.error ? <span className="error">{rename.error.fieldError('displayName') ?? rename.error.detail}</span> : null}
    </form>
  );
}

/** A local context with a parameter: one cache entry per name. */
/** A value that follows another once it has stopped changing for `ms`: one fetch per pause in typing. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Greeting() {
  const [name, setName] = useState('world');
  const settled = useDebounced(name, 300);
  return (
    <section>
      <h2>Greeting</h2>
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label="name to greet" />
      <GreetProvider name={settled}>
        <GreetingText />
      </GreetProvider>
    </section>
  );
}

function GreetingText() {
  // the previous greeting stays on screen while the next one loads
  const greeting = useGreet({ placeholderData: keepPreviousData });
  if (greeting.error) {
    return <p className="error">{greeting.error.fieldError('name') ?? greeting.error.detail}</p>;
  }
  return (
    <p data-testid="greeting" className={greeting.isPlaceholderData ? 'stale' : undefined}>
      {greeting.data ? `${greeting.data.text} (${greeting.data.letters} letters)` : '…'}
    </p>
  );
}

/** Two boards side by side: adding a note refetches only that board (key notes;board=...). */
function Boards() {
  return (
    <section>
      <h2>Boards</h2>
      <p className="muted">
        A note added to one board invalidates <code>notes;board=that-board</code> only. The server pushes that key over
        the page's WebSocket to every open tab, so a note that another tab or user adds shows up here by itself.
      </p>
      {['general', 'random'].map((board) => (
        <NotesProvider key={board} board={board}>
          <Board board={board} />
        </NotesProvider>
      ))}
    </section>
  );
}

function Board({ board }: { board: string }) {
  const notes = useNotes();
  const user = useCurrentUser();
  const add = useAddNote();
  const clear = useClearBoard();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ board, text }, { onSuccess: () => setText('') });
    clear.reset();
  };
  return (
    <div data-testid={`board-${board}`}>
      <h3>
        #{board} <span className="muted">fetched {notes.dataUpdatedAt ? new Date(notes.dataUpdatedAt).toLocaleTimeString() : '–'}</span>
      </h3>
      {notes.data && notes.data.length === 0 ? (
        <p className="muted" data-testid={`empty-${board}`}>
          No notes yet.
        </p>
      ) : (
        <ul className="notes">
          {(notes.data ?? []).map((note) => (
            <li key={note.id}>
              {note.text} <span className="muted">— {note.author}</span>
            </li>
          ))}
        </ul>
      )}
      {user.data ? (
        <form onSubmit={submit} aria-label={`add to ${board}`}>
          <input
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (add.error) add.reset();
            }}
            aria-label={`note for ${board}`}
          />
          <button type="submit" disabled={add.isPending}>
            Add
          </button>
          {user.data.staff && !confirming ? (
            <button type="button" onClick={() => setConfirming(true)} disabled={!notes.data?.length}>
              Clear…
            </button>
          ) : null}
          {confirming ? (
            <span role="group" aria-label={`clear ${board}?`}>
              Remove every note of #{board}?{' '}
              <button
                type="button"
                onClick={() => clear.mutate({ board }, { onSettled: () => setConfirming(false) })}
                disabled={clear.isPending}
              >
                Remove all
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : null}
          {clear.data !== undefined && !confirming ? (
            <span role="status" className="muted" data-testid={`cleared-${board}`}>
              Removed {clear.data} {clear.data === 1 ? 'note' : 'notes'}.
            </span>
          ) : null}
          {clear.error ? <span className="error">{clear.error.detail ?? clear.error.title}</span> : null}
          {add.error ? <span className="error">{add.error.fieldError('text') ?? add.error.detail}</span> : null}
          {add.invalidated.length > 0 ? (
            <span className="muted" data-testid={`keys-${board}`}>
              {' '}
              invalidated: {add.invalidated.join(', ')}
            </span>
          ) : null}
        </form>
      ) : (
        <p className="muted">Sign in to add notes.</p>
      )}
    </div>
  );
}

const ROOMS = ['lobby', 'random'];

/** The channel chat: signed-in users talk in rooms and see who is there (presence). */
function Chat() {
  const user = useCurrentUser();
  const [room, setRoom] = useState(ROOMS[0]!);
  return (
    <section data-testid="chat">
      <h2>Chat</h2>
      {user.data ? (
        <>
          <p className="rooms">
            {ROOMS.map((r) => (
              <button key={r} type="button" aria-pressed={r === room} onClick={() => setRoom(r)}>
                #{r}
              </button>
            ))}
          </p>
          <ChatRoom key={room} room={room} />
        </>
      ) : (
        <p className="muted">Sign in to chat.</p>
      )}
    </section>
  );
}

function ChatRoom({ room }: { room: string }) {
  const chat = useChatChannel({ room }, { keep: 50 });
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked as the server checks it; the server sets author and sent, whatever is sent here.
    const parsed = chatMessageSchema.safeParse({ text, author: null, sent: null });
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? 'invalid');
      return;
    }
    setInvalid(null);
    chat.send(parsed.data);
    setText('');
  };
  return (
    <div>
      <p className="muted">
        <span className={`status status-${chat.status}`} data-testid="chat-status">
          {chat.status}
        </span>{' '}
        · here:{' '}
        <span data-testid="chat-members">
          {chat.members.length === 0
            ? 'nobody yet'
            : chat.members.map((m) => `${m.user ?? 'guest'}${m.sockets > 1 ? ` (${m.sockets} tabs)` : ''}`).join(', ')}
        </span>
      </p>
      <ul className="chat" data-testid="chat-messages">
        {chat.messages.map((m, i) => (
          <li key={i}>
            <b>{m.author}</b> {m.text}{' '}
            <span className="muted">{m.sent ? new Date(m.sent).toLocaleTimeString() : ''}</span>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={`message to ${room}`}>
        <input value={text} onChange={(e) => setText(e.target.value)} aria-label="message" maxLength={500} />
        <button type="submit">Send</button>
        {invalid ? <span className="error">{invalid}</span> : null}
        {chat.error ? (
          <span className="error" role="alert">
            {chat.error.fieldError('data.text') ?? chat.error.detail ?? chat.error.title}
          </span>
        ) : null}
      </form>
    </div>
  );
}

/** A form from one set of constraints: checked here by the generated Zod schema, then by the server. */
function Contact() {
  return (
    <section>
      <MizanForm definition={contactForm} submitLabel="Send" showTitle>
        {(form) =>
          form.result ? (
            <p role="status" data-testid="contact-sent">
              Thanks! Message #{form.result.number} received.
            </p>
          ) : null
        }
      </MizanForm>
    </section>
  );
}

/** The messages received, for staff: it refreshes by itself when anyone sends one (live invalidation). */
function Inbox() {
  const user = useCurrentUser();
  const inbox = useInbox({ enabled: user.data?.staff === true });
  if (!user.data?.staff) return null;
  return (
    <section>
      <h2>Inbox</h2>
      {inbox.data?.length === 0 ? <p className="muted">No messages yet.</p> : null}
      <ul data-testid="inbox">
        {(inbox.data ?? []).map((m) => (
          <li key={m.id}>
            <b>{m.from}</b> ({m.topic.toLowerCase()}): {m.text}
            {m.callBack ? (
              <>
                {' '}
                (call back <time dateTime={m.callBack}>{new Date(m.callBack).toLocaleString()}</time>)
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
