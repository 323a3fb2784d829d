import { describe, expect, it } from 'vitest';
import { applyPresence, readPresenceMembers } from '../src/presence';
import type { PresenceMember } from '../src/presence';

const state = (members: PresenceMember[]) => ({ op: 'presence' as const, members });
const diff = (joins: PresenceMember[], leaves: PresenceMember[]) => ({ op: 'presence_diff' as const, joins, leaves });

describe('applyPresence', () => {
  it('takes the state frame as the members, sorted by user with anonymous last', () => {
    const members = applyPresence(
      [{ user: 'zed', sockets: 9 }],
      state([
        { user: null, sockets: 2 },
        { user: 'bob', sockets: 1 },
        { user: 'Al', sockets: 1 },
        { user: 'al', sockets: 3 },
      ]),
    );
    expect(members).toEqual([
      { user: 'Al', sockets: 1 },
      { user: 'al', sockets: 3 },
      { user: 'bob', sockets: 1 },
      { user: null, sockets: 2 },
    ]);
  });

  it.each([
    ['a new user joins', [{ user: 'cy', sockets: 1 }], [], [['al', 1], ['bob', 2], ['cy', 1], [null, 1]]],
    ['a join carries the new count', [{ user: 'al', sockets: 2 }], [], [['al', 2], ['bob', 2], [null, 1]]],
    ['a leave carries the remaining count', [], [{ user: 'bob', sockets: 1 }], [['al', 1], ['bob', 1], [null, 1]]],
    ['a leave with 0 removes the member', [], [{ user: 'bob', sockets: 0 }], [['al', 1], [null, 1]]],
    ['anonymous sockets count together', [{ user: null, sockets: 2 }], [], [['al', 1], ['bob', 2], [null, 2]]],
    ['the last anonymous socket leaves', [], [{ user: null, sockets: 0 }], [['al', 1], ['bob', 2]]],
    ['a leave of someone unknown changes nothing', [], [{ user: 'ghost', sockets: 0 }], [['al', 1], ['bob', 2], [null, 1]]],
    ['joins and leaves in one diff', [{ user: 'cy', sockets: 1 }], [{ user: 'al', sockets: 0 }], [['bob', 2], ['cy', 1], [null, 1]]],
  ] as [string, PresenceMember[], PresenceMember[], [string | null, number][]][])(
    'applies a diff: %s',
    (_case, joins, leaves, expected) => {
      const before: PresenceMember[] = [
        { user: 'al', sockets: 1 },
        { user: 'bob', sockets: 2 },
        { user: null, sockets: 1 },
      ];
      const after = applyPresence(before, diff(joins, leaves));
      expect(after.map((m) => [m.user, m.sockets])).toEqual(expected);
      expect(before).toHaveLength(3);
    },
  );

  it('drops members with no sockets from a state frame', () => {
    expect(applyPresence([], state([{ user: 'al', sockets: 0 }]))).toEqual([]);
  });
});

describe('readPresenceMembers', () => {
  it('keeps well-formed members and skips the rest', () => {
    expect(
      readPresenceMembers([
        { user: 'al', sockets: 2 },
        { user: null, sockets: 1 },
        { user: 7, sockets: 1 },
        { user: 'bob' },
        { user: 'cy', sockets: -1 },
        'dan',
        null,
      ]),
    ).toEqual([
      { user: 'al', sockets: 2 },
      { user: null, sockets: 1 },
    ]);
    expect(readPresenceMembers(undefined)).toEqual([]);
  });
});
