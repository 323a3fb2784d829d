import { describe, expect, it } from 'vitest';
import { isRecord } from '../src/isRecord';

describe('isRecord', () => {
  it.each([
    ['an empty object', {}, true],
    ['an object with fields', { result: 1, invalidate: [] }, true],
    ['an object without a prototype', Object.create(null) as object, true],
    ['null', null, false],
    ['undefined', undefined, false],
    ['an array', [1, 2], false],
    ['an empty array', [], false],
    ['a string', '{}', false],
    ['a number', 0, false],
    ['a boolean', true, false],
  ])('%s gives %s', (_what, value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });
});
