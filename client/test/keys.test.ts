import { describe, expect, it } from 'vitest';
import keysFile from '../../protocol/keys.json';
import {
  encodeKeyPart,
  formatInvalidateHeader,
  formatKey,
  keyMatches,
  mergeKeys,
  paramEntries,
  parseInvalidateHeader,
  parseKey,
} from '../src/keys';

interface KeysFile {
  format: { name: string; params: Record<string, string>; key: string }[];
  header: { keys: string[]; header: string }[];
  match: { key: string; entry: { name: string; params: Record<string, string> }; matches: boolean }[];
}

// Read as plain data: the file is edited by both sides, its literal types are not the contract.
const shared = keysFile as unknown as KeysFile;

describe('protocol/keys.json (shared with the server)', () => {
  it('has cases in every section', () => {
    expect(shared.format.length).toBeGreaterThan(0);
    expect(shared.header.length).toBeGreaterThan(0);
    expect(shared.match.length).toBeGreaterThan(0);
  });

  describe('format', () => {
    it.each(shared.format.map((c) => [c.key, c] as const))('formatKey -> %s', (_key, c) => {
      expect(formatKey(c.name, c.params)).toBe(c.key);
    });

    it.each(shared.format.map((c) => [c.key, c] as const))('parseKey(%s) gives back name and params', (_key, c) => {
      expect(parseKey(c.key)).toEqual({ name: c.name, params: c.params });
    });

    it.each(shared.format.map((c) => [c.key, c] as const))('%s matches its own entry', (_key, c) => {
      expect(keyMatches(c.key, c.name, c.params)).toBe(true);
    });
  });

  describe('header', () => {
    it.each(shared.header.map((c) => [c.header, c] as const))('parseInvalidateHeader(%s)', (_h, c) => {
      expect(parseInvalidateHeader(c.header)).toEqual(c.keys);
    });

    it.each(shared.header.map((c) => [c.header, c] as const))('formatInvalidateHeader -> %s', (_h, c) => {
      expect(formatInvalidateHeader(c.keys)).toBe(c.header);
    });
  });

  describe('match', () => {
    it.each(shared.match.map((c) => [c.key, c.entry.name, JSON.stringify(c.entry.params), c.matches, c] as const))(
      'key %s vs entry %s %s -> %s',
      (_k, _n, _p, _m, c) => {
        expect(keyMatches(c.key, c.entry.name, c.entry.params)).toBe(c.matches);
      },
    );
  });
});

describe('formatKey', () => {
  it('sorts params by name and writes numbers and booleans with String()', () => {
    expect(formatKey('todos', { owner: 'bob', listId: 7, done: false })).toBe('todos;done=false;listId=7;owner=bob');
  });

  it('omits null and undefined params', () => {
    expect(formatKey('todos', { owner: null, listId: undefined })).toBe('todos');
  });

  it('encodes param names, and every byte outside the unreserved set', () => {
    expect(formatKey('x', { 'a b': '+/?#&' })).toBe('x;a%20b=%2B%2F%3F%23%26');
    expect(encodeKeyPart('日本')).toBe('%E6%97%A5%E6%9C%AC');
    expect(encodeKeyPart('😀')).toBe('%F0%9F%98%80');
  });

  it('does not throw on a lone surrogate (encoded as U+FFFD)', () => {
    expect(encodeKeyPart('\uD800')).toBe('%EF%BF%BD');
    expect(encodeKeyPart('a\uDC00b\uD83D')).toBe('a%EF%BF%BDb%EF%BF%BD');
    expect(encodeKeyPart('\uD83D\uDE00\uDE00')).toBe('%F0%9F%98%80%EF%BF%BD');
  });

  it('round-trips arbitrary text through parseKey', () => {
    const params = { q: "a;b=c, d%e 'f' (g)! * ~é", z: '', a: '0' };
    expect(parseKey(formatKey('search', params))).toEqual({ name: 'search', params });
  });
});

