// The channel joins of one socket: each join's ref on the current connection, the messages queued
// until the server confirms it, its group's members, and the frames the server sends to it.

import { callSafely } from './callSafely';
import type { MizanError } from './errors';
import type { ClientFrame, ServerFrame } from './frames';
import { applyPresence } from './presence';
import type { PresenceMember } from './presence';

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

/** A server frame that concerns one join, named by its ref. */
export type JoinFrame = Exclude<ServerFrame, { readonly op: 'invalidate' | 'resync' }>;

/** The joins of a socket, as the connection comes and goes. */
export interface Joins {
  /** Adds a join; its frame goes out at once if the connection is open, else when it opens. */
  add<P, M>(channel: string, params: P, handlers: ChannelHandlers<M>): ChannelJoin<M>;
  /** The connection opened: every join is sent again, under a new ref. */
  rejoin(): void;
  /** The connection is gone: refs are forgotten until the next `rejoin()`. */
  drop(): void;
  /** The socket closed for good: every join is forgotten. */
  clear(): void;
  /** Hands a frame to the join it names; one with an unknown ref is ignored. */
  receive(frame: JoinFrame): void;
}

interface Join {
  readonly channel: string;
  readonly params: unknown;
  readonly handlers: ChannelHandlers<unknown>;
  /** Ref of the join frame on the current connection; undefined until it is sent. */
  ref?: string | undefined;
  joined: boolean;
  failed?: MizanError | undefined;
  queue: unknown[];
  members: PresenceMember[];
}

/**
 * The joins of a socket that sends frames with `write`, which answers false while the connection
 * is not open (the frame is then not sent).
 *
 * @example
 * const joins = createJoins((frame) => open && (ws.send(JSON.stringify(frame)), true));
 * const chat = joins.add('chat', { room: 'lobby' }, { onMessage: show });
 */
export function createJoins(write: (frame: ClientFrame) => boolean): Joins {
  let nextRef = 1;
  const joins = new Set<Join>();
  // no join is ever set under undefined: a join not sent, or a frame without a ref, finds none
  const byRef = new Map<string | undefined, Join>();

  function sendJoin(join: Join): void {
    const ref = String(nextRef);
    join.joined = false;
    if (!write({ op: 'join', ref, channel: join.channel, params: join.params })) return;
    nextRef++;
    join.ref = ref;
    byRef.set(ref, join);
  }

  /** Ends a join: it is no longer sent on reconnect, and a frame for its ref finds none. */
  function forget(join: Join): void {
    joins.delete(join);
    join.queue = [];
    byRef.delete(join.ref);
    join.ref = undefined;
  }

  function fail(join: Join, error: MizanError): void {
    join.failed = error;
    forget(join);
    callSafely(() => join.handlers.onError?.(error));
  }

  return {
    add<P, M>(channel: string, params: P, handlers: ChannelHandlers<M>): ChannelJoin<M> {
      const join: Join = {
        channel,
        params: params ?? {},
        handlers,
        joined: false,
        queue: [],
        members: [],
      };
      joins.add(join);
      sendJoin(join);
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
          if (!joins.has(join)) return;
          if (join.ref !== undefined) write({ op: 'leave', ref: join.ref });
          forget(join);
        },
      };
    },

    rejoin() {
      for (const join of [...joins]) sendJoin(join);
    },

    drop() {
      byRef.clear();
      for (const join of joins) {
        join.ref = undefined;
        join.joined = false;
      }
    },

    clear() {
      joins.clear();
      byRef.clear();
    },

    receive(frame) {
      // An error without a ref answers a frame the server could not read; no join to tell.
      const join = byRef.get(frame.ref);
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
    },
  };
}
