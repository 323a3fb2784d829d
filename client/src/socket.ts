// The page's one WebSocket to the server: the connection, its status, reconnection with backoff,
// and live invalidation pushes. The channel joins it carries are in channelJoins.ts.
// Framework-agnostic; React binds to it in useChannel.

import { backoffDelay } from './backoff';
import type { BackoffOptions } from './backoff';
import { callEach, callSafely } from './callSafely';
import { createJoins } from './channelJoins';
import type { ChannelHandlers, ChannelJoin } from './channelJoins';
import { MizanError } from './errors';
import { formatClientFrame, parseServerFrame } from './frames';
import type { ClientFrame } from './frames';
import { socketUrl } from './socketUrl';

/**
 * Where the socket is: `idle` before the first join (or live subscription), `connecting` for the
 * first attempt, `open`, `reconnecting` after a drop (waiting or trying again), `closed` after
 * `close()`.
 */
export type SocketStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

// A listener type that accepts handlers for richer events (the DOM's MessageEvent, ws's own), the
// way method parameters do: lets both constructors fit `WebSocketConstructor` without casts.
type SocketListener<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** What the socket uses of a WebSocket. The browser's `WebSocket` fits, so does the `ws` package's. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: SocketListener<unknown> | null;
  onmessage: SocketListener<{ readonly data: unknown }> | null;
  onclose: SocketListener<unknown> | null;
  onerror: SocketListener<unknown> | null;
}

/** A WebSocket constructor: `globalThis.WebSocket`, `WebSocket` from `ws`, or a test double. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Options of `createMizanSocket`. */
export interface MizanSocketOptions {
  /**
   * The endpoint. Default: the page's origin with `ws:`/`wss:` and path `/mizan/ws`. A relative or
   * `http(s):` URL is resolved against the page (`/shop/mizan/ws` under a context root).
   */
  url?: string | undefined;
  /** The WebSocket constructor. Default `globalThis.WebSocket`; in Node pass one, e.g. from `ws`. */
  WebSocket?: WebSocketConstructor | undefined;
  /** Waits between reconnection attempts: exponential with jitter, from 500 ms up to 15 s. */
  backoff?: BackoffOptions | undefined;
}

/** The page's connection to the server's channels and live invalidation. */
export interface MizanSocket {
  /** The current status. */
  readonly status: SocketStatus;
  /** Calls `listener` on each status change; returns the function that stops it. */
  onStatus(listener: (status: SocketStatus) => void): () => void;
  /** Joins a channel (opening the socket if needed); rejoined after every reconnect until `leave()`. */
  join<P, M>(channel: string, params: P, handlers: ChannelHandlers<M>): ChannelJoin<M>;
  /** Calls `listener` with the keys of each `invalidate` frame. Subscribing opens the socket. */
  onInvalidate(listener: (keys: string[]) => void): () => void;
  /** Calls `listener` each time the socket opens again after a drop or a failed attempt. */
  onReconnect(listener: () => void): () => void;
  /**
   * Calls `listener` whenever pushes may have been missed, so what the page holds may be stale: each
   * reconnect, and each `resync` frame (the server could not hear the other nodes for a while).
   */
  onResync(listener: () => void): () => void;
  /**
   * Opens the socket again at once, as the caller the page now is (after signing in or out: the
   * server takes the user from the handshake only). Joins are rejoined and `onResync` listeners called.
   * Does nothing before the socket was first opened, or after `close()`.
   */
  reconnect(): void;
  /** Closes the socket for good: no reconnection, no more handlers called. */
  close(): void;
}

/**
 * Creates the page's socket. It opens on the first `join` (or `onInvalidate`), reconnects with
 * backoff after a drop and rejoins every active join, and never reconnects after `close()`.
 * Create one per page and give it to `MizanProvider`.
 *
 * @example
 * const socket = createMizanSocket();                       // wss://<page host>/mizan/ws
 * const chat = socket.join<{ room: string }, ChatMessage>('chat', { room: 'lobby' }, {
 *   onMessage: (m) => console.log(m.author, m.text),
 *   onError: (e) => console.warn(e.status, e.title),
 * });
 * chat.send({ text: 'hi' });
 * chat.leave();
 *
 * // In Node (tests, scripts), with the `ws` package:
 * import WebSocket from 'ws';
 * const node = createMizanSocket({ url: 'ws://localhost:8080/app/mizan/ws', WebSocket });
 */
/** How long a connection must have lasted for the next reconnection to wait the shortest time again. */
const STABLE_MS = 10_000;

