// A plain JSON-style object: what the runtime expects wherever the server answers `{...}`.

/**
 * Whether a value is an object with string keys: not `null`, not an array.
 *
 * @example
 * isRecord({ result: 1 }); // true
 * isRecord([1, 2]);        // false
 * isRecord(null);          // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The objects of a JSON array (a problem's `errors`, a presence frame's `members`), skipping
 * anything else; none when the value is no array.
 *
 * @example
 * recordsIn([{ path: 'name' }, 7, null]); // [{ path: 'name' }]
 * recordsIn('x');                          // []
 */
export function recordsIn(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