describe('parseKey', () => {
  it('accepts params in any order, surrounding spaces and pairs without a value', () => {
    expect(parseKey(' todos;owner=bob;listId=7 ')).toEqual({ name: 'todos', params: { owner: 'bob', listId: '7' } });
    expect(parseKey('todos;flag')).toEqual({ name: 'todos', params: { flag: '' } });
    expect(parseKey('todos;')).toEqual({ name: 'todos', params: {} });
  });

  it('keeps a malformed escape as written', () => {
    expect(parseKey('search;q=%E0%A4%A')).toEqual({ name: 'search', params: { q: '%E0%A4%A' } });
  });

  it('splits only at the first "=" of a pair', () => {
    expect(parseKey('a;x=1=2')).toEqual({ name: 'a', params: { x: '1=2' } });
  });
});

describe('parseInvalidateHeader', () => {
  it('returns [] for a missing or blank header', () => {
    expect(parseInvalidateHeader(null)).toEqual([]);
    expect(parseInvalidateHeader(undefined)).toEqual([]);
    expect(parseInvalidateHeader('')).toEqual([]);
    expect(parseInvalidateHeader(' , ,')).toEqual([]);
  });

  it('trims, drops empties and duplicates, keeps order', () => {
    expect(parseInvalidateHeader('b;x=1,a ,  b;x=1,, c')).toEqual(['b;x=1', 'a', 'c']);
  });

  it('reads a header that browsers combined from two header lines', () => {
    // Headers.get joins repeated header lines with ", ".
    const headers = new Headers();
    headers.append('X-Mizan-Invalidate', 'currentUser');
    headers.append('X-Mizan-Invalidate', 'userProfile;userId=5');
    expect(parseInvalidateHeader(headers.get('X-Mizan-Invalidate'))).toEqual(['currentUser', 'userProfile;userId=5']);
  });
});

describe('mergeKeys', () => {
  it('concatenates, dedupes and keeps first occurrence order', () => {
    expect(mergeKeys(['a', 'b'], ['b', 'c', 'a'], [])).toEqual(['a', 'b', 'c']);
  });
});

describe('paramEntries', () => {
  it('sorts by UTF-16 code units like Java String.compareTo', () => {
    expect(paramEntries({ b: 1, B: 2, a: 3, _: 4 }).map(([k]) => k)).toEqual(['B', '_', 'a', 'b']);
  });
});

describe('keyMatches', () => {
  const entry = { owner: 'bob', listId: 7 };

  it('compares numbers as strings and numerically', () => {
    expect(keyMatches('todos;listId=7', 'todos', entry)).toBe(true);
    expect(keyMatches('todos;listId=7.0', 'todos', entry)).toBe(true);
    expect(keyMatches('todos;listId=7e0', 'todos', entry)).toBe(true);
    expect(keyMatches('todos;listId=8', 'todos', entry)).toBe(false);
    expect(keyMatches('todos;listId=', 'todos', { listId: 0 })).toBe(false);
    expect(keyMatches('todos;listId=0', 'todos', { listId: 0 })).toBe(true);
  });

  it('compares string entry values as strings only', () => {
    expect(keyMatches('todos;listId=7.0', 'todos', { listId: '7' })).toBe(false);
  });

  it('compares booleans through String()', () => {
    expect(keyMatches('todos;done=true', 'todos', { done: true })).toBe(true);
    expect(keyMatches('todos;done=false', 'todos', { done: true })).toBe(false);
  });

  it('does not match when the entry lacks the param or holds null', () => {
    expect(keyMatches('todos;owner=bob', 'todos', {})).toBe(false);
    expect(keyMatches('todos;owner=null', 'todos', { owner: null })).toBe(false);
    expect(keyMatches('todos;toString=x', 'todos', {})).toBe(false);
  });

  it('accepts a parsed key', () => {
    expect(keyMatches(parseKey('todos;owner=bob'), 'todos', entry)).toBe(true);
    expect(keyMatches({ name: 'todos', params: { owner: 'al' } }, 'todos', entry)).toBe(false);
  });

  it('treats missing entry params as none', () => {
    expect(keyMatches('currentUser', 'currentUser', undefined)).toBe(true);
    expect(keyMatches('currentUser;id=1', 'currentUser', null)).toBe(false);
  });
});

describe('half a surrogate pair', () => {
  it('is U+FFFD in a key, and the key still covers the entry it was made from', () => {
    const key = formatKey('s', { q: 'a\uD800' });
    expect(key).toBe('s;q=a%EF%BF%BD');
    expect(keyMatches(key, 's', { q: 'a\uD800' })).toBe(true);
  });
});