export function createMizanSocket(options: MizanSocketOptions = {}): MizanSocket {
  let status: SocketStatus = 'idle';
  let ws: WebSocketLike | null = null;
  let open = false;
  let closed = false;
  let retrying = false;
  let attempt = 0;
  let openedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const statusListeners = new Set<(status: SocketStatus) => void>();
  const invalidateListeners = new Set<(keys: string[]) => void>();
  const reconnectListeners = new Set<() => void>();
  const resyncListeners = new Set<() => void>();

  function setStatus(next: SocketStatus): void {
    if (status === next) return;
    status = next;
    callEach(statusListeners, next);
  }

  function write(frame: ClientFrame): boolean {
    // open only while ws is the socket that opened
    if (open) ws?.send(formatClientFrame(frame));
    return open;
  }

  const joins = createJoins(write);

  function connect(): void {
    const Ctor: WebSocketConstructor | undefined = options.WebSocket ?? globalThis.WebSocket;
    if (!Ctor) {
      // Node has none before v22: the `ws` package's fits
      throw new Error('createMizanSocket(): no WebSocket here: pass one, createMizanSocket({ url, WebSocket })');
    }
    const url = socketUrl(options.url);
    setStatus(retrying ? 'reconnecting' : 'connecting');
    let socket: WebSocketLike;
    try {
      socket = new Ctor(url);
    } catch (error) {
      if (!retrying) {
        // A URL the constructor refuses: a mistake to show at the first join, not to retry.
        setStatus('idle');
        throw error;
      }
      scheduleReconnect();
      return;
    }
    ws = socket;
    socket.onopen = () => {
      if (ws === socket) opened();
    };
    socket.onmessage = (event) => {
      if (ws === socket) receive(event.data);
    };
    socket.onclose = () => {
      if (ws === socket) dropped();
    };
    // An error event is followed by a close event, which does the work.
    socket.onerror = () => {};
  }

  function opened(): void {
    const reconnected = retrying;
    retrying = false;
    openedAt = Date.now();
    open = true;
    joins.rejoin();
    setStatus('open');
    if (reconnected) {
      callEach(reconnectListeners);
      callEach(resyncListeners);
    }
  }

  function dropped(): void {
    // the backoff starts over only after a connection that lasted: a server that accepts and
    // closes at once (1008, 1013, a proxy) gets the growing waits a refused handshake gets
    if (open && Date.now() - openedAt >= STABLE_MS) attempt = 0;
    ws = null;
    open = false;
    joins.drop();
    if (closed) {
      setStatus('closed');
      return;
    }
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    retrying = true;
    setStatus('reconnecting');
    // close() and reconnect() clear it: when it fires, the socket is still wanted
    timer = setTimeout(connect, backoffDelay(attempt++, options.backoff));
  }

  function receive(data: unknown): void {
    const frame = parseServerFrame(data);
    if (!frame) return;
    if (frame.op === 'invalidate') {
      if (frame.keys.length === 0) return;
      for (const listener of [...invalidateListeners]) callSafely(() => listener([...frame.keys]));
      return;
    }
    if (frame.op === 'resync') {
      callEach(resyncListeners);
      return;
    }
    joins.receive(frame);
  }

  /** Stops a pending reconnection and closes the current WebSocket, whose events no longer count. */
  function shut(reason: string): void {
    clearTimeout(timer);
    const socket = ws;
    ws = null;
    open = false;
    socket?.close(1000, reason);
  }

  /** Opens the socket unless it was opened before (or closed: then its status stays `closed`). */
  function ensureOpen(): void {
    if (status === 'idle') connect();
  }

  function subscribe<L>(listeners: Set<L>, listener: L): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  return {
    get status() {
      return status;
    },

    onStatus(listener) {
      return subscribe(statusListeners, listener);
    },

    join<P, M>(channel: string, params: P, handlers: ChannelHandlers<M>): ChannelJoin<M> {
      if (closed) {
        const error = new MizanError({
          status: 0,
          title: 'Socket closed',
          detail: `Cannot join "${channel}": the socket was closed.`,
        });
        const report = () => callSafely(() => handlers.onError?.(error));
        report();
        return { send: report, leave: () => {} };
      }
      ensureOpen();
      return joins.add(channel, params, handlers);
    },

    onInvalidate(listener) {
      ensureOpen();
      return subscribe(invalidateListeners, listener);
    },

    onReconnect(listener) {
      return subscribe(reconnectListeners, listener);
    },

    onResync(listener) {
      return subscribe(resyncListeners, listener);
    },

    reconnect() {
      if (closed || status === 'idle') return;
      shut('the caller changed');
      joins.drop();
      retrying = true;
      attempt = 0;
      connect();
    },

    close() {
      if (closed) return;
      closed = true;
      shut('closed by the client');
      joins.clear();
      setStatus('closed');
    },
  };
}
