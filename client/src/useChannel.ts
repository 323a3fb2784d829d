// React binding of a channel join: messages, presence, errors and the socket's status as state.

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { hashKey } from '@tanstack/react-query';
import type { MizanError } from './errors';
import type { PresenceMember } from './presence';
import { useMizanSocket } from './react';
import type { ChannelJoin } from './channelJoins';
import type { SocketStatus } from './socket';

/** Options of `useChannel`. */
export interface ChannelOptions<M> {
  /** Called with each message as it arrives (after it is added to `messages`). */
  onMessage?(message: M): void;
  /** How many of the latest messages `messages` keeps. Default 100. */
  keep?: number | undefined;
  /** Join only when true. Default `true`. */
  enabled?: boolean | undefined;
}

/** What `useChannel` returns. */
export interface ChannelState<M> {
  /** The latest messages, oldest first; emptied when the channel or params change. */
  messages: M[];
  /** Sends a message to the channel; queued until the join is confirmed. */
  send: (message: M) => void;
  /** The socket's status (`open`, `reconnecting`...). */
  status: SocketStatus;
  /** The group's members, sorted by user with anonymous last (channels with presence). */
  members: PresenceMember[];
  /** The last error: the refused join, or a refused message. Cleared when the join is confirmed. */
  error: MizanError | undefined;
}

/** Default number of messages `useChannel` keeps. */
export const DEFAULT_CHANNEL_KEEP = 100;

const NO_MEMBERS: PresenceMember[] = [];

/**
 * Joins a channel while the component is mounted, through the provider's socket. Joins again when
 * the channel or params change (compared by value, like context params), leaves on unmount.
 * Generated channel hooks (`useChatChannel({ room })`) call it.
 *
 * @example
 * function Chat({ room }: { room: string }) {
 *   const chat = useChannel<{ room: string }, ChatMessage>('chat', { room });
 *   return (
 *     <>
 *       <p>{chat.members.length} here, {chat.status}</p>
 *       {chat.messages.map((m, i) => <p key={i}>{m.author}: {m.text}</p>)}
 *       <button onClick={() => chat.send({ text: 'hi' })}>Say hi</button>
 *       {chat.error && <p role="alert">{chat.error.title}</p>}
 *     </>
 *   );
 * }
 */
export function useChannel<P, M>(channel: string, params: P, options: ChannelOptions<M> = {}): ChannelState<M> {
  const socket = useMizanSocket();
  const enabled = options.enabled ?? true;
  const [messages, setMessages] = useState<M[]>([]);
  const [members, setMembers] = useState<PresenceMember[]>(NO_MEMBERS);
  const [error, setError] = useState<MizanError | undefined>(undefined);
  const join = useRef<ChannelJoin<M> | null>(null);

  // The latest callback and limit, read when a message arrives, so that changing them does not rejoin.
  const latest = useRef(options);
  latest.current = options;

  const subscribe = useCallback((onChange: () => void) => socket.onStatus(onChange), [socket]);
  const getStatus = useCallback(() => socket.status, [socket]);
  const status = useSyncExternalStore(subscribe, getStatus, getStatus);

  // hashKey is TanStack's own: key order and undefined values do not change it.
  const hash = hashKey([channel, params]);
  useEffect(() => {
    if (!enabled) return undefined;
    setMessages((previous) => (previous.length === 0 ? previous : []));
    setMembers(NO_MEMBERS);
    setError(undefined);
    const current = socket.join<P, M>(channel, params, {
      onMessage: (message) => {
        const keep = Math.max(0, latest.current.keep ?? DEFAULT_CHANNEL_KEEP);
        setMessages((previous) => {
          const next = [...previous, message];
          return next.length > keep ? next.slice(next.length - keep) : next;
        });
        latest.current.onMessage?.(message);
      },
      onPresence: setMembers,
      onError: setError,
      onJoined: () => setError(undefined),
    });
    join.current = current;
    return () => {
      current.leave();
      if (join.current === current) join.current = null;
    };
    // params are covered by the hash: a new object with the same values keeps the join.
  }, [socket, hash, enabled]);

  const send = useCallback(
    (message: M) => {
      if (!join.current) {
        throw new Error(`useChannel('${channel}').send() needs the channel joined: enabled and mounted`);
      }
      join.current.send(message);
    },
    [channel],
  );

  return { messages, send, status, members, error };
}
