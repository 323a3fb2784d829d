// Invalidation keys, as the server writes them in `{"invalidate": [...]}` and `X-Mizan-Invalidate`.
//
//   key    = name | name ";" pair *( ";" pair )
//   pair   = pname "=" value
//
// Params are sorted by name. Names and values are percent-encoded as UTF-8 bytes, leaving only
// `A-Z a-z 0-9 - . _ ~` as they are. The shared examples live in protocol/keys.json.

/** Params of a context or of an invalidation key. Values are scalars; null/undefined mean "absent". */
export type KeyParams = Readonly<Record<string, unknown>>;

/** An invalidation key split into its context name and its (decoded) params. */
export interface ParsedKey {
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Name of the response header that carries invalidation keys. */
export const INVALIDATE_HEADER = 'X-Mizan-Invalidate';

/**
 * Percent-encodes a string as UTF-8, leaving only `A-Z a-z 0-9 - . _ ~` unencoded
 * (stricter than `encodeURIComponent`, which keeps `!'()*`). A lone surrogate is encoded as
 * U+FFFD, as UTF-8 encoders write it.
 *
 * @example
 * encodeKeyPart("it's (ok)!*"); // "it%27s%20%28ok%29%21%2A"
 */
export function encodeKeyPart(value: string): string {
  // \p{Cs} in a /u pattern matches only surrogates that are not half of a pair
  return encodeURIComponent(value.replace(/\p{Cs}/gu, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

function decodeKeyPart(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // Malformed escape: keep the text as written rather than dropping the key.
    return value;
  }
}

/**
 * Turns one param value into the string that the wire uses (query strings and keys).
 * Strings stay as they are, numbers/booleans/bigints go through `String()`, dates become ISO-8601,
 * anything else is JSON. `null` and `undefined` give `undefined` (the param is omitted).
 *
 * @example
 * paramToString(7);         // "7"
 * paramToString(true);      // "true"
 * paramToString(null);      // undefined
 */
export function paramToString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  // strings, numbers, booleans, bigints (and symbols, functions, which JSON leaves out)
  // a lone surrogate is U+FFFD, as UTF-8 encoders and the server's decoder write it
  return (typeof value !== 'object' ? String(value) : (JSON.stringify(value) ?? String(value))).replace(
    /\p{Cs}/gu,
    '\uFFFD',
  );
}

/**
 * Params as sorted `[name, value]` string pairs, null/undefined dropped.
 * Sorting compares UTF-16 code units, as Java's `String.compareTo` does.
 *
 * @example
 * paramEntries({ owner: 'bob', listId: 7, x: null }); // [["listId", "7"], ["owner", "bob"]]
 */
export function paramEntries(params: object | null | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, raw] of Object.entries(params ?? {}) as [string, unknown][]) {
    const value = paramToString(raw);
    if (value !== undefined) pairs.push([name, value]);
  }
  // an object's names are unique: no two compare equal
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return pairs;
}

/**
 * Writes an invalidation key for a context and (some of) its params.
 *
 * @example
 * formatKey('currentUser', {});                     // "currentUser"
 * formatKey('todos', { owner: 'bob', listId: 7 });  // "todos;listId=7;owner=bob"
 * formatKey('search', { q: 'a b' });                // "search;q=a%20b"
 */
export function formatKey(name: string, params: object = {}): string {
  return [encodeKeyPart(name), ...encodeParams(params)].join(';');
}

/** Params as `name=value` texts, both parts percent-encoded, sorted as `paramEntries` sorts them. */
export function encodeParams(params: object | null | undefined): string[] {
  return paramEntries(params).map(([name, value]) => encodeKeyPart(name) + '=' + encodeKeyPart(value));
}

/**
 * Reads an invalidation key back into its context name and decoded params.
 * Params may come in any order; a pair without `=` has the empty string as value.
 *
 * @example
 * parseKey('todos;listId=7;owner=bob');
 * // { name: "todos", params: { listId: "7", owner: "bob" } }
 */
export function parseKey(key: string): ParsedKey {
  const [name = '', ...pairs] = key.trim().split(';');
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const part = pair.trim();
    if (part === '') continue;
    // the value is all after the first '=' (none: '')
    const [pname = '', ...value] = part.split('=');
    params[decodeKeyPart(pname)] = decodeKeyPart(value.join('='));
  }
  return { name: decodeKeyPart(name.trim()), params };
}

/**
 * Splits an `X-Mizan-Invalidate` header into keys (trimmed, empties and duplicates dropped,
 * order kept). Keys never contain a raw comma, since values are percent-encoded.
 *
 * @example
 * parseInvalidateHeader('currentUser, userProfile;userId=5');
 * // ["currentUser", "userProfile;userId=5"]
 * parseInvalidateHeader(null); // []
 */
export function parseInvalidateHeader(header: string | null | undefined): string[] {
  return mergeKeys(header?.split(',') ?? []);
}

/**
 * The keys of a JSON `invalidate` array (in a call's answer or a pushed frame): its strings, in
 * order; anything else reads as no keys.
 *
 * @example
 * readKeys(['currentUser', 7]); // ["currentUser"]
 * readKeys(undefined);          // []
 */
export function readKeys(value: unknown): string[] {
  return Array.isArray(value) ? (value as unknown[]).filter((k): k is string => typeof k === 'string') : [];
}

/**
 * Joins keys into an `X-Mizan-Invalidate` header value.
 *
 * @example
 * formatInvalidateHeader(['currentUser', 'userProfile;userId=5']);
 * // "currentUser, userProfile;userId=5"
 */
export function formatInvalidateHeader(keys: readonly string[]): string {
  return mergeKeys(keys).join(', ');
}

/**
 * Concatenates lists of keys, trimming them and dropping empties and duplicates; first occurrence wins.
 *
 * @example
 * mergeKeys(['a', 'b'], ['b', 'c;x=1']); // ["a", "b", "c;x=1"]
 */
export function mergeKeys(...lists: readonly (readonly string[])[]): string[] {
  // a Set keeps the order in which its values were first added
  const keys = new Set(lists.flat().map((key) => key.trim()));
  keys.delete('');
  return [...keys];
}

/** A decimal number as JSON or Java may write it. */
export const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function valueMatches(keyValue: string, entryValue: unknown): boolean {
  // an absent value (null, undefined) has no string and matches nothing
  if (paramToString(entryValue) === keyValue) return true;
  // 1 matches "1.0" and "1e0": the server may write a number differently from String().
  return (
    (typeof entryValue === 'number' || typeof entryValue === 'bigint') &&
    NUMERIC.test(keyValue) &&
    Number(keyValue) === Number(entryValue)
  );
}

/**
 * Whether an invalidation key covers a cached context entry: same name, and the entry's params
 * include every pair of the key. Entry values compare as strings (`String(value)`); numbers also
 * compare numerically, so `1` and `"1.0"` match.
 *
 * @example
 * keyMatches('todos', 'todos', { owner: 'bob' });               // true
 * keyMatches('todos;owner=bob', 'todos', { owner: 'bob', listId: 7 }); // true
 * keyMatches('todos;owner=al', 'todos', { owner: 'bob' });      // false
 */
export function keyMatches(key: string | ParsedKey, name: string, params: object | null | undefined): boolean {
  const parsed = typeof key === 'string' ? parseKey(key) : key;
  if (parsed.name !== name) return false;
  const entry = (params ?? {}) as Readonly<Record<string, unknown>>;
  return Object.entries(parsed.params).every(
    ([pname, value]) => Object.prototype.hasOwnProperty.call(entry, pname) && valueMatches(value, entry[pname]),
  );
}
