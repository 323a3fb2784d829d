// The JSON text frames of a Mizan WebSocket (docs/protocol.md, "Channels"): what the client
// writes and how it reads what the server sends. The socket uses nothing else to touch the wire.

import { MizanError } from './errors';
import { readKeys } from './keys';
import { parseJsonObject } from './parseJsonObject';
import { readPresenceMembers } from './presence';
import type { PresenceFrame } from './presence';

/** A frame the client sends. `ref` names the join, unique on its socket. */
export type ClientFrame =
  | { readonly op: 'join'; readonly ref: string; readonly channel: string; readonly params: unknown }
  | { readonly op: 'send'; readonly ref: string; readonly data: unknown }
  | { readonly op: 'leave'; readonly ref: string };

/** A frame the server sends, read into typed values. Unknown ops and malformed frames read as `undefined`. */
export type ServerFrame =
  | { readonly op: 'joined' | 'left'; readonly ref: string }
  | { readonly op: 'message'; readonly ref: string; readonly data: unknown }
  | { readonly op: 'error'; readonly ref: string | undefined; readonly error: MizanError }
  | (PresenceFrame & { readonly ref: string })
  | { readonly op: 'invalidate'; readonly keys: string[] }
  | { readonly op: 'resync' };

/**
 * The text of a client frame.
 *
 * @example
 * formatClientFrame({ op: 'join', ref: '1', channel: 'chat', params: { room: 'lobby' } });
 * // '{"op":"join","ref":"1","channel":"chat","params":{"room":"lobby"}}'
 */
export function formatClientFrame(frame: ClientFrame): string {
  return JSON.stringify(frame);
}

/**
 * Reads a server frame; `undefined` for text that is not a known frame (binary data, unknown op,
 * a frame without the `ref` its op needs). An `error` frame becomes a `MizanError`.
 *
 * @example
 * parseServerFrame('{"op":"message","ref":"1","data":{"text":"hi"}}');
 * // { op: 'message', ref: '1', data: { text: 'hi' } }
 * parseServerFrame('{"op":"error","ref":"1","status":403,"title":"Forbidden"}')?.op; // 'error'
 */
export function parseServerFrame(text: unknown): ServerFrame | undefined {
  // binary data is no frame
  const frame = typeof text === 'string' ? parseJsonObject(text) : undefined;
  if (!frame) return undefined;
  const op = frame['op'];
  const ref = typeof frame['ref'] === 'string' ? frame['ref'] : undefined;
  if (op === 'invalidate') return { op, keys: readKeys(frame['keys']) };
  if (op === 'resync') return { op };
  if (op === 'error') return { op, ref, error: MizanError.fromProblem(frame) };
  if (ref === undefined) return undefined;
  switch (op) {
    case 'joined':
    case 'left':
      return { op, ref };
    case 'message':
      return { op, ref, data: frame['data'] };
    case 'presence':
      return { op, ref, members: readPresenceMembers(frame['members']) };
    case 'presence_diff':
      return { op, ref, joins: readPresenceMembers(frame['joins']), leaves: readPresenceMembers(frame['leaves']) };
    default:
      return undefined;
  }
}
