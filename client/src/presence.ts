// Who is in a channel's group: the `presence` state frame, then `presence_diff` frames applied to it.

import { recordsIn } from './isRecord';

/** A member of a channel's group: a user (`null` for anonymous sockets, counted together) and its socket count. */
export interface PresenceMember {
  readonly user: string | null;
  readonly sockets: number;
}

/**
 * A presence frame of the protocol: the full state once after `joined`, then diffs. A diff's
 * `joins` carry users whose count rose, with the new count; `leaves` users whose count fell, with
 * what remains (`0`: gone).
 */
export type PresenceFrame =
  | { readonly op: 'presence'; readonly members: readonly PresenceMember[] }
  | {
      readonly op: 'presence_diff';
      readonly joins: readonly PresenceMember[];
      readonly leaves: readonly PresenceMember[];
    };

// the members applyPresence sorts have distinct users: no two compare equal
function byUser(a: PresenceMember, b: PresenceMember): number {
  if (a.user === null) return 1;
  if (b.user === null) return -1;
  return a.user < b.user ? -1 : 1;
}

/**
 * The members after a presence frame: the state frame replaces them, a diff sets the count of
 * each user it names (joins first, then leaves; a count of `0` removes the user). The result is
 * a new array sorted by user, anonymous last; the input is not changed.
 *
 * @example
 * let members = applyPresence([], { op: 'presence', members: [{ user: 'bob', sockets: 1 }] });
 * members = applyPresence(members, {
 *   op: 'presence_diff',
 *   joins: [{ user: 'al', sockets: 1 }],
 *   leaves: [{ user: 'bob', sockets: 0 }],
 * });
 * // [{ user: 'al', sockets: 1 }]
 */
export function applyPresence(members: readonly PresenceMember[], frame: PresenceFrame): PresenceMember[] {
  const lists = frame.op === 'presence' ? [frame.members] : [members, frame.joins, frame.leaves];
  // the last count given for a user holds
  const counts = new Map(lists.flat().map((m) => [m.user, m.sockets]));
  const out: PresenceMember[] = [];
  for (const [user, sockets] of counts) {
    if (sockets > 0) out.push({ user, sockets });
  }
  return out.sort(byUser);
}

/**
 * The members listed in a frame's `members`, `joins` or `leaves`, skipping malformed entries.
 *
 * @example
 * readPresenceMembers([{ user: 'al', sockets: 2 }, { user: 7 }]); // [{ user: 'al', sockets: 2 }]
 */
export function readPresenceMembers(value: unknown): PresenceMember[] {
  const out: PresenceMember[] = [];
  for (const item of recordsIn(value)) {
    const user = item['user'];
    const sockets = item['sockets'];
    if ((typeof user === 'string' || user === null) && typeof sockets === 'number' && sockets >= 0) {
      out.push({ user, sockets });
    }
  }
  return out;
}
