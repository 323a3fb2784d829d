import { describe, expect, it } from 'vitest';
import { parseJsonObject } from '../src/parseJsonObject';

describe('parseJsonObject', () => {
  it.each([
    ['an object', '{"status": 404, "title": "Not Found"}', { status: 404, title: 'Not Found' }],
    ['an empty object', '{}', {}],
    ['an object with whitespace around it', '\n  {"a": [1]}  \n', { a: [1] }],
    ['an array', '[1, 2]', undefined],
    ['null', 'null', undefined],
    ['a string', '"text"', undefined],
    ['a number', '42', undefined],
    ['malformed JSON', '{"a": ', undefined],
    ['HTML', '<html>login</html>', undefined],
    ['plain text', 'Service Unavailable', undefined],
    ['the empty string', '', undefined],
  ])('%s', (_what, text, expected) => {
    expect(parseJsonObject(text)).toEqual(expected);
  });
});
