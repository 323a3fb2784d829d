// The page's one WebSocket to the server: channel joins multiplexed by ref, live invalidation
// pushes, and reconnection with backoff. Framework-agnostic; React binds to it in useChannel.

import { backoffDelay } from './backoff';
import type { BackoffOptions } from './backoff';
import { MizanError } from './errors';
import { formatClientFrame, parseServerFrame } from './frames';
import type { ClientFrame } from './frames';
import { applyPresence } from './presence';
import type { PresenceMember } from './presence';

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

/** What a join reports. All optional; none is called after `leave()`. */
export interface ChannelHandlers<M> {
  /** A message the channel sent to this join's group. */
  onMessage?(message: M): void;
  /** The group's members, after each presence frame (channels with presence only). */
  onPresence?(members: PresenceMember[]): void;
  /**
   * The server refused something: the join (then the join is over and its queued messages are
   * dropped) or a message (then the join goes on).
   */
  onError?(error: MizanError): void;
  /** The server confirmed the join; again after each rejoin that follows a reconnect. */
  onJoined?(): void;
}

/** A join of one channel with one set of params. */
export interface ChannelJoin<M> {
  /** Sends a message to the channel; queued until the join is confirmed. */
  send(message: M): void;
  /** Leaves the channel. Calling it again does nothing. */
  leave(): void;
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

/** Default path of the channel endpoint, under the page's origin. */
export const DEFAULT_SOCKET_PATH = '/mizan/ws';

interface Join {
  readonly channel: string;
  readonly params: unknown;
  readonly handlers: ChannelHandlers<unknown>;
  /** Ref of the join frame on the current connection; undefined until it is sent. */
  ref: string | undefined;
  joined: boolean;
  failed: MizanError | undefined;
  queue: unknown[];
  members: PresenceMember[];
}

function resolveUrl(url: string | undefined): string {
  const page = typeof location === 'undefined' ? undefined : location;
  if (page === undefined) {
    if (url === undefined) {
      throw new Error(
        'createMizanSocket() has no page to take its URL from: pass one, e.g. ' +
          "createMizanSocket({ url: 'ws://localhost:8080/app/mizan/ws', WebSocket }).",
      );
    }
    return url;
  }
  const resolved = new URL(url ?? DEFAULT_SOCKET_PATH, page.href);
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:';
  else if (resolved.protocol === 'https:') resolved.protocol = 'wss:';
  return resolved.href;
}

// A listener that throws must not keep the others (other components on the same socket) from
// running: its error is rethrown on its own, where the page reports uncaught errors.
function callSafely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    setTimeout(() => {
      throw error;
    }, 0);
  }
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
export function createMizanSocket(options: MizanSocketOptions = {}): MizanSocket {
  let status: SocketStatus = 'idle';
  let ws: WebSocketLike | null = null;
  let open = false;
  let closed = false;
  let retrying = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextRef = 1;
  const joins = new Set<Join>();
  const byRef = new Map<string, Join>();
  const statusListeners = new Set<(status: SocketStatus) => void>();
  const invalidateListeners = new Set<(keys: string[]) => void>();
  const reconnectListeners = new Set<() => void>();
  const resyncListeners = new Set<() => void>();

  function setStatus(next: SocketStatus): void {
    if (status === next) return;
    status = next;
    for (const listener of [...statusListeners]) callSafely(() => listener(next));
  }

  function write(frame: ClientFrame): boolean {
    if (!open || !ws) return false;
    ws.send(formatClientFrame(frame));
    return true;
  }

  function sendJoin(join: Join): void {
    const ref = String(nextRef++);
    join.ref = ref;
    join.joined = false;
    byRef.set(ref, join);
    write({ op: 'join', ref, channel: join.channel, params: join.params });
  }

  function connect(): void {
    const Ctor: WebSocketConstructor | undefined =
      options.WebSocket ?? (typeof WebSocket === 'undefined' ? undefined : WebSocket);
    if (!Ctor) {
      throw new Error(
        'createMizanSocket() found no WebSocket here (Node has none before v22): pass one, ' +
          "e.g. import WebSocket from 'ws'; createMizanSocket({ url, WebSocket }).",
      );
    }
    const url = resolveUrl(options.url);
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
    attempt = 0;
    open = true;
    for (const join of [...joins]) sendJoin(join);
    setStatus('open');
    if (reconnected) {
      for (const listener of [...reconnectListeners]) callSafely(listener);
      for (const listener of [...resyncListeners]) callSafely(listener);
    }
  }

  function dropped(): void {
    ws = null;
    open = false;
    byRef.clear();
    for (const join of joins) {
      join.ref = undefined;
      join.joined = false;
    }
    if (closed) {
      setStatus('closed');
      return;
    }
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    retrying = true;
    setStatus('reconnecting');
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) connect();
    }, backoffDelay(attempt++, options.backoff));
  }

  function fail(join: Join, error: MizanError): void {
    join.failed = error;
    join.queue = [];
    joins.delete(join);
    if (join.ref !== undefined) byRef.delete(join.ref);
    join.ref = undefined;
    callSafely(() => join.handlers.onError?.(error));
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
      for (const listener of [...resyncListeners]) callSafely(listener);
      return;
    }
    // An error without a ref answers a frame the server could not read; no join to tell.
    const join = frame.ref === undefined ? undefined : byRef.get(frame.ref);
    if (!join) return;
    const { handlers } = join;
    switch (frame.op) {
      case 'joined': {
        join.joined = true;
        const queued = join.queue;
        join.queue = [];
        for (const data of queued) write({ op: 'send', ref: frame.ref, data });
        callSafely(() => handlers.onJoined?.());
        break;
      }
      case 'message':
        callSafely(() => handlers.onMessage?.(frame.data));
        break;
      case 'presence':
      case 'presence_diff': {
        const members = applyPresence(join.members, frame);
        join.members = members;
        callSafely(() => handlers.onPresence?.(members));
        break;
      }
      case 'error':
        if (join.joined) callSafely(() => handlers.onError?.(frame.error));
        else fail(join, frame.error);
        break;
      case 'left':
        byRef.delete(frame.ref);
        break;
    }
  }

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
      const join: Join = {
        channel,
        params: params ?? {},
        handlers,
        ref: undefined,
        joined: false,
        failed: undefined,
        queue: [],
        members: [],
      };
      joins.add(join);
      if (open) sendJoin(join);
      return {
        send(message: M) {
          const failed = join.failed;
          if (failed) {
            callSafely(() => handlers.onError?.(failed));
            return;
          }
          if (!joins.has(join)) return;
          if (join.joined && join.ref !== undefined && write({ op: 'send', ref: join.ref, data: message })) return;
          join.queue.push(message);
        },
        leave() {
          if (!joins.delete(join)) return;
          join.queue = [];
          if (join.ref !== undefined) {
            byRef.delete(join.ref);
            write({ op: 'leave', ref: join.ref });
            join.ref = undefined;
          }
        },
      };
    },

    onInvalidate(listener) {
      if (!closed) ensureOpen();
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
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const old = ws;
      ws = null; // its close event no longer counts
      open = false;
      byRef.clear();
      for (const join of joins) {
        join.ref = undefined;
        join.joined = false;
      }
      old?.close(1000, 'the caller changed');
      retrying = true;
      attempt = 0;
      connect();
    },

    close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const socket = ws;
      ws = null;
      open = false;
      joins.clear();
      byRef.clear();
      socket?.close(1000, 'closed by the client');
      setStatus('closed');
    },
  };
}
